import { MembershipGoneError } from "../db/repositories/MembershipGoneError.js";
import { UserError } from "../errors.js";

/**
 * A write for a member's membership in the cohort `cohortName`; their `/privacy delete` committed while it was
 * under way (MembershipGoneError): they are no longer in the cohort, which is what they are told.
 */
export async function stillMember<T>(cohortName: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof MembershipGoneError) throw new UserError("cohort.notJoined", { name: cohortName });
    throw error;
  }
}
