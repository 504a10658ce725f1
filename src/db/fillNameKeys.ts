import { setImmediate as nextTurn } from "node:timers/promises";
import type { Logger } from "../logging/createLogger.js";
import type { MemberRepository } from "./repositories/MemberRepository.js";

/** Members per transaction: a short write each, so interactions' writes wait little between them. */
const membersPerChunk = 500;

/**
 * Fills the name key (`Member.nameKey`) of members stored before it existed, a chunk at a time after start-up, off
 * the interactions' path (a turn of the event loop between chunks). Until a row is filled the roster works its key
 * out as it reads it (`namesWithKeysThrough`), so nothing waits for this; a failure is logged and left for the
 * next start. Stops early once `stopped()` (the app closing). Returns how many chunks it wrote.
 */
export async function fillNameKeys(
  members: Pick<MemberRepository, "fillNameKeys">,
  logger: Logger,
  stopped: () => boolean,
): Promise<number> {
  let chunks = 0;
  let afterId = 0;
  try {
    while (!stopped()) {
      const lastId = await members.fillNameKeys(afterId, membersPerChunk);
      if (lastId === null) break;
      chunks += 1;
      afterId = lastId;
      await nextTurn();
    }
  } catch (error) {
    logger.warn({ err: error, afterId }, "could not fill members' name keys");
  }
  if (chunks > 0) logger.info({ chunks, lastMemberId: afterId }, "members' name keys filled");
  return chunks;
}
