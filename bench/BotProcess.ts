import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { productionNodeEnv, productionNodeFlags } from "../scripts/productionNode.mjs";
import type { BotProcessUsage, FromBotProcess, ToBotProcess } from "./botProcessProtocol.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
/** Where bench/compileBotEntries.ts writes the compiled bot entries. */
const compiledBenchDir = path.join(path.dirname(benchDir), "dist", "bench");

export interface BotProcessOptions {
  readonly discordToken: string;
  readonly discordApiUrl: string;
  readonly databaseUrl: string;
  readonly clockStart: Date;
  /** The CPU to pin the bot to with taskset, or null to let it run anywhere. */
  readonly cpu: string | null;
  /** Every line the bot logs (JSON, info level), as production would write it to stdout. */
  readonly onLogLine: (line: string) => void;
  /** "bot": the real bot (botProcessMain.ts); "floor": the bare discord.js client (floorBotMain.ts). Default "bot". */
  readonly entry?: "bot" | "floor";
}

/**
 * The real bot in a process of its own (bench/botProcessMain.ts): the
 * measured latency and memory are then the bot's alone, on its own core,
 * while the emulator and the hand-written SQL run in the measuring process.
 */
export class BotProcess {
  private readonly waiting = new Map<FromBotProcess["type"], (message: FromBotProcess) => void>();
  private readonly rejectors = new Set<(error: Error) => void>();
  private exitError: Error | null = null;
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4_000);
    });
    child.on("message", (message: FromBotProcess) => {
      const resolve = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      resolve?.(message);
    });
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exitError = new Error(`the bot process exited (${signal ?? `code ${code}`})${stderr === "" ? "" : `:\n${stderr}`}`);
        for (const reject of this.rejectors) reject(this.exitError);
        this.rejectors.clear();
        resolve();
      });
    });
  }

  static async start(options: BotProcessOptions): Promise<BotProcess> {
    // BENCH_BOT_NODE_FLAGS passes Node flags to the bot alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
    const nodeFlags = (process.env.BENCH_BOT_NODE_FLAGS ?? "").split(" ").filter((flag) => flag !== "");
    // Compiled, with production's Node settings, as `npm start` runs the bot; BENCH_BOT_BARE_NODE=1 leaves the settings out (to compare).
    const bare = process.env.BENCH_BOT_BARE_NODE === "1";
    const script = path.join(compiledBenchDir, options.entry === "floor" ? "floorBotMain.js" : "botProcessMain.js");
    if (!fs.existsSync(script))
      throw new Error(`${script} is missing: bench/run.ts compiles it (bench/compileBotEntries.ts) before measuring`);
    // --expose-gc lets the bench ask for a full collection before reading the live heap; it changes nothing else.
    const node = [process.execPath, "--expose-gc", ...(bare ? [] : productionNodeFlags), ...nodeFlags, script];
    const [command, ...args] = options.cpu === null ? node : ["taskset", "-c", options.cpu, ...node];
    const child = spawn(command ?? process.execPath, args, {
      cwd: path.dirname(benchDir),
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      // Only what the bot needs: a DISCORD_GUILD_ID or SHARD_COUNT in the caller's shell must not change what is measured.
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: options.discordToken,
        DISCORD_API_URL: options.discordApiUrl,
        DATABASE_URL: options.databaseUrl,
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
        BENCH_CLOCK_START: String(options.clockStart.getTime()),
        ...(bare ? {} : productionNodeEnv),
      },
    });
    if (child.stdout !== null) createInterface({ input: child.stdout }).on("line", options.onLogLine);
    const bot = new BotProcess(child);
    await bot.next("ready");
    return bot;
  }

  async setClock(at: Date): Promise<void> {
    await this.request({ type: "setClock", at: at.getTime() }, "clockSet");
  }

  async startServing(): Promise<void> {
    await this.request({ type: "startServing" }, "servingStarted");
  }

  /** With collectGarbage, the bot runs a full collection first (a pause of its own: never between timed runs' dispatch and reply). */
  async usage(options: { readonly collectGarbage: boolean } = { collectGarbage: false }): Promise<BotProcessUsage> {
    const message = await this.request({ type: "report", collectGarbage: options.collectGarbage }, "report");
    if (message.type !== "report") throw new Error(`unexpected answer ${message.type}`);
    return message.usage;
  }

  async stop(): Promise<void> {
    if (this.exitError === null && this.child.connected) this.child.send({ type: "stop" } satisfies ToBotProcess);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private async request(message: ToBotProcess, answer: FromBotProcess["type"]): Promise<FromBotProcess> {
    const reply = this.next(answer);
    this.child.send(message);
    return reply;
  }

  /** The next message of this type; rejects if the process exits first. */
  private next(type: FromBotProcess["type"]): Promise<FromBotProcess> {
    if (this.exitError !== null) return Promise.reject(this.exitError);
    return new Promise((resolve, reject) => {
      this.rejectors.add(reject);
      this.waiting.set(type, (message) => {
        this.rejectors.delete(reject);
        resolve(message);
      });
    });
  }
}
