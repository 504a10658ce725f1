/**
 * A claim this old (a scheduled post's, a reminder's, an announcement's) belongs to an attempt that stopped (its
 * process died mid-send): another may take it over. Within Discord's nonce window, so the takeover's send of a
 * message the stopped attempt had sent is answered with that message.
 */
export const claimLifetimeMs = 2 * 60_000;
