import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts the worker program `name` of this folder. The built bot runs the
 * compiled .js file directly. Run from TypeScript sources (tsx, vitest), the
 * worker registers tsx first so it can load them.
 */
export function spawnWorker(name: string): Worker {
  const url = new URL(`./${name}${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
  if (url.pathname.endsWith(".js")) return new Worker(url);
  // require.resolve finds tsx's CommonJS entry; its ES module twin beside it is the one that registers hooks in a worker.
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
