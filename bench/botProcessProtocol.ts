/**
 * Messages between the measuring process (bench/BotProcess.ts) and the bot
 * process it starts (bench/botProcessMain.ts), over Node's IPC channel.
 */
export type ToBotProcess =
  /** Moves the bot's clock; answered with "clockSet" once the bot sees the new instant. */
  | { readonly type: "setClock"; readonly at: number }
  /** Marks the start of the measured span for CPU time and memory; answered with "servingStarted". */
  | { readonly type: "startServing" }
  /** With `collectGarbage`, a full garbage collection first, so liveHeapBytes is what the bot really holds. */
  | { readonly type: "report"; readonly collectGarbage: boolean }
  /** Closes the app (discord.js, database) and exits. */
  | { readonly type: "stop" };

export type FromBotProcess =
  | { readonly type: "ready" }
  | { readonly type: "clockSet"; readonly at: number }
  | { readonly type: "servingStarted" }
  | { readonly type: "report"; readonly usage: BotProcessUsage };

/** Measured inside the bot process, so none of it is the emulator's or the measuring process's. */
export interface BotProcessUsage {
  /** VmHWM: the bot process's peak resident memory since it started. */
  readonly peakRssBytes: number;
  /** Highest RSS sampled every 100 ms since "startServing". */
  readonly servingRssMaxBytes: number;
  /** CPU time (user + system) the bot process used since "startServing". */
  readonly servingCpuMs: number;
  /** JS heap in use after a full collection (requested with collectGarbage), else null. */
  readonly liveHeapBytes: number | null;
}

/** The floor bot's fixed reply (bench/floorBotMain.ts): not a user-facing sentence; the measuring process checks for it. */
export const floorReply = "floor";
