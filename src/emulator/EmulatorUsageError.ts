/**
 * Thrown by the driver API (runCommand, clickButton, ...) when a test or the playground asks for
 * something a real Discord user could not do, e.g. an unregistered command or an unknown option.
 */
export class EmulatorUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmulatorUsageError";
  }
}
