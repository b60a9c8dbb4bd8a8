// Entry point of the vendored validator bundle: Ajv (JSON Schema 2020-12) with ajv-formats,
// exposed as globalThis.StaedtenetzAjv = { Ajv2020, addFormats }. Built with esbuild, see
// README.md next to the bundle.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
globalThis.StaedtenetzAjv = { Ajv2020: Ajv2020, addFormats: addFormats };
