import { DatabaseBusyError } from "../db/repositories/DatabaseBusyError.js";
import { isDatabaseLocked } from "../db/repositories/isDatabaseLocked.js";

/** True when a write gave up on a lock another connection held: nothing was written, and the caller may simply try again. */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof DatabaseBusyError || isDatabaseLocked(error);
}
