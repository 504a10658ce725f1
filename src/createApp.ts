import type { Config } from "./config/loadConfig.js";
import { systemClock, type Clock } from "./clock.js";
import { openDatabase, type DatabaseHandle } from "./db/openDatabase.js";
import { readSeedDocuments } from "./db/readSeedDocuments.js";
import { CurriculumRepository } from "./db/repositories/CurriculumRepository.js";
import { createLogger, type Logger } from "./logging/createLogger.js";
import { projectPaths } from "./projectPaths.js";
import { CurriculumService } from "./services/CurriculumService.js";

export interface AppOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly services: {
    readonly curricula: CurriculumService;
  };
  /** Releases everything createApp opened. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The composition root: builds logger, database (migrated and seeded),
 * repositories and services, and hands each its dependencies explicitly.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const clock = overrides.clock ?? systemClock;
  const paths = projectPaths();
  const database = await openDatabase({ url: config.databaseUrl, migrationsDir: paths.migrationsDir, logger });

  const curriculumRepository = new CurriculumRepository(database.prisma);
  const curricula = new CurriculumService(curriculumRepository, logger.child({ component: "curricula" }));
  await curricula.seed(readSeedDocuments(paths.seedCurriculaDir));

  let closed = false;
  return {
    config,
    logger,
    clock,
    database,
    services: { curricula },
    async close() {
      if (closed) return;
      closed = true;
      await database.close();
    },
  };
}
