import { MembershipGoneError } from "../db/repositories/MembershipGoneError.js";
import { UserError } from "../errors.js";

/**
 * A write for a membership in the cohort `cohortName`; the member's `/privacy delete` committed while it was under
 * way (MembershipGoneError): they are no longer in the cohort, which is what the caller is told. `whose`: "own"
 * for the member's own request ("You're not a member"), "other" for someone acting on them (an admin's Nudge).
 */
export async function stillMember<T>(cohortName: string, write: Promise<T>, whose: "own" | "other" = "own"): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!(error instanceof MembershipGoneError)) throw error;
    if (whose === "other") throw new UserError("cohort.otherNotMember", { name: cohortName });
    throw new UserError("cohort.notJoined", { name: cohortName });
  }
}
