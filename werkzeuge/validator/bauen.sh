#!/bin/sh
# Baut den JSON-Schema-Validator des Einreichungsformulars neu (nur bei einem Versionswechsel
# nötig; das Ergebnis liegt im Repository). Braucht Node.js und npm (Debian: nodejs, npm).
set -eu
cd "$(dirname "$0")"
ziel=../../plugins/staedtenetz/ansichten/assets/vendor
npm ci --no-audit --no-fund --ignore-scripts
# esbuild bringt sein Programm als optionales Paket mit; --ignore-scripts überspringt nur die Prüfung.
npx esbuild eingang.js --bundle --minify --format=iife --target=es2018 --legal-comments=eof \
  --outfile="$ziel/ajv2020.min.js"
{
  for p in ajv ajv-formats fast-deep-equal fast-uri json-schema-traverse require-from-string; do
    v=$(node -p "require('./node_modules/$p/package.json').version")
    echo "=== $p $v ==="
    cat node_modules/$p/LICENSE* node_modules/$p/license 2>/dev/null || true
    echo
  done
} > "$ziel/ajv2020.LICENSE.txt"
echo "Gebaut: $ziel/ajv2020.min.js"
