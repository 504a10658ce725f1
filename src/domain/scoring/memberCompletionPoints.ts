import { localDateOf, toEpochMillis, type InstantInput } from "../schedule/localTime.js";
import { memberDayEnd } from "../schedule/memberDay.js";
import type { PlanItem } from "../schedule/scheduleTypes.js";
import { pointsForCompletion, type CompletionPoints } from "./pointsForCompletion.js";

/**
 * Points for a completion against the member's own plan: the on-time bonus
 * when it comes before the member's due day ends (04:00 the next morning in
 * the member's zone), never for a `/done … when:yesterday`. The amounts stay
 * `pointsForCompletion`'s: it is handed a day still running at `completedAt`
 * (bonus) or no day at all (no bonus).
 */
export function memberCompletionPoints(
  item: Pick<PlanItem, "kind" | "minutes">,
  completedAt: InstantInput,
  dueDate: string | null,
  memberZone: string,
  loggedForYesterday: boolean,
): CompletionPoints {
  const onTime = !loggedForYesterday && dueDate !== null && toEpochMillis(completedAt) < memberDayEnd(dueDate, memberZone).getTime();
  return pointsForCompletion(item, completedAt, onTime ? localDateOf(completedAt, memberZone) : null, memberZone);
}
