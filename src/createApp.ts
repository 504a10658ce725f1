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
import { MemberPlanRepository } from "./db/repositories/MemberPlanRepository.js";
import { LiveBoardRepository } from "./db/repositories/LiveBoardRepository.js";
import { MemberDayRepository } from "./db/repositories/MemberDayRepository.js";
import { MemberRepository } from "./db/repositories/MemberRepository.js";
import { fillNameKeys } from "./db/fillNameKeys.js";
import { PrivacyRepository } from "./db/repositories/PrivacyRepository.js";
import { ReminderRepository, type ReminderRepositoryOptions } from "./db/repositories/ReminderRepository.js";
import { ScheduledPostPartRepository } from "./db/repositories/ScheduledPostPartRepository.js";
import { AnnouncementRepository } from "./db/repositories/AnnouncementRepository.js";
import { AnnouncementPartRepository } from "./db/repositories/AnnouncementPartRepository.js";
import { ScheduledPostRepository } from "./db/repositories/ScheduledPostRepository.js";
import { CurriculumParserThread } from "./workers/CurriculumParserThread.js";
import { PlanBuildThread, type PlanBuildThreadOptions } from "./workers/PlanBuildThread.js";
import { createDiscordBot, type DiscordBot } from "./discord/createDiscordBot.js";
import { DiscordChannelGateway } from "./discord/DiscordChannelGateway.js";
import { catalogueWeekWords } from "./discord/i18n/catalogueWeekWords.js";
import { DiscordRoleDirectory } from "./discord/DiscordRoleDirectory.js";
import { DiscordPostSender } from "./discord/DiscordPostSender.js";
import { InteractionRouter } from "./discord/InteractionRouter.js";
import { settledWithin } from "./discord/InFlightWork.js";
import { watchGuildMembership, type GuildMembershipWatch } from "./discord/watchGuildMembership.js";
import { LazyPictures } from "./discord/pictures/LazyPictures.js";
import type { Pictures } from "./discord/pictures/Pictures.js";
import { createDiscordPostRenderer } from "./discord/render/renderPost.js";
import { createLogger, type Logger } from "./logging/createLogger.js";
import { projectPaths, type ProjectPaths } from "./projectPaths.js";
import { throwFailures } from "./shared/throwFailures.js";
import { CleanupStack } from "./shared/CleanupStack.js";
import { Announcer } from "./services/Announcer.js";
import { Scheduler } from "./scheduler/Scheduler.js";
import { CheckpointService } from "./services/CheckpointService.js";
import { checkpointTallyInfo } from "./services/checkpointTallyInfo.js";
import { CohortInfoService } from "./services/CohortInfoService.js";
import { CourseEndService } from "./services/CourseEndService.js";
import { prepareTimeZoneSuggestions } from "./services/suggestTimeZones.js";
import { CohortBreakService } from "./services/CohortBreakService.js";
import { CohortService } from "./services/CohortService.js";
import { CurriculumService } from "./services/CurriculumService.js";
import { MemberPlanService } from "./services/MemberPlanService.js";
import { defaultPlanCacheLimits, PlanService } from "./services/PlanService.js";
import { PostService } from "./services/PostService.js";
import { PrivacyService } from "./services/PrivacyService.js";
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
import { shutdownWaitMs } from "./shutdownBudget.js";
import { FacilitatorService } from "./services/FacilitatorService.js";
import { NudgeService } from "./services/NudgeService.js";
import { RosterService } from "./services/RosterService.js";

