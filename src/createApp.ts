import { buttonHandlers, slashCommands } from "../commands/registry.js";
import type { Config } from "./config/loadConfig.js";
import { systemClock, type Clock } from "./clock.js";
import { openDatabase, type DatabaseHandle } from "./db/openDatabase.js";
import { readSeedDocuments } from "./db/readSeedDocuments.js";
import { SerialWriteQueue } from "./db/SerialWriteQueue.js";
import { CheckpointTallyRepository } from "./db/repositories/CheckpointTallyRepository.js";
import { CheckpointRepository } from "./db/repositories/CheckpointRepository.js";
import { CohortRepository } from "./db/repositories/CohortRepository.js";
import { CompletionRepository } from "./db/repositories/CompletionRepository.js";
import { CurriculumRepository } from "./db/repositories/CurriculumRepository.js";
import { MemberRepository } from "./db/repositories/MemberRepository.js";
import { ReminderRepository } from "./db/repositories/ReminderRepository.js";
import { ScheduledPostPartRepository } from "./db/repositories/ScheduledPostPartRepository.js";
import { ScheduledPostRepository } from "./db/repositories/ScheduledPostRepository.js";
import { CurriculumParserThread } from "./workers/CurriculumParserThread.js";
import { createDiscordBot, type DiscordBot } from "./discord/createDiscordBot.js";
import { DiscordChannelGateway } from "./discord/DiscordChannelGateway.js";
import { DiscordPostSender } from "./discord/DiscordPostSender.js";
import { InteractionRouter } from "./discord/InteractionRouter.js";
import { discordPostRenderer } from "./discord/render/renderPost.js";
import { createLogger, type Logger } from "./logging/createLogger.js";
import { projectPaths } from "./projectPaths.js";
import { Announcer } from "./services/Announcer.js";
import { Scheduler } from "./scheduler/Scheduler.js";
import { CheckpointService } from "./services/CheckpointService.js";
import { checkpointTallyInfo } from "./services/checkpointTallyInfo.js";
import { CohortInfoService } from "./services/CohortInfoService.js";
import { CohortService } from "./services/CohortService.js";
import { CurriculumService } from "./services/CurriculumService.js";
import { PlanService } from "./services/PlanService.js";
import { PostService } from "./services/PostService.js";
import { ReminderService } from "./services/ReminderService.js";
import type { Services } from "./services/Services.js";
import { StudyService } from "./services/StudyService.js";
import { AuditRepository } from "./db/repositories/AuditRepository.js";
import { ExportRepository } from "./db/repositories/ExportRepository.js";
import { NudgeRepository } from "./db/repositories/NudgeRepository.js";
import { RosterRepository } from "./db/repositories/RosterRepository.js";
import { renderNudgeDm } from "./discord/render/renderNudgeDm.js";
import { AuditLog } from "./services/AuditLog.js";
import { ExportService } from "./services/ExportService.js";
import { FacilitatorService } from "./services/FacilitatorService.js";
import { NudgeService } from "./services/NudgeService.js";
import { RosterService } from "./services/RosterService.js";

export interface AppOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** node-cron expression of the scheduler's automatic tick; null turns it off (tests tick by hand). Default: every 20 s. */
  readonly schedulerTickCron?: string | null;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly services: Services;
  readonly discord: DiscordBot;
  /** Posts and reminders; started by start(). `scheduler.tick(now)` runs one pass by hand. */
  readonly scheduler: Scheduler;
  /** Connects to Discord (needs DISCORD_TOKEN) and starts answering interactions. */
  start(): Promise<void>;
  /** Releases everything createApp opened. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The composition root: builds logger, database (migrated and seeded),
 * repositories, services and the Discord client, and hands each its
 * dependencies explicitly. Nothing connects until start().
 */
