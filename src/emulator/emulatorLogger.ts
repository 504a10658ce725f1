export type EmulatorLogLevel = "debug" | "info" | "warn" | "error";

/**
 * Receives the emulator's diagnostics (unknown routes, handler crashes, gateway sessions).
 * Adapt it to pino with e.g. `(level, message, details) => logger[level](details ?? {}, message)`.
 */
export type EmulatorLogger = (level: EmulatorLogLevel, message: string, details?: Record<string, unknown>) => void;

export const silentLogger: EmulatorLogger = () => {};
