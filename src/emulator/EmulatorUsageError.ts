/**
 * What a visitor can get wrong in an option, as Discord's client would stop them: the playground words these in the
 * page's language (the message stays the emulator's English for tests). `option`/`command` as registered (`/done`).
 */
export type EmulatorUsageProblem =
  | { readonly kind: "optionRequired"; readonly command: string; readonly option: string }
  | { readonly kind: "optionNumber" | "optionInteger"; readonly command: string; readonly option: string }
  | {
      readonly kind: "optionAtLeast" | "optionAtMost" | "optionMinLength" | "optionMaxLength";
      readonly command: string;
      readonly option: string;
      readonly limit: number;
    }
  | { readonly kind: "optionUnknownUser"; readonly command: string; readonly option: string; readonly id: string };

/**
 * Thrown by the driver API (runCommand, clickButton, ...) when a test or the playground asks for
 * something a real Discord user could not do, e.g. an unregistered command or an unknown option.
 */
export class EmulatorUsageError extends Error {
  constructor(
    message: string,
    readonly problem: EmulatorUsageProblem | null = null,
  ) {
    super(message);
    this.name = "EmulatorUsageError";
  }
}
