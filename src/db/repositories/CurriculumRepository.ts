import type { ParsedCurriculum, ItemKind } from "../../domain/curriculum/curriculumModel.js";
import {
  ImportOutcome,
  type CurriculumSummary,
  type ImportSummary,
  type StoredCurriculum,
  type StoredItem,
  type StoredSection,
} from "../../domain/curriculum/storedCurriculum.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { chunksOf, findInChunks } from "../inChunks.js";

interface OutlineJson {
  outcomes: string[];
  checklist: { title: string; items: string[] }[];
  notes: string[];
}

const transactionOptions = { timeout: 30_000, maxWait: 30_000 } as const;

export class CurriculumRepository {
  constructor(private readonly prisma: PrismaClient) {}

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
    const sectionRows = await this.prisma.section.findMany({ where: { curriculumId, retired: false }, orderBy: [{ position: "asc" }, { id: "asc" }] });
    const itemRows = await this.prisma.item.findMany({ where: { curriculumId, retired: false }, orderBy: [{ position: "asc" }, { id: "asc" }] });
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
      items: (itemsBySection.get(section.id) ?? []).map(
        (item): StoredItem => ({
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
        }),
      ),
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
   */
  async applyImport(parsed: ParsedCurriculum, sourceHash: string, scope: string): Promise<ImportSummary> {
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.curriculum.findUnique({ where: { scope_slug: { scope, slug: parsed.slug } } });
      const itemCount = parsed.sections.reduce((sum, section) => sum + section.items.length, 0);
      const summaryOf = (row: { id: number; slug: string; title: string; totalWeeks: number; scope: string }) => ({
        id: row.id,
        slug: row.slug,
        title: row.title,
        totalWeeks: row.totalWeeks,
        scope: row.scope,
      });
      if (existing !== null && existing.sourceHash === sourceHash) {
        return {
          outcome: ImportOutcome.Unchanged,
          curriculum: summaryOf(existing),
          sections: parsed.sections.length,
          items: itemCount,
          retiredItems: 0,
          removedItems: 0,
        };
      }
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
      const curriculum =
        existing === null
          ? await tx.curriculum.create({ data: { ...data, scope, slug: parsed.slug } })
          : await tx.curriculum.update({ where: { id: existing.id }, data });

      const oldSections = await tx.section.findMany({ where: { curriculumId: curriculum.id } });
      const oldItems = await tx.item.findMany({ where: { curriculumId: curriculum.id } });
      const sectionIdByKey = new Map(oldSections.map((section) => [section.key, section.id]));
      const seenSectionKeys = new Set<string>();
      const seenItemKeys = new Set<string>();
      const oldItemByKey = new Map(oldItems.map((item) => [item.key, item]));

      let itemPosition = 0;
      for (const [sectionIndex, section] of parsed.sections.entries()) {
        seenSectionKeys.add(section.key);
        const sectionData = {
          position: sectionIndex,
          title: section.title,
          weekStart: section.weekStart,
          weekEnd: section.weekEnd,
          estimatedMinutes: section.estimatedMinutes,
          summary: section.summary,
          checkpoint: section.checkpoint,
          retired: false,
        };
        let sectionId = sectionIdByKey.get(section.key);
        if (sectionId === undefined) {
          const created = await tx.section.create({ data: { ...sectionData, curriculumId: curriculum.id, key: section.key } });
          sectionId = created.id;
        } else {
          await tx.section.update({ where: { id: sectionId }, data: sectionData });
        }
        for (const item of section.items) {
          seenItemKeys.add(item.key);
          const itemData = {
            sectionId,
            position: itemPosition++,
            title: item.title,
            kind: item.kind,
            minutes: item.minutes,
            groupName: item.group,
            track: item.track,
            retired: false,
          };
          const old = oldItemByKey.get(item.key);
          if (old === undefined) {
            await tx.item.create({ data: { ...itemData, curriculumId: curriculum.id, key: item.key } });
          } else {
            await tx.item.update({ where: { id: old.id }, data: itemData });
          }
        }
      }

      let retiredItems = 0;
      let removedItems = 0;
      const goneItems = oldItems.filter((item) => !seenItemKeys.has(item.key));
      if (goneItems.length > 0) {
        const completed = await findInChunks(
          goneItems.map((item) => item.id),
          (chunk) => tx.completion.findMany({ where: { itemId: { in: chunk } }, select: { itemId: true }, distinct: ["itemId"] }),
        );
        const keep = new Set(completed.map((row) => row.itemId));
        const toRetire = goneItems.filter((item) => keep.has(item.id)).map((item) => item.id);
        const toDelete = goneItems.filter((item) => !keep.has(item.id)).map((item) => item.id);
        for (const chunk of chunksOf(toRetire)) await tx.item.updateMany({ where: { id: { in: chunk } }, data: { retired: true } });
        for (const chunk of chunksOf(toDelete)) await tx.item.deleteMany({ where: { id: { in: chunk } } });
        retiredItems = toRetire.length;
        removedItems = toDelete.length;
      }
      for (const section of oldSections) {
        if (seenSectionKeys.has(section.key)) continue;
        const remaining = await tx.item.count({ where: { sectionId: section.id } });
        if (remaining === 0) {
          await tx.section.delete({ where: { id: section.id } });
        } else {
          await tx.section.update({ where: { id: section.id }, data: { retired: true, position: 10_000 + section.position } });
        }
      }
      return {
        outcome: existing === null ? ImportOutcome.Created : ImportOutcome.Updated,
        curriculum: summaryOf(curriculum),
        sections: parsed.sections.length,
        items: itemCount,
        retiredItems,
        removedItems,
      };
    }, transactionOptions);
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
