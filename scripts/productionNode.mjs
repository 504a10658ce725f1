// How production runs Node (issue 14): `npm start`, the Dockerfile and the
// benchmark's bot process all use these, and shard processes inherit them
// (the ShardingManager passes process.execArgv on; children inherit the
// environment). test/unit/productionNode.test.ts checks that package.json
// and the Dockerfile say the same. Why each (see README "Sizing a process"):
// - a 2 MB semi-space: V8's young generation otherwise grows to 32 MB;
// - a bounded old space: V8 sizes its first full collection from the limit,
//   so the heap no longer swells to ~150 MB before collecting a 40 MB live set
//   (a live set near the limit would crash the process: size it with margin);
// - Liftoff only: Prisma's query compiler is WebAssembly, and optimising it
//   with TurboFan leaves tens of MB of compiler memory behind;
// - one malloc arena: glibc otherwise keeps one arena per thread that ever
//   allocated (libuv's pool, the WebAssembly compiler, the SQLite worker
//   threads), each holding freed memory; a second arena still kept about
//   4 MB more at the bench's peak (README "Sizing a process").

/** Node command-line flags, before the entry script. */
export const productionNodeFlags = ["--max-semi-space-size=2", "--max-old-space-size=256", "--liftoff-only"];

/** Environment variables the process must start with (glibc reads them once, at start). */
export const productionNodeEnv = { MALLOC_ARENA_MAX: "1" };