export interface AppOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** node-cron expression of the scheduler's automatic tick; null turns it off (tests tick by hand). Default: every 20 s. */
  readonly schedulerTickCron?: string | null;
  /** Final board edits a scheduler tick makes at most. Default: schedulerTiming.liveBoardFinalsPerTick (tests set a small one). */
  readonly schedulerFinalEditsPerTick?: number;
  /** Members whose own course is over the scheduler remembers at most. Default: schedulerTiming.courseOverMembersKept (tests set a small one). */
  readonly schedulerCourseOverMembersKept?: number;
  /** Posted boards a scheduler tick edits again at most. Default: schedulerTiming.postedBoardsPerTick (tests set a small one). */
  readonly schedulerPostedBoardsPerTick?: number;
  /** How long close() waits in all for work in flight. Default: shutdownWaitMs (src/shutdownBudget.ts; tests set a short one). */
  readonly shutdownWaitMs?: number;
  /** Where the migrations and the built-in curricula are read from. Default: the project's own folders. */
  readonly paths?: ProjectPaths;
  /**
   * Which plans are balanced on a worker thread (`minWork`; Infinity: none), how it starts, and how long it may stay
   * silent before it counts as stuck (`timeoutMs`; tests that hold its work longer). Default: PlanBuildThread's.
   */
  readonly planBuilds?: Pick<PlanBuildThreadOptions, "minWork" | "spawn" | "timeoutMs">;
  /** What draws the cards and charts. Default: the canvas renderer, loaded with the first picture (LazyPictures). */
  readonly pictures?: Pictures;
  /** Test seams of the reminder repository (ReminderRepositoryOptions). Default: none. */
  readonly reminderRepository?: ReminderRepositoryOptions;
  /**
   * Builds the weekly and checkpoint posts' repository: a test's subclass, which commits another write at a chosen
   * moment of a send. Default: ScheduledPostRepository itself.
   */
  readonly scheduledPostRepository?: (prisma: DatabaseHandle["prisma"], writes: SerialWriteQueue) => ScheduledPostRepository;
  /**
   * Builds the cohorts' repository: a test's subclass, which commits another write at a chosen moment of the
   * course's end (between the final board's read and its keeping). Default: CohortRepository itself.
   */
  readonly cohortRepository?: (
    prisma: DatabaseHandle["prisma"],
    provider: DatabaseHandle["target"]["provider"],
    writes: SerialWriteQueue,
  ) => CohortRepository;
  /**
   * Builds `/cohort export`'s repository: a test's subclass, which runs other interactions between two of its
   * batches. Default: ExportRepository itself.
   */
  readonly exportRepository?: (prisma: DatabaseHandle["prisma"]) => ExportRepository;
  /** The client the completions' repository sends its Prisma queries through: a test's view that counts them. Default: the app's. */
  readonly completionPrisma?: (prisma: DatabaseHandle["prisma"]) => DatabaseHandle["prisma"];
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly services: Services;
  readonly discord: DiscordBot;
  /** The process's one write queue, which every repository of the app shares (see SerialWriteQueue). */
  readonly writes: SerialWriteQueue;
  /** Posts and reminders; started by start(). `scheduler.tick(now)` runs one pass by hand. */
  readonly scheduler: Scheduler;
  /** Which servers the bot is in; `settled()` waits for the departures their changes record or cancel. */
  readonly membership: GuildMembershipWatch;
  /** Connects to Discord (needs DISCORD_TOKEN) and starts answering interactions. */
  start(): Promise<void>;
  /** Releases everything createApp opened. Safe to call twice. */
  close(): Promise<void>;
  /** Whether the bot can do its work now: what the heartbeat (HEALTH_FILE) is written on. */
  healthy(): Promise<boolean>;
}

