import type { Config } from "../config/loadConfig.js";
import { openDatabase } from "../db/openDatabase.js";
import { readSeedDocuments } from "../db/readSeedDocuments.js";
import { CurriculumRepository } from "../db/repositories/CurriculumRepository.js";
import type { Logger } from "../logging/createLogger.js";
import { projectPaths } from "../projectPaths.js";
import { CurriculumService } from "../services/CurriculumService.js";
import type { DeploymentLock } from "./withDeploymentLock.js";

/**
 * What a sharded bot does once before its shards start: migrate the database
 * and import the built-in curricula. The shards repeat both on start (a no-op
 * by then), but do not race each other to create the first rows. Stops
 * before the import unless the server confirms the deployment lock is still
 * held (withDeploymentLock): otherwise another manager imports them, and two
 * at once could both create the same row.
 */
export async function prepareDeployment(config: Config, logger: Logger, lock: DeploymentLock): Promise<void> {
  const paths = projectPaths();
  const database = await openDatabase({ url: config.databaseUrl, migrationsDir: paths.migrationsDir, logger });
  try {
    await lock.confirmHeld();
    const curricula = new CurriculumService(new CurriculumRepository(database.prisma), logger.child({ component: "curricula" }));
    await curricula.seed(readSeedDocuments(paths.seedCurriculaDir));
  } finally {
    await database.close();
  }
}
