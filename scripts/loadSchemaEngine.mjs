// Loads Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm, a
// development dependency) without Node's --experimental-wasm-modules flag: the
// package's entry imports its .wasm file as an ES module, so we instantiate
// that file ourselves and hand it to the generated bindings.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** @type {Promise<typeof import("@prisma/schema-engine-wasm").SchemaEngine> | undefined} */
let loaded;

/**
 * The engine class, instantiated once per process: the bindings module holds a
 * single WebAssembly instance, so a second one would break engines in use.
 * @returns {Promise<typeof import("@prisma/schema-engine-wasm").SchemaEngine>}
 */
export function loadSchemaEngine() {
  loaded ??= instantiate();
  return loaded;
}

async function instantiate() {
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const module = new WebAssembly.Module(fs.readFileSync(path.join(packageDir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings.SchemaEngine;
}
