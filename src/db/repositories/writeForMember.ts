import { isForeignKeyViolation } from "./isForeignKeyViolation.js";
import { MembershipGoneError } from "./MembershipGoneError.js";

/**
 * Runs a write of rows hanging from the membership `memberId`; the membership deleted since the request
 * read it (`/privacy delete` committed in between: a new row would refer to no member) is a
 * MembershipGoneError, nothing stored.
 */
export async function writeForMember<T>(memberId: number, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new MembershipGoneError(memberId, { cause: error });
    throw error;
  }
}
