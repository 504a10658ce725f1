import type { MemberPlanRepository, StoredPersonalBreak } from "../../src/db/repositories/MemberPlanRepository.js";
import type { PersonalBreak } from "../../src/domain/schedule/memberPlan.js";

/** `addBreak` for tests that book days off the checks accept (on member day `today`, its first day unless told): the stored break. */
export async function bookBreak(
  plans: MemberPlanRepository,
  memberId: number,
  entry: PersonalBreak,
  today = entry.from,
): Promise<StoredPersonalBreak> {
  const booking = await plans.addBreak(memberId, entry, today);
  if (booking.booked === null) throw new Error(`the break was refused: ${booking.refused.problem}`);
  return booking.booked;
}
