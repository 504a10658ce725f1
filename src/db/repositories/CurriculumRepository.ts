import type { ParsedCurriculum, ItemKind } from "../../domain/curriculum/curriculumModel.js";
import {
  ImportOutcome,
  type CurriculumSummary,
  type ImportSummary,
  type StoredCurriculum,
  type StoredItem,
  type StoredSection,
} from "../../domain/curriculum/storedCurriculum.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { chunksOf, findInChunks } from "../inChunks.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";

interface OutlineJson {
  outcomes: string[];
  checklist: { title: string; items: string[] }[];
  notes: string[];
}

const transactionOptions = { timeout: 30_000, maxWait: 30_000 } as const;

export class CurriculumRepository {
  constructor(
    private readonly prisma: PrismaClient,
    /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
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
    return row === null ? null : `${row.sourceHash}@${row.updatedAt.toISOString()}`;
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

  /**
   * Stores a parsed curriculum in one transaction. Sections and items are
   * matched by key; items that disappeared are deleted unless a member
   * completed them, in which case they are retired so nobody loses points.
   *
   * A large curriculum is thousands of rows: new rows go in inserts of at most
   * maxIdsPerStatement, only rows that changed are updated, and the
   * transaction gives the event loop back after every statement, so other
   * servers' interactions are served meanwhile. It runs in the process's write queue, so no other
   * write can land inside it while it waits.
   */
  async applyImport(parsed: ParsedCurriculum, sourceHash: string, scope: string): Promise<ImportSummary> {
    return this.writes.run(() =>
      this.prisma.$transaction(async (tx) => {
        const existing = await tx.curriculum.findUnique({ where: { scope_slug: { scope, slug: parsed.slug } } });
        const itemCount = parsed.sections.reduce((sum, section) => sum + section.items.length, 0);
        const counts = { sections: parsed.sections.length, items: itemCount };
        if (existing !== null && existing.sourceHash === sourceHash) {
          return { outcome: ImportOutcome.Unchanged, curriculum: summaryOf(existing), ...counts, retiredItems: 0, removedItems: 0 };
        }
        const curriculum = await upsertCurriculum(tx, existing?.id ?? null, parsed, sourceHash, scope);
        await nextTurn();
        const oldSections = await tx.section.findMany({ where: { curriculumId: curriculum.id } });
        const oldItems = await tx.item.findMany({ where: { curriculumId: curriculum.id } });
        await nextTurn();
        const seen = await writeSections(tx, curriculum.id, parsed, oldSections, oldItems);
        const gone = await retireGoneItems(tx, oldItems, seen.itemKeys);
        await retireGoneSections(tx, oldSections, seen.sectionKeys);
        const outcome = existing === null ? ImportOutcome.Created : ImportOutcome.Updated;
        return { outcome, curriculum: summaryOf(curriculum), ...counts, ...gone };
      }, transactionOptions),
    );
  }
}

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type ItemRow = Awaited<ReturnType<Transaction["item"]["findMany"]>>[number];
type SectionRow = Awaited<ReturnType<Transaction["section"]["findMany"]>>[number];

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

/** Creates or updates every section and item of the document; returns the keys it wrote. */
async function writeSections(
  tx: Transaction,
  curriculumId: number,
  parsed: ParsedCurriculum,
  oldSections: readonly SectionRow[],
  oldItems: readonly ItemRow[],
) {
  const sectionIds = await writeSectionRows(tx, curriculumId, parsed, oldSections);
  const itemKeys = await writeItemRows(tx, curriculumId, parsed, sectionIds, oldItems);
  return { sectionKeys: new Set(parsed.sections.map((section) => section.key)), itemKeys };
}

/** New sections in a few inserts, changed ones one update each; returns every section's id by key. */
async function writeSectionRows(tx: Transaction, curriculumId: number, parsed: ParsedCurriculum, oldSections: readonly SectionRow[]) {
  const oldByKey = new Map(oldSections.map((section) => [section.key, section]));
  const fresh: Prisma.SectionCreateManyInput[] = [];
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
    const old = oldByKey.get(section.key);
    if (old === undefined) {
      fresh.push({ ...data, curriculumId, key: section.key });
    } else if (changed(old, data)) {
      await tx.section.update({ where: { id: old.id }, data });
      await nextTurn();
    }
  }
  for (const chunk of chunksOf(fresh)) {
    await tx.section.createMany({ data: chunk });
    await nextTurn();
  }
  const rows = fresh.length === 0 ? oldSections : await tx.section.findMany({ where: { curriculumId }, select: { id: true, key: true } });
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** New items in inserts of at most maxIdsPerStatement rows, changed ones one update each; returns the keys written. */
async function writeItemRows(
  tx: Transaction,
  curriculumId: number,
  parsed: ParsedCurriculum,
  sectionIds: ReadonlyMap<string, number>,
  oldItems: readonly ItemRow[],
) {
  const oldByKey = new Map(oldItems.map((item) => [item.key, item]));
  const keys = new Set<string>();
  const fresh: Prisma.ItemCreateManyInput[] = [];
  let position = 0;
  for (const section of parsed.sections) {
    const sectionId = sectionIds.get(section.key);
    if (sectionId === undefined) throw new Error(`section ${section.key} was not stored`);
    for (const item of section.items) {
      keys.add(item.key);
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
      const old = oldByKey.get(item.key);
      if (old === undefined) {
        fresh.push({ ...data, curriculumId, key: item.key });
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
  return keys;
}

/** Items no longer in the document: retired when a member completed them (nobody loses points), deleted otherwise. */
async function retireGoneItems(tx: Transaction, oldItems: readonly ItemRow[], seenKeys: ReadonlySet<string>) {
  const goneItems = oldItems.filter((item) => !seenKeys.has(item.key));
  if (goneItems.length === 0) return { retiredItems: 0, removedItems: 0 };
  const completed = await findInChunks(
    goneItems.map((item) => item.id),
    (chunk) => tx.completion.findMany({ where: { itemId: { in: chunk } }, select: { itemId: true }, distinct: ["itemId"] }),
  );
  const keep = new Set(completed.map((row) => row.itemId));
  const toRetire = goneItems.filter((item) => keep.has(item.id)).map((item) => item.id);
  const toDelete = goneItems.filter((item) => !keep.has(item.id)).map((item) => item.id);
  for (const chunk of chunksOf(toRetire)) await tx.item.updateMany({ where: { id: { in: chunk } }, data: { retired: true } });
  for (const chunk of chunksOf(toDelete)) await tx.item.deleteMany({ where: { id: { in: chunk } } });
  await nextTurn();
  return { retiredItems: toRetire.length, removedItems: toDelete.length };
}

async function retireGoneSections(tx: Transaction, oldSections: readonly SectionRow[], seenKeys: ReadonlySet<string>): Promise<void> {
  for (const section of oldSections) {
    if (seenKeys.has(section.key)) continue;
    const remaining = await tx.item.count({ where: { sectionId: section.id } });
    if (remaining === 0) {
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
