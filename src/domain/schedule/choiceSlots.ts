/**
 * "Choose one" tracks (the mastery path's Python / Node.js / Java / Go): a
 * member reads one of them, so the plan assigns a group's tracks as one
 * Required slot, and completing any track completes it.
 */
import type { PlanItem } from "./scheduleTypes.js";

/**
 * A section's items (in curriculum order) with each "choose one" group's
 * tracks replaced by one slot at the first track's place. The slot keeps the
 * first track's id and key (stable across re-imports like the track itself),
 * is Required whatever kind the tracks were imported as, and weighs as much as
 * its heaviest track.
 */
export function withChoiceSlots(items: readonly PlanItem[]): PlanItem[] {
  const tracksByGroup = new Map<string, PlanItem[]>();
  for (const item of items) {
    if (!isChoiceTrack(item)) continue;
    const key = item.group ?? "";
    const tracks = tracksByGroup.get(key);
    if (tracks === undefined) tracksByGroup.set(key, [item]);
    else tracks.push(item);
  }
  if (tracksByGroup.size === 0) return [...items];
  const result: PlanItem[] = [];
  for (const item of items) {
    if (!isChoiceTrack(item)) {
      result.push(item);
      continue;
    }
    const tracks = tracksByGroup.get(item.group ?? "") ?? [item];
    if (tracks[0] !== item) continue;
    result.push({
      ...item,
      title: item.group ?? item.title,
      kind: "Required",
      minutes: heaviest(tracks),
      choice: tracks,
    });
  }
  return result;
}

/** Whether a plan item is done: a slot when any of its tracks is. */
export function isItemDone(item: Pick<PlanItem, "id" | "choice">, doneItemIds: ReadonlySet<number>): boolean {
  if (item.choice === undefined) return doneItemIds.has(item.id);
  return item.choice.some((track) => doneItemIds.has(track.id));
}

/**
 * The estimate a plan item has for a member (`/today`, `/week`, `/pace`): its own, but a done "choose one" slot
 * weighs the track the member read (the longest of them if they read several), not its longest track; null
 * when no track they read has an estimate.
 */
export function memberEstimate(item: Pick<PlanItem, "id" | "minutes" | "choice">, doneItemIds: ReadonlySet<number>): number | null {
  const read = item.choice?.filter((track) => doneItemIds.has(track.id)) ?? [];
  return read.length === 0 ? item.minutes : heaviest(read);
}

/** The minutes a plan item counts for a member (`/progress`'s reading time): `memberEstimate`, 0 without one. */
export function memberMinutes(item: Pick<PlanItem, "id" | "minutes" | "choice">, doneItemIds: ReadonlySet<number>): number {
  return memberEstimate(item, doneItemIds) ?? 0;
}

/** Whether an item is a "choose one" track, part of its group's Required slot. A Reference line is never assigned, track or not. */
export function isChoiceTrack(item: Pick<SlotSource, "kind" | "track">): boolean {
  return item.track !== undefined && item.track !== null && item.kind !== "Reference";
}

function heaviest(tracks: readonly Pick<PlanItem, "minutes">[]): number | null {
  const minutes = tracks.flatMap((track) => (track.minutes === null ? [] : [track.minutes]));
  return minutes.length === 0 ? null : Math.max(...minutes);
}

/** What `requiredSlots` reads of an item (a stored item or a plan item). */
export interface SlotSource {
  readonly id: number;
  readonly kind: string;
  readonly sectionKey: string;
  readonly group?: string | null;
  readonly track?: string | null;
}

/**
 * What "every Required item" means (`/progress`, the course summary): each
 * Required item, and each "choose one" group once, as the ids that complete it.
 */
export function requiredSlots(items: Iterable<SlotSource>): number[][] {
  const slots: number[][] = [];
  const choiceByGroup = new Map<string, number[]>();
  for (const item of items) {
    if (isChoiceTrack(item)) {
      // The separator cannot occur in a key: a section key is a slug.
      const key = `${item.sectionKey}\u0000${item.group ?? ""}`;
      const slot = choiceByGroup.get(key);
      if (slot !== undefined) slot.push(item.id);
      else {
        const fresh = [item.id];
        choiceByGroup.set(key, fresh);
        slots.push(fresh);
      }
    } else if (item.kind === "Required") slots.push([item.id]);
  }
  return slots;
}
