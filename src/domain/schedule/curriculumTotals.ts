/**
 * A curriculum's totals as members are measured (`/curriculum show`, the CLI's outline): each
 * "choose one" group is one Required slot (`choiceSlots.ts`), never optional reading.
 */
import { isChoiceTrack, requiredSlots, type SlotSource } from "./choiceSlots.js";

/** What `curriculumTotals` reads of an item (a stored item). */
export interface TotalsSource extends SlotSource {
  readonly minutes: number | null;
}

/** A count, the minutes of those estimated, and how many have no estimate. */
export interface KindTotal {
  readonly count: number;
  readonly minutes: number;
  readonly unestimated: number;
}

export interface CurriculumTotals {
  /** The Required items and one slot per "choose one" group, weighing as much as its longest track. */
  readonly required: KindTotal;
  /** The Optional items that are not tracks. */
  readonly optional: KindTotal;
  readonly reference: KindTotal;
  /** Whether some Required slot is a "choose one" group. */
  readonly hasChoices: boolean;
}

export function curriculumTotals(items: readonly TotalsSource[]): CurriculumTotals {
  const minutesById = new Map(items.map((item) => [item.id, item.minutes]));
  const slots = requiredSlots(items).map((ids) => {
    const estimates = ids.flatMap((id) => {
      const minutes = minutesById.get(id);
      return minutes === null || minutes === undefined ? [] : [minutes];
    });
    return estimates.length === 0 ? null : Math.max(...estimates);
  });
  const of = (kind: string) => items.filter((item) => item.kind === kind && !isChoiceTrack(item)).map((item) => item.minutes);
  return {
    required: total(slots),
    optional: total(of("Optional")),
    reference: total(of("Reference")),
    hasChoices: items.some(isChoiceTrack),
  };
}

function total(minutes: readonly (number | null)[]): KindTotal {
  return {
    count: minutes.length,
    minutes: minutes.reduce<number>((sum, value) => sum + (value ?? 0), 0),
    unestimated: minutes.filter((value) => value === null).length,
  };
}
