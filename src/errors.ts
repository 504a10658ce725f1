/**
 * A mistake the user can fix (unknown item, bad date, missing permission…).
 * Its message is shown to them as is, so it must be a complete, friendly
 * sentence from src/messages.ts. Anything else thrown is a bug: the router
 * shows a generic message with a reference id and logs the details.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
