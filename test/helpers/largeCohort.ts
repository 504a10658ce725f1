import { afterAll, beforeAll } from "vitest";
import type { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import type { PrismaClient } from "../../src/db/openDatabase.js";
import { createCurriculumRow } from "./curriculumRows.js";
import { openTestDatabase, type TestDatabaseHandle } from "./openTestDatabase.js";
import { testCompletionRepository, type RecordedRead } from "./testCompletionRepository.js";

/**
 * The shared set-up of the board query-plan tests on a large cohort: a test database, the bot's CompletionRepository
 * recording every hand-written read it sends, a curriculum, the rows the test seeds, and the statistics the bot's
 * databases would have.
 */
export interface LargeCohortFixture {
  readonly handle: TestDatabaseHandle;
  readonly completions: CompletionRepository;
  /** The cohort whose boards the test reads (the one `seed` returned). */
  readonly cohortId: number;
  /** The reads `completions` sent, oldest first; empty it before the read under test. */
  readonly sent: RecordedRead[];
}

/** What the test writes into the fresh database: returns the id of the cohort under test. */
export type LargeCohortSeed = (prisma: PrismaClient, curriculumId: number) => Promise<number>;

/**
 * In a describe block: before its tests, opens a test database, creates a `weeks`-week curriculum named `slug`, lets
 * `seed` write the rows, and gathers statistics; after them, drops the database. The fixture's fields are there once
 * the tests run.
 */
export function largeCohortFixture(slug: string, weeks: number, seed: LargeCohortSeed): LargeCohortFixture {
  const sent: RecordedRead[] = [];
  let opened: { handle: TestDatabaseHandle; completions: CompletionRepository; cohortId: number } | undefined;
  const ready = () => {
    if (opened === undefined) throw new Error("the large cohort is read before its beforeAll ran");
    return opened;
  };

  // Kept apart from `opened` so a seed that throws still has its database dropped.
  let database: TestDatabaseHandle | undefined;
  beforeAll(async () => {
    const handle = await openTestDatabase();
    database = handle;
    const completions = testCompletionRepository(handle, sent);
    const curriculum = await createCurriculumRow(handle.prisma, slug, weeks);
    opened = { handle, completions, cohortId: await seed(handle.prisma, curriculum.id) };
    // Statistics as the bot's databases have them: PostgreSQL's autovacuum gathers them, nothing runs ANALYZE on SQLite's
    // file (with them, SQLite may read another index and sort, which these plans do not pin).
    if (handle.target.provider === "postgresql") await handle.prisma.$executeRawUnsafe("ANALYZE");
  }, 240_000);

  afterAll(async () => database?.closeAndDrop());

  return {
    get handle() {
      return ready().handle;
    },
    get completions() {
      return ready().completions;
    },
    get cohortId() {
      return ready().cohortId;
    },
    sent,
  };
}

/** Writes the rows with `create`, 2,000 a statement. */
export async function createInBatches<Row>(rows: readonly Row[], create: (batch: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 2_000) await create(rows.slice(start, start + 2_000));
}

/** The cohort's `count` members `${prefix}-0`, `${prefix}-1`, … (user id and display name), each with `scored(i)`. */
export async function createLargeCohortMembers(
  prisma: PrismaClient,
  cohortId: number,
  count: number,
  prefix: string,
  scored: (i: number) => { readonly points: number; readonly pointsReachedAt?: Date | null },
): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    cohortId,
    userId: `${prefix}-${i}`,
    displayName: `${prefix}-${i}`,
    ...scored(i),
  }));
  await createInBatches(rows, (batch) => prisma.member.createMany({ data: batch }));
}
