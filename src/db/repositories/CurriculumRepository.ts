import { importCounts, type ParsedCurriculum, type ItemKind } from "../../domain/curriculum/curriculumModel.js";
import { matchingSteps, type CurriculumMatch, type PreviousItem } from "../../domain/curriculum/matchCurriculumVersions.js";
import {
  ImportOutcome,
  ImportRefusal,
  type GuardedImport,
  type ImportGuard,
  type ImportPreview,
  type PendingImport,
  PendingImportStatus,
  type CurriculumSummary,
  type ImportSummary,
  type StoredCurriculum,
  type StoredItem,
  type StoredSection,
} from "../../domain/curriculum/storedCurriculum.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { chunksOf, findInChunks } from "../inChunks.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { auditEntryCreate, auditEntryData, type NewAuditEntry } from "./AuditRepository.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { endedByShorterCourse } from "../../domain/schedule/cohortBreaks.js";
import { longTransactionOptions } from "./longTransactionOptions.js";

/** The audit lines an import writes in its own transaction. */
export interface ImportAuditLines {
  /** When it is made: a shorter course ends the running cohorts past its new last week then. */
  readonly now: Date;
  /** The admin's guild-wide line of an import that creates or updates (none for seeding and the CLI). */
  readonly importLine?: (summary: ImportSummary) => NewAuditEntry;
  /** The bot's line on a running cohort whose course a shorter version ends at once (`endedByShorterCourse`). */
  readonly shortenedLine: (
    cohort: { readonly guildId: string; readonly id: number },
    summary: ImportSummary,
    previousWeeks: number,
  ) => NewAuditEntry;
}

interface OutlineJson {
  outcomes: string[];
  checklist: { title: string; items: string[] }[];
  notes: string[];
}

/** Finished or expired pending imports are kept a day (a late click still gets a clear answer), then dropped. */
const pendingImportRetentionMs = 24 * 60 * 60_000;

export class CurriculumRepository {
  constructor(
    private readonly prisma: PrismaClient,
    /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
    /** `importTimeoutMs`: how long an import's transaction may wait and run (Prisma's timeout and maxWait). Tests that only seed a curriculum on a busy machine give it longer. */
    private readonly options: { readonly importTimeoutMs?: number } = {},
  ) {}

