import type { UserErrorCode } from "../../errors.js";
import type { MessageKey } from "./locales/en.js";

/** A language's messages: every key of the English catalogue, in ICU MessageFormat. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** Every typed error has its message under its own code. */
export type ErrorKeysCovered = UserErrorCode extends MessageKey ? true : never;
export const errorKeysCovered: ErrorKeysCovered = true;