/**
 * The composition root: builds logger, database (migrated and seeded),
 * repositories, services and the Discord client, and hands each its
 * dependencies explicitly. Nothing connects until start().
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const baseLogger = overrides.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  // Each shard process logs which shard it is, so the processes' lines can be told apart.
  const logger = config.shard === undefined ? baseLogger : baseLogger.child({ shard: config.shard.id });
  const clock = overrides.clock ?? systemClock;
  const paths = overrides.paths ?? projectPaths();
  const database = await openDatabase({ url: config.databaseUrl, migrationsDir: paths.migrationsDir, logger });
  // What start-up opens, closed last-opened first by close(), or at once when a later step throws (a
  // built-in curriculum that cannot be read): a failed start leaves no connection or thread behind.
  const opened = new CleanupStack();
  opened.defer(() => database.close());
  try {
    return await assembleApp({ config, overrides, logger, clock, paths, database, opened });
  } catch (error) {
    await opened.closeAll().catch((closeError: unknown) => logger.warn({ err: closeError }, "could not close what a failed start opened"));
    throw error;
  }
}

interface AppParts {
  readonly config: Config;
  readonly overrides: AppOverrides;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly paths: ProjectPaths;
  readonly database: DatabaseHandle;
  readonly opened: CleanupStack;
}

// Long by design: the composition root is one list of wiring, read top to bottom; splitting it would hide who gets what.
async function assembleApp({ config, overrides, logger, clock, paths, database, opened }: AppParts): Promise<App> {
  // One queue for the whole process: writes never overlap a transaction in progress (see SerialWriteQueue).
  const writes = new SerialWriteQueue({ lockedRetryBudgetMs: database.lockedRetryBudgetMs, logger: logger.child({ component: "writes" }) });
  const cohortRepository =
    overrides.cohortRepository?.(database.prisma, database.target.provider, writes) ??
    new CohortRepository(database.prisma, database.target.provider, writes);
  const curriculumRepository = new CurriculumRepository(database.prisma, writes);
  const memberRepository = new MemberRepository(database.prisma, writes, database.hotReader, database.target.provider);
  const completionRepository = new CompletionRepository(
    overrides.completionPrisma?.(database.prisma) ?? database.prisma,
    writes,
    database.hotReader,
    database.sqliteTransactions,
    database.postgresTransactions,
  );
  const checkpointRepository = new CheckpointRepository(database.prisma, writes);
  const scheduledPostRepository =
    overrides.scheduledPostRepository?.(database.prisma, writes) ?? new ScheduledPostRepository(database.prisma, writes);
  const reminderRepository = new ReminderRepository(database.prisma, database.target.provider, writes, overrides.reminderRepository);

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
  opened.defer(() => discord.stop());

  // Cards and charts: the canvas library and the bundled fonts load with the first picture (a process that draws none never holds them).
  const pictures = overrides.pictures ?? new LazyPictures();
  // Big plans (the largest curricula) are balanced on a worker thread, so re-planning one never stalls other servers.
  const planThread = new PlanBuildThread({
    logger: logger.child({ component: "plan-builds" }),
    ...overrides.planBuilds,
  });
  opened.defer(() => planThread.close());
  const plans = new PlanService(curriculumRepository, defaultPlanCacheLimits, () => performance.now(), planThread);
  // Every admin action writes one line here (who, what, when), timed by the app's clock.
  const audit = new AuditLog(new AuditRepository(database.prisma, writes), () => clock.now());
  const channelGateway = new DiscordChannelGateway(discord.client);
  // Imports are parsed on a worker thread, so a large document never stalls other servers' interactions.
  const parserThread = new CurriculumParserThread({ logger: logger.child({ component: "curriculum-parser" }) });
  opened.defer(() => parserThread.close());
  const curricula = new CurriculumService(
    curriculumRepository,
    logger.child({ component: "curricula" }),
    plans,
    (text) => parserThread.parse(text),
    audit,
    cohortRepository,
  );
  const cohorts = new CohortService(
    cohortRepository,
    memberRepository,
    curriculumRepository,
    channelGateway,
    logger.child({ component: "cohorts" }),
    new DiscordRoleDirectory(discord.client),
    audit,
    reminderRepository,
    scheduledPostRepository,
  );
  // A member's own plan (cohort plan + /pace, /break, late join), read by /today, /done, /progress and reminders.
  const memberPlans = new MemberPlanService(
    cohorts,
    plans,
    new MemberPlanRepository(database.prisma, writes, database.hotReader, database.target.provider),
    completionRepository,
    logger.child({ component: "member-plans" }),
  );
  const courseEnd = new CourseEndService(
    cohortRepository,
    completionRepository,
    checkpointRepository,
    logger.child({ component: "course-end" }),
    scheduledPostRepository,
  );
  const study = new StudyService(
    cohorts,
    plans,
    completionRepository,
    memberPlans,
    logger.child({ component: "study" }),
    courseEnd,
    memberRepository,
    new MemberDayRepository(database.hotReader, database.target.provider),
    catalogueWeekWords(),
  );
  const roster = new RosterService(
    cohorts,
    plans,
    memberPlans,
    new RosterRepository(database.prisma, database.target.provider, database.reader),
    memberRepository,
    scheduledPostRepository,
  );
  const postHistory = {
    rows: (cohortId: number) => scheduledPostRepository.listForCohorts([cohortId]),
    postTimeChanges: (cohortId: number, since: Date) => audit.postTimeChanges(cohortId, since),
  };
  const cohortInfo = new CohortInfoService(cohorts, curricula, plans, channelGateway, postHistory, [
    checkpointTallyInfo(new CheckpointTallyRepository(database.prisma)),
    roster.confidenceInfo(),
  ]);
  const checkpoints = new CheckpointService(cohorts, plans, checkpointRepository, memberPlans, logger.child({ component: "checkpoints" }));
  const posts = new PostService(plans, study, cohortRepository, curricula, courseEnd);
  const reminders = new ReminderService(memberPlans, completionRepository, reminderRepository, cohorts);
  const postRenderer = createDiscordPostRenderer(pictures, logger.child({ component: "pictures" }));
  const postSender = new DiscordPostSender(discord.client, logger.child({ component: "posts" }));
  // Posts are worded by the Discord renderer, in each cohort's language.
  const announcementRepository = new AnnouncementRepository(database.prisma, writes);
  const announcements = new Announcer(
    cohorts,
    cohortRepository,
    posts,
    postSender,
    postRenderer,
    logger.child({ component: "announcements" }),
    audit,
    scheduledPostRepository,
    announcementRepository,
    new AnnouncementPartRepository(database.prisma, writes),
  );
  const breaks = new CohortBreakService(cohorts, cohortRepository, plans, logger.child({ component: "breaks" }), audit);
  const privacy = new PrivacyService(
    new PrivacyRepository(database.prisma, database.target.provider, writes),
    logger.child({ component: "privacy" }),
    audit,
  );
  const nudges = new NudgeService(
    cohorts,
    new NudgeRepository(database.prisma, writes),
    postSender,
    renderNudgeDm,
    audit,
    logger.child({ component: "nudges" }),
    roster,
  );
  const services: Services = {
    curricula,
    cohorts,
    cohortInfo,
    study,
    memberPlans,
    checkpoints,
    posts,
    reminders,
    announcements,
    breaks,
    privacy,
    roster,
    nudges,
    facilitators: new FacilitatorService(cohorts, study, audit),
    exports: new ExportService(
      cohorts,
      plans,
      overrides.exportRepository?.(database.prisma) ?? new ExportRepository(database.prisma),
      audit,
    ),
  };
  const membership = watchGuildMembership(discord.client, privacy, clock, logger.child({ component: "guilds" }));
  await curricula.seed(readSeedDocuments(paths.seedCurriculaDir));
  const refolded = await cohortRepository.refoldNameKeys();
  if (refolded > 0) logger.info({ refolded }, "cohort name keys folded as the bot compares names");

  const scheduler = new Scheduler({
    cohorts: cohortRepository,
    posts: scheduledPostRepository,
    postParts: new ScheduledPostPartRepository(database.prisma, writes),
    liveBoards: new LiveBoardRepository(database.prisma, database.target.provider, writes),
    reminders: reminderRepository,
    postService: posts,
    reminderService: reminders,
    sender: postSender,
    renderer: postRenderer,
    channels: channelGateway,
    clock,
    logger: logger.child({ component: "scheduler" }),
    // A server the bot is in keeps its data, whatever its departure record says.
    purgeDue: (now) => privacy.purgeDue(now, (guildId) => membership.has(guildId), config.shard),
    pruneFinished: (now) => announcements.pruneFinished(now),
    postTimeChanges: (cohortId, since) => audit.postTimeChanges(cohortId, since),
    ...(overrides.schedulerTickCron === undefined ? {} : { tickCron: overrides.schedulerTickCron }),
    ...(overrides.schedulerFinalEditsPerTick === undefined ? {} : { finalEditsPerTick: overrides.schedulerFinalEditsPerTick }),
    ...(overrides.schedulerCourseOverMembersKept === undefined ? {} : { courseOverMembersKept: overrides.schedulerCourseOverMembersKept }),
    ...(overrides.schedulerPostedBoardsPerTick === undefined ? {} : { postedBoardsPerTick: overrides.schedulerPostedBoardsPerTick }),
    // A shard posts for the guilds it holds now; read at every tick, since resharding moves guilds between shards.
    // Should two shards ever hold the same guild (overlap while resharding), the database claim still decides.
    ...(config.shard === undefined ? {} : { guildScope: () => [...discord.client.guilds.cache.keys()] }),
  });

  const router = new InteractionRouter({ commands: slashCommands, buttons: buttonHandlers, services, pictures, clock, logger });

  let closed = false;
  // Members stored before the name key existed get theirs after start-up (fillNameKeys): stopped and waited for on close.
  let nameKeysFilled: Promise<unknown> = Promise.resolve();
  const stopFillingNameKeys = new AbortController();
  return {
    config,
    logger,
    clock,
    database,
    services,
    discord,
    writes,
    scheduler,
    membership,
    async healthy() {
      return discord.connected() && (await database.ping());
    },
    async start() {
      if (config.discordToken === undefined) throw new Error("DISCORD_TOKEN is required to connect to Discord");
      // Announcements an earlier version left unfinished (known from their audit lines) can still be completed.
      // Restored by the one process that runs start-up fills (shard 0's when sharded, as fillNameKeys below).
      if (config.shard === undefined || config.shard.id === 0) {
        try {
          const restored = await announcements.restoreUnfinished(clock.now());
          if (restored > 0) logger.info({ restored }, "restored unfinished announcements from the audit trail");
        } catch (error) {
          logger.error({ err: error }, "restoring unfinished announcements failed: announcing them again posts them whole");
        }
      }
      // Before the first interaction: the first `timezone` autocomplete would otherwise build its list.
      prepareTimeZoneSuggestions();
      await discord.start(router);
      // Servers removed while the bot was offline are known before the first tick, which then leaves them alone.
      await membership.settled();
      // Closed while it connected (a stop asked for during start-up): nothing more starts.
      if (closed) return;
      scheduler.start();
      // One process fills the keys of every cohort: shard 0's when sharded, not every shard at once.
      if (config.shard === undefined || config.shard.id === 0)
        nameKeysFilled = fillNameKeys(memberRepository, logger, stopFillingNameKeys.signal);
    },
    async close() {
      if (closed) return;
      closed = true;
      stopFillingNameKeys.abort();
      discord.stopInteractions();
      // A tick in progress finishes (its claims are then marked, not left stale; one cut off by the deadline leaves
      // them to expire, as a killed process would) while the interactions
      // already being handled (a /done halfway through) finish, the database still open: side by side, so
      // a long tick does not spend the time a shard's manager allows for stopping before they start. So do the
      // checks of the servers a session listed (start() may be waiting for them: a stop asked for during start-up).
      const failures: unknown[] = [];
      // One deadline for every wait (the shutdown budget, src/shutdownBudget.ts, which fits a shard's stop timeout
      // and Docker's grace): the waits side by side get it whole, a later one what is left. Work still running
      // then is logged and cut off by the closing below.
      const budgetMs = overrides.shutdownWaitMs ?? shutdownWaitMs;
      const deadline = performance.now() + budgetMs;
      const remainingMs = () => Math.max(0, Math.ceil(deadline - performance.now()));
      const waitAtMost = async (work: Promise<unknown>, timeoutMs: number, cutOff: string) => {
        const recorded = work.catch((error: unknown) => void failures.push(error));
        if (!(await settledWithin(recorded, timeoutMs))) logger.warn({ timeoutMs }, cutOff);
      };
      const waits = [
        waitAtMost(scheduler.stop(), budgetMs, "scheduler tick still running at shutdown"),
        discord.settleInteractions(budgetMs),
        membership.settled(budgetMs),
        waitAtMost(nameKeysFilled, budgetMs, "name keys still being filled at shutdown"),
      ];
      for (const outcome of await Promise.allSettled(waits)) {
        if (outcome.status === "rejected") failures.push(outcome.reason);
      }
      // Role listings a board started in the background still need Discord to finish: they settle
      // (and write their marks) once nothing new starts one, and before the client goes.
      await waitAtMost(cohorts.settle(), remainingMs(), "exclude role listings still running at shutdown");
      // Then the worker threads, the client and the database, each even when a step before it failed.
      await opened.closeAll().catch((error: unknown) => failures.push(error));
      throwFailures(failures, "several steps of shutdown failed");
    },
  };
}
