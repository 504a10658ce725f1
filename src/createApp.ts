import { buttonHandlers, slashCommands } from "../commands/registry.js";
import type { Config } from "./config/loadConfig.js";
import { systemClock, type Clock } from "./clock.js";
import { openDatabase, type DatabaseHandle } from "./db/openDatabase.js";
import { readSeedDocuments } from "./db/readSeedDocuments.js";
import { CohortRepository } from "./db/repositories/CohortRepository.js";
import { CompletionRepository } from "./db/repositories/CompletionRepository.js";
import { CurriculumRepository } from "./db/repositories/CurriculumRepository.js";
import { MemberRepository } from "./db/repositories/MemberRepository.js";
import { createDiscordBot, type DiscordBot } from "./discord/createDiscordBot.js";
import { DiscordChannelGateway } from "./discord/DiscordChannelGateway.js";
import { InteractionRouter } from "./discord/InteractionRouter.js";
import { createLogger, type Logger } from "./logging/createLogger.js";
import { projectPaths } from "./projectPaths.js";
import { CohortService } from "./services/CohortService.js";
import { CurriculumService } from "./services/CurriculumService.js";
import { PlanService } from "./services/PlanService.js";
import type { Services } from "./services/Services.js";
import { StudyService } from "./services/StudyService.js";

export interface AppOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly services: Services;
  readonly discord: DiscordBot;
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
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const clock = overrides.clock ?? systemClock;
  const paths = projectPaths();
  const database = await openDatabase({ url: config.databaseUrl, migrationsDir: paths.migrationsDir, logger });

  const curriculumRepository = new CurriculumRepository(database.prisma);
  const cohortRepository = new CohortRepository(database.prisma);
  const memberRepository = new MemberRepository(database.prisma);
  const completionRepository = new CompletionRepository(database.prisma);

  const discord = createDiscordBot({
    token: config.discordToken ?? "",
    apiUrl: config.discordApiUrl,
    guildId: config.discordGuildId,
    definitions: slashCommands.map((command) => command.definition),
    logger,
  });

  const plans = new PlanService(curriculumRepository);
  const curricula = new CurriculumService(curriculumRepository, logger.child({ component: "curricula" }));
  const cohorts = new CohortService(
    cohortRepository,
    memberRepository,
    curriculumRepository,
    new DiscordChannelGateway(discord.client),
    logger.child({ component: "cohorts" }),
  );
  const study = new StudyService(cohorts, plans, completionRepository, logger.child({ component: "study" }));
  const services: Services = { curricula, cohorts, study };
  await curricula.seed(readSeedDocuments(paths.seedCurriculaDir));

  const router = new InteractionRouter({ commands: slashCommands, buttons: buttonHandlers, services, clock, logger });

  let closed = false;
  return {
    config,
    logger,
    clock,
    database,
    services,
    discord,
    async start() {
      if (config.discordToken === undefined) throw new Error("DISCORD_TOKEN is required to connect to Discord");
      await discord.start(router);
    },
    async close() {
      if (closed) return;
      closed = true;
      await discord.stop();
      await database.close();
    },
  };
}