// Long by design: the composition root is one list of wiring, read top to bottom; splitting it would hide who gets what.
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const baseLogger = overrides.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  // Each shard process logs which shard it is, so the processes' lines can be told apart.
  const logger = config.shard === undefined ? baseLogger : baseLogger.child({ shard: config.shard.id });
  const clock = overrides.clock ?? systemClock;
  const paths = projectPaths();
  const database = await openDatabase({ url: config.databaseUrl, migrationsDir: paths.migrationsDir, logger });

  const cohortRepository = new CohortRepository(database.prisma);
  // One queue for the whole process: writes never overlap a transaction in progress (see SerialWriteQueue).
  const writes = new SerialWriteQueue({ lockedRetryBudgetMs: database.lockedRetryBudgetMs, logger: logger.child({ component: "writes" }) });
  const curriculumRepository = new CurriculumRepository(database.prisma, writes);
  const memberRepository = new MemberRepository(database.prisma, writes);
  const completionRepository = new CompletionRepository(database.prisma, writes);
  const checkpointRepository = new CheckpointRepository(database.prisma, writes);
  const scheduledPostRepository = new ScheduledPostRepository(database.prisma, writes);
  const reminderRepository = new ReminderRepository(database.prisma, writes);

  const discord = createDiscordBot({
    token: config.discordToken ?? "",
    apiUrl: config.discordApiUrl,
    guildId: config.discordGuildId,
    definitions: slashCommands.map((command) => command.definition),
    logger,
    shard: config.shard,
    // A sharded bot's manager registers the commands once, before the shards start.
    registerCommands: config.shard === undefined,
  });

  const plans = new PlanService(curriculumRepository);
  // Every admin action writes one line here (who, what, when), timed by the app's clock.
  const audit = new AuditLog(new AuditRepository(database.prisma, writes), () => clock.now());
  const channelGateway = new DiscordChannelGateway(discord.client);
  // Imports are parsed on a worker thread, so a large document never stalls other servers' interactions.
  const parserThread = new CurriculumParserThread({ logger: logger.child({ component: "curriculum-parser" }) });
  const curricula = new CurriculumService(
    curriculumRepository,
    logger.child({ component: "curricula" }),
    plans,
    (text) => parserThread.parse(text),
    audit,
  );
  const cohorts = new CohortService(
    cohortRepository,
    memberRepository,
    curriculumRepository,
    channelGateway,
    logger.child({ component: "cohorts" }),
    audit,
  );
  const study = new StudyService(cohorts, plans, completionRepository, logger.child({ component: "study" }));
  const roster = new RosterService(cohorts, plans, new RosterRepository(database.prisma, database.target.provider));
  const cohortInfo = new CohortInfoService(cohorts, curricula, plans, [
    checkpointTallyInfo(new CheckpointTallyRepository(database.prisma)),
    roster.confidenceInfo(),
  ]);
  const checkpoints = new CheckpointService(cohorts, plans, checkpointRepository, logger.child({ component: "checkpoints" }));
  const posts = new PostService(plans, study, cohortRepository, curricula);
  const reminders = new ReminderService(plans, completionRepository, reminderRepository);
  const postSender = new DiscordPostSender(discord.client, logger.child({ component: "posts" }));
  // Posts are worded by the Discord renderer, in each cohort's language.
  const announcements = new Announcer(
    cohorts,
    cohortRepository,
    posts,
    postSender,
    discordPostRenderer,
    logger.child({ component: "announcements" }),
    audit,
  );
  const nudges = new NudgeService(
    cohorts,
    new NudgeRepository(database.prisma, writes),
    postSender,
    renderNudgeDm,
    audit,
    logger.child({ component: "nudges" }),
  );
  const services: Services = {
    curricula,
    cohorts,
    cohortInfo,
    study,
    checkpoints,
    posts,
    reminders,
    announcements,
    roster,
    nudges,
    facilitators: new FacilitatorService(cohorts, study, audit),
    exports: new ExportService(cohorts, plans, new ExportRepository(database.prisma)),
  };
  await curricula.seed(readSeedDocuments(paths.seedCurriculaDir));

  const scheduler = new Scheduler({
    cohorts: cohortRepository,
    posts: scheduledPostRepository,
    postParts: new ScheduledPostPartRepository(database.prisma, writes),
    reminders: reminderRepository,
    postService: posts,
    reminderService: reminders,
    sender: postSender,
    renderer: discordPostRenderer,
    channels: channelGateway,
    clock,
    logger: logger.child({ component: "scheduler" }),
    ...(overrides.schedulerTickCron === undefined ? {} : { tickCron: overrides.schedulerTickCron }),
    // A shard posts for the guilds it holds now; read at every tick, since resharding moves guilds between shards.
    // Should two shards ever hold the same guild (overlap while resharding), the database claim still decides.
    ...(config.shard === undefined ? {} : { guildScope: () => [...discord.client.guilds.cache.keys()] }),
  });

  const router = new InteractionRouter({ commands: slashCommands, buttons: buttonHandlers, services, clock, logger });

  let closed = false;
  return {
    config,
    logger,
    clock,
    database,
    services,
    discord,
    scheduler,
    async start() {
      if (config.discordToken === undefined) throw new Error("DISCORD_TOKEN is required to connect to Discord");
      await discord.start(router);
      scheduler.start();
    },
    async close() {
      if (closed) return;
      closed = true;
      // A tick in progress finishes first: its claims are then marked, not left stale.
      await scheduler.stop();
      await discord.stop();
      await parserThread.close();
      await database.close();
    },
  };
}