  /** Built-in curricula plus the ones this guild imported, ordered by title. */
  async listVisible(guildId: string | null): Promise<CurriculumSummary[]> {
    const scopes = guildId === null ? [""] : ["", guildId];
    const rows = await this.prisma.curriculum.findMany({
      where: { scope: { in: scopes } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: { id: true, slug: true, title: true, totalWeeks: true, scope: true },
    });
    return rows;
  }

  /** A guild's own import shadows a built-in curriculum of the same slug. */
  async findVisibleBySlug(slug: string, guildId: string | null): Promise<CurriculumSummary | null> {
    const rows = await this.prisma.curriculum.findMany({
      where: { slug, scope: { in: guildId === null ? [""] : ["", guildId] } },
      select: { id: true, slug: true, title: true, totalWeeks: true, scope: true },
    });
    return rows.find((row) => row.scope !== "") ?? rows[0] ?? null;
  }

  /**
   * What identifies the curriculum's current content: its source hash and last
   * update. One indexed row, two columns: cheap enough to ask before trusting
   * a cached copy (another process may have re-imported it). Null when gone.
   */
  async version(curriculumId: number): Promise<string | null> {
    const row = await this.prisma.curriculum.findUnique({ where: { id: curriculumId }, select: { sourceHash: true, updatedAt: true } });
    return row === null ? null : versionOf(row);
  }

  async load(curriculumId: number): Promise<StoredCurriculum | null> {
    const row = await this.prisma.curriculum.findUnique({ where: { id: curriculumId } });
    if (row === null) return null;
    // Sections and items by curriculum id, not a nested include: Prisma would bind every section id in one list.
    const sectionRows = await this.prisma.section.findMany({
      where: { curriculumId, retired: false },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const itemRows = await this.prisma.item.findMany({
      where: { curriculumId, retired: false },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const itemsBySection = new Map<number, typeof itemRows>();
    for (const item of itemRows) {
      const ofSection = itemsBySection.get(item.sectionId) ?? [];
      ofSection.push(item);
      itemsBySection.set(item.sectionId, ofSection);
    }
    const outline = parseOutline(row.outline);
    const sections: StoredSection[] = sectionRows.map((section) => ({
      id: section.id,
      key: section.key,
      position: section.position,
      title: section.title,
      weekStart: section.weekStart,
      weekEnd: section.weekEnd,
      estimatedMinutes: section.estimatedMinutes,
      summary: section.summary,
      checkpoint: section.checkpoint,
      items: (itemsBySection.get(section.id) ?? []).map((item): StoredItem => ({
        id: item.id,
        key: item.key,
        sectionId: section.id,
        sectionKey: section.key,
        position: item.position,
        title: item.title,
        kind: item.kind as ItemKind,
        minutes: item.minutes,
        group: item.groupName,
        track: item.track,
      })),
    }));
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      totalWeeks: row.totalWeeks,
      scope: row.scope,
      description: row.description,
      sections,
      outcomes: outline.outcomes,
      checklist: outline.checklist,
      notes: outline.notes,
    };
  }

  /** Keeps an uploaded re-import until its admin confirms or cancels it; drops the ones long expired. */
  async createPendingImport(input: Omit<PendingImport, "id" | "status">): Promise<PendingImport> {
    return this.writes.run(async () => {
      await this.prisma.pendingImport.deleteMany({
        where: { expiresAt: { lt: new Date(input.createdAt.getTime() - pendingImportRetentionMs) } },
      });
      return this.prisma.pendingImport.create({ data: input }) as Promise<PendingImport>;
    });
  }

  async findPendingImport(id: number): Promise<PendingImport | null> {
    return (await this.prisma.pendingImport.findUnique({ where: { id } })) as PendingImport | null;
  }

  /** Pending → cancelled; false when it was no longer pending. */
  async cancelPendingImport(id: number): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.prisma.pendingImport.updateMany({
        where: { id, status: PendingImportStatus.Pending },
        data: { status: PendingImportStatus.Cancelled },
      }),
    );
    return result.count === 1;
  }

  /**
   * What importing `parsed` would do, without writing: null when the
   * curriculum is new, "unchanged" for the same document, otherwise the
   * item diff, how many completions and members it would retire, and the
   * version it was computed against (a confirm checks it again).
   */
  async previewImport(parsed: ParsedCurriculum, sourceHash: string, scope: string): Promise<ImportPreview | null> {
    const existing = await this.prisma.curriculum.findUnique({ where: { scope_slug: { scope, slug: parsed.slug } } });
    if (existing === null) return null;
    const baseVersion = versionOf(existing);
    if (existing.sourceHash === sourceHash) return { kind: "unchanged", baseVersion, curriculum: summaryOf(existing) };
    const oldSections = await this.prisma.section.findMany({
      where: { curriculumId: existing.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const oldItems = await this.prisma.item.findMany({
      where: { curriculumId: existing.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const { diff } = await matchInTurns(parsed, oldSections, oldItems);
    const affected = await findInChunks(diff.removedItemIds, (chunk) =>
      this.prisma.completion.findMany({ where: { itemId: { in: chunk } }, select: { memberId: true } }),
    );
    return {
      kind: "changed",
      baseVersion,
      curriculum: summaryOf(existing),
      diff,
      retiredCompletions: affected.length,
      affectedMembers: new Set(affected.map((row) => row.memberId)).size,
    };
  }

  /**
   * Stores a parsed curriculum in one transaction. Sections and items are
   * matched to the stored ones by title (matchCurriculumVersions), never by
   * key, so a continued item keeps its row, its key and its completions.
   * Items that disappeared are deleted unless a member completed them, in
   * which case they are retired so nobody loses points.
   *
   * With a `guard`, nothing is written unless the curriculum is still at
   * `baseVersion` (null: does not exist yet) and the pending import is still
   * pending and unexpired; claiming it is part of the same transaction, so a
   * double confirm imports once.
   *
   * A large curriculum is thousands of rows: new rows go in inserts of at most
   * maxIdsPerStatement, only rows that changed are updated, and the
   * transaction gives the event loop back after every statement, so other
   * servers' interactions are served meanwhile. It runs in the process's write queue, so no other
   * write can land inside it while it waits.
   *
   * `lines`: the audit lines written in the same transaction: the admin's line of an import that creates or
   * updates, and the bot's line on each running cohort (any server's: built-in curricula are shared) whose course
   * a shorter version ends at once (the scheduler reads it: that closing post goes out late only from the import).
   */
  async applyImport(
    parsed: ParsedCurriculum,
    sourceHash: string,
    scope: string,
    guard?: undefined,
    lines?: ImportAuditLines,
  ): Promise<ImportSummary>;
  async applyImport(
    parsed: ParsedCurriculum,
    sourceHash: string,
    scope: string,
    guard: ImportGuard,
    lines?: ImportAuditLines,
  ): Promise<GuardedImport>;
  async applyImport(
    parsed: ParsedCurriculum,
    sourceHash: string,
    scope: string,
    guard?: ImportGuard,
    lines?: ImportAuditLines,
  ): Promise<GuardedImport> {
    const limitMs = this.options.importTimeoutMs ?? longTransactionOptions.timeout;
    return this.writes.run(() =>
      this.prisma.$transaction(
        async (tx) => {
          const existing = await tx.curriculum.findUnique({ where: { scope_slug: { scope, slug: parsed.slug } } });
          if (guard !== undefined) {
            const refused = await refusalOf(tx, guard, existing === null ? null : versionOf(existing));
            if (refused !== null) return { refused };
          }
          const counts = importCounts(parsed);
          if (existing !== null && existing.sourceHash === sourceHash) {
            return { outcome: ImportOutcome.Unchanged, curriculum: summaryOf(existing), ...counts, retiredItems: 0, removedItems: 0 };
          }
          const curriculum = await upsertCurriculum(tx, existing?.id ?? null, parsed, sourceHash, scope);
          await nextTurn();
          const oldSections = await tx.section.findMany({
            where: { curriculumId: curriculum.id },
            orderBy: [{ position: "asc" }, { id: "asc" }],
          });
          const oldItems = await tx.item.findMany({
            where: { curriculumId: curriculum.id },
            orderBy: [{ position: "asc" }, { id: "asc" }],
          });
          const match = await matchInTurns(parsed, oldSections, oldItems);
          const takenKeys = { sections: new Set(oldSections.map((row) => row.key)), items: new Set(oldItems.map((row) => row.key)) };
          const sectionIds = await writeSectionRows(tx, curriculum.id, parsed, match, oldSections, takenKeys.sections);
          await writeItemRows(tx, curriculum.id, parsed, match, sectionIds, oldItems, takenKeys.items);
          const gone = await retireGoneItems(tx, oldItems, new Set(match.goneItemIds));
          await retireGoneSections(tx, oldSections, new Set(match.goneSectionIds));
          const outcome = existing === null ? ImportOutcome.Created : ImportOutcome.Updated;
          const summary: ImportSummary = { outcome, curriculum: summaryOf(curriculum), ...counts, ...gone };
          if (lines?.importLine !== undefined) await auditEntryCreate(tx, lines.importLine(summary));
          if (lines !== undefined && existing !== null && parsed.totalWeeks < existing.totalWeeks) {
            await writeShortenedLines(tx, curriculum.id, summary, existing.totalWeeks, lines);
          }
          return summary;
        },
        { ...longTransactionOptions, timeout: limitMs, maxWait: limitMs },
      ),
    );
  }
}

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * One line per running (active or paused) cohort on the curriculum whose course the new, shorter version ends at
 * once, in inserts of at most maxIdsPerStatement: a built-in curriculum may run thousands of cohorts.
 */
async function writeShortenedLines(
  tx: Transaction,
  curriculumId: number,
  summary: ImportSummary,
  previousWeeks: number,
  lines: ImportAuditLines,
): Promise<void> {
  const running = await tx.cohort.findMany({
    where: { curriculumId, status: { in: [CohortStatus.Active, CohortStatus.Paused] } },
    select: { id: true, guildId: true, startDate: true, timeZone: true, breaks: { select: { week: true } } },
    orderBy: { id: "asc" },
  });
  const ended = running.filter((cohort) =>
    endedByShorterCourse(
      { startDate: cohort.startDate, timeZone: cohort.timeZone, breakWeeks: cohort.breaks.map((entry) => entry.week) },
      summary.curriculum.totalWeeks,
      previousWeeks,
      lines.now,
    ),
  );
  for (const chunk of chunksOf(ended)) {
    await nextTurn();
    await tx.auditEntry.createMany({ data: chunk.map((cohort) => auditEntryData(lines.shortenedLine(cohort, summary, previousWeeks))) });
  }
}
type ItemRow = Awaited<ReturnType<Transaction["item"]["findMany"]>>[number];
type SectionRow = Awaited<ReturnType<Transaction["section"]["findMany"]>>[number];

/**
 * A confirm that is no longer pending (checked first, so a double click reads
 * "already confirmed"), or whose curriculum moved on, writes nothing; otherwise
 * it claims the pending import, so exactly one confirm gets through.
 */
async function refusalOf(tx: Transaction, guard: ImportGuard, currentVersion: string | null): Promise<ImportRefusal | null> {
  const pendingWhere =
    guard.pendingId === undefined ? null : { id: guard.pendingId, status: PendingImportStatus.Pending, expiresAt: { gt: guard.now } };
  if (pendingWhere !== null && (await tx.pendingImport.count({ where: pendingWhere })) === 0) return ImportRefusal.NotPending;
  if (currentVersion !== guard.baseVersion) return ImportRefusal.Stale;
  if (pendingWhere === null) return null;
  const claimed = await tx.pendingImport.updateMany({ where: pendingWhere, data: { status: PendingImportStatus.Applied } });
  return claimed.count === 1 ? null : ImportRefusal.NotPending;
}

/** Matches the new document to the stored rows, giving the event loop back between the matcher's steps. */
async function matchInTurns(
  parsed: ParsedCurriculum,
  oldSections: readonly SectionRow[],
  oldItems: readonly ItemRow[],
): Promise<CurriculumMatch> {
  const steps = matchingSteps(parsed, oldSections, oldItems.map(previousItemOf));
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await nextTurn();
  }
}

function previousItemOf(row: ItemRow): PreviousItem {
  return { ...row, group: row.groupName };
}

function versionOf(row: { sourceHash: string; updatedAt: Date }): string {
  return `${row.sourceHash}@${row.updatedAt.toISOString()}`;
}

/** Lets the event loop serve everything that is waiting before the import's next statement. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function summaryOf(row: { id: number; slug: string; title: string; totalWeeks: number; scope: string }): CurriculumSummary {
  return { id: row.id, slug: row.slug, title: row.title, totalWeeks: row.totalWeeks, scope: row.scope };
}

async function upsertCurriculum(tx: Transaction, existingId: number | null, parsed: ParsedCurriculum, sourceHash: string, scope: string) {
  const outline: OutlineJson = {
    outcomes: [...parsed.outcomes],
    checklist: parsed.checklist.map((group) => ({ title: group.title, items: [...group.items] })),
    notes: [...parsed.notes],
  };
  const data = {
    title: parsed.title,
    description: parsed.description,
    totalWeeks: parsed.totalWeeks,
    sourceHash,
    outline: JSON.stringify(outline),
  };
  return existingId === null
    ? tx.curriculum.create({ data: { ...data, scope, slug: parsed.slug } })
    : tx.curriculum.update({ where: { id: existingId }, data });
}

/** True when a stored row differs from the data it should now hold. */
function changed<T extends object>(old: T, next: Partial<T>): boolean {
  return (Object.keys(next) as (keyof T)[]).some((field) => old[field] !== next[field]);
}

/**
 * A new row's key: the parser's, unless a stored row (continued, retired or
 * about to go) already has it; then the first free "~2", "~3"… Continued rows
 * keep the key they have, so keys never move from one item to another.
 */
function freeKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let suffix = 2; taken.has(key); suffix++) key = `${wanted}~${suffix}`;
  taken.add(key);
  return key;
}

/** Continued sections updated where they changed, new ones in a few inserts; returns each parsed section's row id. */
async function writeSectionRows(
  tx: Transaction,
  curriculumId: number,
  parsed: ParsedCurriculum,
  match: CurriculumMatch,
  oldSections: readonly SectionRow[],
  takenKeys: Set<string>,
): Promise<number[]> {
  const oldById = new Map(oldSections.map((section) => [section.id, section]));
  const fresh: Prisma.SectionCreateManyInput[] = [];
  const freshKeys: (string | null)[] = [];
  for (const [position, section] of parsed.sections.entries()) {
    const data = {
      position,
      title: section.title,
      weekStart: section.weekStart,
      weekEnd: section.weekEnd,
      estimatedMinutes: section.estimatedMinutes,
      summary: section.summary,
      checkpoint: section.checkpoint,
      retired: false,
    };
    const old = oldById.get(match.sectionIds[position] ?? -1);
    if (old === undefined) {
      const key = freeKey(section.key, takenKeys);
      fresh.push({ ...data, curriculumId, key });
      freshKeys.push(key);
    } else {
      freshKeys.push(null);
      if (changed(old, data)) {
        await tx.section.update({ where: { id: old.id }, data });
        await nextTurn();
      }
    }
  }
  for (const chunk of chunksOf(fresh)) {
    await tx.section.createMany({ data: chunk });
    await nextTurn();
  }
  const rows = fresh.length === 0 ? [] : await tx.section.findMany({ where: { curriculumId }, select: { id: true, key: true } });
  const idByKey = new Map(rows.map((row) => [row.key, row.id]));
  return parsed.sections.map((section, position) => {
    const id = match.sectionIds[position] ?? idByKey.get(freshKeys[position] ?? "");
    if (id === undefined) throw new Error(`section ${section.key} was not stored`);
    return id;
  });
}

/** Continued items updated where they changed, new ones in inserts of at most maxIdsPerStatement rows. */
async function writeItemRows(
  tx: Transaction,
  curriculumId: number,
  parsed: ParsedCurriculum,
  match: CurriculumMatch,
  sectionIds: readonly number[],
  oldItems: readonly ItemRow[],
  takenKeys: Set<string>,
): Promise<void> {
  const oldById = new Map(oldItems.map((item) => [item.id, item]));
  const fresh: Prisma.ItemCreateManyInput[] = [];
  let position = 0;
  for (const [sectionIndex, section] of parsed.sections.entries()) {
    const sectionId = sectionIds[sectionIndex];
    if (sectionId === undefined) throw new Error(`section ${section.key} was not stored`);
    for (const [itemIndex, item] of section.items.entries()) {
      const data = {
        sectionId,
        position: position++,
        title: item.title,
        kind: item.kind,
        minutes: item.minutes,
        groupName: item.group,
        track: item.track,
        retired: false,
      };
      const old = oldById.get(match.itemIds[sectionIndex]?.[itemIndex] ?? -1);
      if (old === undefined) {
        fresh.push({ ...data, curriculumId, key: freeKey(item.key, takenKeys) });
      } else if (changed(old, data)) {
        await tx.item.update({ where: { id: old.id }, data });
        await nextTurn();
      }
    }
  }
  for (const chunk of chunksOf(fresh)) {
    await tx.item.createMany({ data: chunk });
    await nextTurn();
  }
}

/** Items no longer in the document: retired when a member completed them (nobody loses points), deleted otherwise. */
async function retireGoneItems(tx: Transaction, oldItems: readonly ItemRow[], goneIds: ReadonlySet<number>) {
  const goneItems = oldItems.filter((item) => goneIds.has(item.id));
  if (goneItems.length === 0) return { retiredItems: 0, removedItems: 0 };
  const completed = await findInChunks(
    goneItems.map((item) => item.id),
    (chunk) => tx.completion.findMany({ where: { itemId: { in: chunk } }, select: { itemId: true }, distinct: ["itemId"] }),
  );
  const keep = new Set(completed.map((row) => row.itemId));
  // An item an earlier import already retired stays so (or goes, once nobody's completion holds it) without being
  // counted again: the admin reads what this import removes, as its diff counted it.
  const toRetire = goneItems.filter((item) => keep.has(item.id) && !item.retired).map((item) => item.id);
  const toDelete = goneItems.filter((item) => !keep.has(item.id));
  for (const chunk of chunksOf(toRetire)) await tx.item.updateMany({ where: { id: { in: chunk } }, data: { retired: true } });
  for (const chunk of chunksOf(toDelete.map((item) => item.id))) await tx.item.deleteMany({ where: { id: { in: chunk } } });
  await nextTurn();
  return { retiredItems: toRetire.length, removedItems: toDelete.filter((item) => !item.retired).length };
}

/** Sections no longer in the document: retired while they hold retired items or checkpoint answers, deleted otherwise. */
async function retireGoneSections(tx: Transaction, oldSections: readonly SectionRow[], goneIds: ReadonlySet<number>): Promise<void> {
  for (const section of oldSections) {
    if (!goneIds.has(section.id)) continue;
    const remaining = await tx.item.count({ where: { sectionId: section.id } });
    // Members' checkpoint answers are theirs like completions: deleting the section would cascade them away.
    const answered = remaining === 0 && (await tx.checkpointAnswer.count({ where: { sectionId: section.id } })) > 0;
    if (remaining === 0 && !answered) {
      await tx.section.delete({ where: { id: section.id } });
    } else {
      await tx.section.update({ where: { id: section.id }, data: { retired: true, position: 10_000 + section.position } });
    }
    await nextTurn();
  }
}

function parseOutline(json: string): OutlineJson {
  try {
    const value = JSON.parse(json) as Partial<OutlineJson>;
    return {
      outcomes: Array.isArray(value.outcomes) ? value.outcomes : [],
      checklist: Array.isArray(value.checklist) ? value.checklist : [],
      notes: Array.isArray(value.notes) ? value.notes : [],
    };
  } catch {
    return { outcomes: [], checklist: [], notes: [] };
  }
}
