import { Writable } from "node:stream";
import type { ManualClock } from "../src/clock.js";
import { loadConfig } from "../src/config/loadConfig.js";
import { createApp, type App } from "../src/createApp.js";
import { DiscordEmulator, type EmulatorGuild } from "../src/emulator/DiscordEmulator.js";
import { createLogger, type Logger } from "../src/logging/createLogger.js";

/**
 * The bot's logs as production writes them (JSON lines at info level), thrown
 * away after counting, so the bench pays for logging but not for a disk.
 * Warnings and errors are kept: a run that logs one is reported.
 */
export class CountingLog {
  lines = 0;
  readonly problems: string[] = [];
  /** For a bot in this process. */
  readonly logger: Logger;

  constructor() {
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        for (const line of chunk.toString("utf8").split("\n")) this.count(line);
        callback();
      },
    });
    this.logger = createLogger({ level: "info", format: "json", destination });
  }

  /** One line of a bot's output (also the lines of a bot process's stdout). */
  count(line: string): void {
    if (line === "") return;
    this.lines += 1;
    // pino levels: 40 warn, 50 error, 60 fatal.
    if (/"level":(4|5|6)\d/.test(line) && this.problems.length < 20) this.problems.push(line.slice(0, 500));
  }
}

/**
 * A Discord emulator with one server, the cohort's channel and an admin. The
 * measurement logs a bot process in to it (bench/BotProcess.ts); preparing the
 * data set logs the real bot in within this process (startBot) to create the
 * cohort as an admin would.
 */
export class BenchWorld {
  private app: App | null = null;

  private constructor(
    readonly emulator: DiscordEmulator,
    readonly guild: EmulatorGuild,
    readonly channel: { id: string; name: string },
    readonly admin: { id: string; username: string },
  ) {}

  static async start(): Promise<BenchWorld> {
    // The bench waits for each reply itself; a generous deadline keeps a slow outlier measurable instead of "failed".
    const emulator = await DiscordEmulator.start({ interactionDeadlineMs: 10_000 });
    const guild = emulator.createGuild({ name: "Benchmark Server" });
    const channel = emulator.createChannel(guild.id, { name: "benchmark-cohort" });
    const admin = emulator.createMember(guild.id, { username: "bench-admin", manageGuild: true });
    return new BenchWorld(emulator, guild, channel, admin);
  }

  /**
   * Members who will run commands; made before the bot connects, so they arrive with GUILD_CREATE. Each carries
   * the display name stored for its membership: a name that differs is written by the interaction that brings it
   * (a rename), which a member's everyday command never does, so it must not be what the bench measures.
   */
  addMembers(displayNames: readonly string[]): string[] {
    return displayNames.map(
      (displayName, index) => this.emulator.createMember(this.guild.id, { username: `bench-reader-${index + 1}`, displayName }).id,
    );
  }

  /** Builds the app on `databaseUrl` (migrated and seeded like a first start) and logs it in. */
  async startBot(databaseUrl: string, clock: ManualClock, logger: Logger): Promise<App> {
    if (this.app !== null) throw new Error("the bot is already running");
    const config = loadConfig({
      DISCORD_TOKEN: this.emulator.token,
      DISCORD_API_URL: this.emulator.apiUrl,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
    });
    // The scheduler's cron is off: its posts are not what is measured, and a tick landing mid-run would only add noise.
    const app = await createApp(config, { logger, clock, schedulerTickCron: null });
    this.app = app;
    await app.start();
    return app;
  }

  async stopBot(): Promise<void> {
    const app = this.app;
    this.app = null;
    await app?.close();
  }

  async close(): Promise<void> {
    // discord.js first: a client whose server vanished keeps retrying.
    await this.stopBot();
    await this.emulator.stop();
  }
}
