// Generates the form's validator as plain code (Ajv "standalone"), so the site needs no eval:
// the Content-Security-Policy allows only scripts from the site ('self', no 'unsafe-eval').
// Input: the committed schema; output: a CommonJS module that esbuild bundles for the browser.
const fs = require("fs");
const crypto = require("crypto");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const standaloneCode = require("ajv/dist/standalone").default;

const [schemaPfad, ziel] = process.argv.slice(2);
const text = fs.readFileSync(schemaPfad, "utf8");
const schema = JSON.parse(text);
// Ajv's discriminator does not take OpenAPI's "mapping" (only a shortcut): the oneOf decides.
if (schema.discriminator) schema.discriminator = { propertyName: schema.discriminator.propertyName };
const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true, verbose: true, code: { source: true, esm: false } });
addFormats(ajv);
const pruefen = ajv.compile(schema);
const hash = crypto.createHash("sha256").update(text).digest("hex");
fs.writeFileSync(ziel, standaloneCode(ajv, pruefen) + `\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\n`);
