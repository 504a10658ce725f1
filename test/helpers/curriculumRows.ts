import type { PrismaClient } from "../../src/db/openDatabase.js";

/** An item row to create: its kind ("Required", "Optional", "Reference") and minutes. */
export interface ItemRow {
  readonly kind: string;
  readonly minutes?: number | null;
  /** A "choose one" track: its group (the choice's wording) and track name. */
  readonly groupName?: string;
  readonly track?: string;
}

export interface SectionRow {
  readonly key: string;
  readonly position: number;
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
}

/** A curriculum row written straight to the database (no import), for SQL tests that need only rows. */
export async function createCurriculumRow(prisma: PrismaClient, slug: string, totalWeeks: number) {
  return prisma.curriculum.create({ data: { slug, title: slug, totalWeeks, sourceHash: slug } });
}

/**
 * A section and its items, in order: item keys and titles follow their
 * positions (`i3`, "Item 3"), from `firstPosition` on. Returns the item ids
 * in the order given.
 */
export async function createSectionRows(
  prisma: PrismaClient,
  curriculumId: number,
  section: SectionRow,
  items: readonly ItemRow[],
  firstPosition = 0,
): Promise<{ readonly sectionId: number; readonly itemIds: number[] }> {
  const { id: sectionId } = await prisma.section.create({ data: { curriculumId, ...section } });
  const itemIds: number[] = [];
  for (const [index, item] of items.entries()) {
    const position = firstPosition + index;
    const row = await prisma.item.create({
      data: {
        curriculumId,
        sectionId,
        key: `i${position}`,
        position,
        title: `Item ${position}`,
        kind: item.kind,
        minutes: item.minutes ?? null,
        groupName: item.groupName ?? null,
        track: item.track ?? null,
      },
    });
    itemIds.push(row.id);
  }
  return { sectionId, itemIds };
}
