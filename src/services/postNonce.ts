import { createHash } from "node:crypto";

/** Discord accepts nonces of up to 25 characters. */
const nonceLength = 25;

/**
 * The create-message nonce of one message of a post: derived from the post's
 * key, so every attempt to send the same message carries the same nonce and
 * Discord (with `enforce_nonce`) returns the first message instead of posting
 * a second one.
 */
export function postNonce(postKey: string, messageIndex: number): string {
  return createHash("sha256").update(`${postKey}#${messageIndex}`).digest("hex").slice(0, nonceLength);
}
