/**
 * A write for a membership found no membership row any more: it was deleted (`/privacy delete`, a server's
 * purge) after the request read it and before its write. Nothing of the write was stored.
 */
export class MembershipGoneError extends Error {
  constructor(
    readonly memberId: number,
    options?: { cause?: unknown },
  ) {
    super(`membership ${memberId} was deleted before the write`, options);
    this.name = "MembershipGoneError";
  }
}
