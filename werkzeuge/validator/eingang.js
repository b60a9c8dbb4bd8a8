// Entry point of the vendored validator bundle: the form's schema compiled by Ajv (JSON Schema
// 2020-12, with ajv-formats) into plain code – no eval, so it runs under the site's CSP.
// Exposes globalThis.StaedtenetzAjv = { pruefen, schemaHash }. Built by bauen.sh.
const erzeugt = require("./erzeugt/pruefen.cjs");
globalThis.StaedtenetzAjv = { pruefen: erzeugt, schemaHash: erzeugt.schemaHash };
