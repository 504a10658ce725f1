import fs from "node:fs";
import path from "node:path";
import { ManualClock } from "../clock.js";
import type { Config } from "../config/loadConfig.js";
import { createApp, type App } from "../createApp.js";
import { isValidTimeZone } from "../domain/schedule/localTime.js";
import { DiscordEmulator } from "../emulator/DiscordEmulator.js";
import { createLogger, type Logger } from "../logging/createLogger.js";
import { projectPaths } from "../projectPaths.js";
import { ClockControl } from "./ClockControl.js";
import { demoTimeline } from "./demoTimeline.js";
import { createDemoWorld, type DemoWorld } from "./demoWorld.js";
import { MemberDirectory } from "./MemberDirectory.js";
import { botName, MessageFeed } from "./MessageFeed.js";
import { PlaygroundActions } from "./PlaygroundActions.js";
import { startPlaygroundServer } from "./PlaygroundServer.js";
import { seedDemo } from "./seedDemo.js";
import { SimulatedReaders } from "./SimulatedReaders.js";

export interface PlaygroundOptions {
  readonly config: Config;
  readonly logger?: Logger;
  /** The real instant the demo is placed around (default: now). */
  readonly now?: Date;
  /** The demo cohort's time zone (default: this machine's). */
  readonly timeZone?: string;
  /**
   * How long the emulator gives the bot to acknowledge an interaction, and waits for an answer
   * (default: Discord's 3 s and the emulator's 10 s). Tests on a busy machine give a hang guard.
   */
  readonly interactionDeadlineMs?: number;
}

export interface Playground {
  /** The page: `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly app: App;
  readonly emulator: DiscordEmulator;
  readonly clock: ManualClock;
  readonly world: DemoWorld;
  readonly actions: PlaygroundActions;
  close(): Promise<void>;
}

/**
 * The local playground: the Discord emulator on 127.0.0.1, the real bot
 * (createApp, same commands, database layer and scheduler) logged in to it with
 * a clock the page moves, a demo server with a cohort and simulated members, and
 * the web page. The demo lives in its own SQLite file (PLAYGROUND_DATABASE_URL),
 * rebuilt at every start because the emulator's server exists only in memory.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.playgroundLogLevel, format: config.logFormat });
  const staticDir = path.join(projectPaths().root, "src", "playground", "static");
  if (!fs.existsSync(path.join(staticDir, "index.html"))) throw new Error(`the playground's page is missing (${staticDir})`);

  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const server = await startPlaygroundServer({ port: config.playgroundPort, staticDir, logger });
    cleanups.push(() => server.close());
    // Only once the port is ours: a second start must not delete a running playground's demo.
    removeDemoDatabase(config.playgroundDatabaseUrl);
    const timeline = demoTimeline(options.now ?? new Date(), options.timeZone ?? machineTimeZone());
    const clock = new ManualClock(timeline.historyStart);
    const emulator = await DiscordEmulator.start({
      botUsername: botName,
      interactionDeadlineMs: options.interactionDeadlineMs,
      answerWaitMs: options.interactionDeadlineMs,
      logger: (level, message, details) => logger[level]({ component: "emulator", ...details }, message),
      // Ids on the page's clock, which the bot runs on: a lookup `after=` an instant of the bot's finds them.
      now: () => clock.now().getTime(),
    });
    cleanups.push(() => emulator.stop());
    const world = createDemoWorld(emulator);
    const feed = new MessageFeed(emulator, clock, { nameOf: world.nameOf, ids: () => world.users.map((user) => user.id) });
    cleanups.push(() => feed.close());

    const app = await createApp(
      {
        ...config,
        discordToken: emulator.token,
        discordApiUrl: emulator.apiUrl,
        discordGuildId: undefined,
        databaseUrl: config.playgroundDatabaseUrl,
      },
      // The clock only moves when the page says so, and each move ticks the scheduler itself.
      { clock, logger, schedulerTickCron: null },
    );
    cleanups.push(() => app.close());
    await app.start();
    expectCommandsRegistered(emulator);

    const scheduler = app.scheduler;
    const cohort = await seedDemo({ services: app.services, world, clock, timeline, scheduler });
    const readers = new SimulatedReaders(
      app.services,
      world.guild.id,
      cohort.id,
      timeline.timeZone,
      new Map(world.members.map((member) => [member.username, member.id])),
    );
    const clockControl = new ClockControl(
      clock,
      app.services,
      world.guild.id,
      cohort.id,
      timeline.timeZone,
      scheduler,
      () => world.users.map((user) => user.id),
      readers,
    );
    await clockControl.tickNow();
    const actions = new PlaygroundActions(
      emulator,
      world,
      feed,
      clockControl,
      new MemberDirectory(app.services, world, (userId) => emulator.userLocale(userId)),
      logger,
    );
    server.serve(actions);
    return { url: server.url, app, emulator, clock, world, actions, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The page needs the slash commands. `app.start()` resolves once the bot has registered them with
 * the emulator (createDiscordBot awaits syncCommands), so there is nothing to wait for: none
 * registered means they never will be (a SHARDS setting turns registering off).
 */
function expectCommandsRegistered(emulator: DiscordEmulator): void {
  if (emulator.registeredCommands().length === 0) throw new Error("the bot did not register its slash commands with the emulator");
}

/** Every start builds a fresh demo; only the playground's own file (never DATABASE_URL, see loadConfig) is removed. */
function removeDemoDatabase(url: string): void {
  const file = path.resolve(url.slice("file:".length).replace(/\?.*$/, ""));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isValidTimeZone(zone) ? zone : "UTC";
}
