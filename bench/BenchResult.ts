import type { TimingSummary } from "./summarizeTimings.js";

/** The commands measured, in table order, with the goal each must meet (p99, ms). */
export const measuredCommands = [
  { id: "today", label: "`/today`", goalP99Ms: null },
  { id: "done", label: "`/done`", goalP99Ms: 20 },
  { id: "leaderboardWeek", label: "`/leaderboard` (week)", goalP99Ms: 50 },
  { id: "leaderboardAll", label: "`/leaderboard period:all`", goalP99Ms: 50 },
  // The facilitator's roster aggregates every completion of the cohort: measured every `rosterEvery` rounds only.
  { id: "roster", label: "`/cohort roster` (first page)", goalP99Ms: 1_000 },
] as const;

/** `/cohort roster` runs once every this many rounds (each run reads the whole cohort's completions). */
export const rosterEvery = 20;

export type CommandId = (typeof measuredCommands)[number]["id"];

export interface CommandResult {
  readonly id: CommandId;
  /** Interaction dispatched by the emulator → the bot's callback arriving back at it. */
  readonly bot: TimingSummary;
  /** The same database work by hand-written SQL on the same database. */
  readonly sql: TimingSummary;
}

export interface BurstResult {
  readonly interactions: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Dispatch → callback under load. */
  readonly latency: TimingSummary;
}

/** The framework floor (bench/floorBotMain.ts): the bot's discord.js client answering `/today` with a fixed reply. */
export interface FloorResult {
  /** Dispatch → callback, as for the bot's commands. */
  readonly latency: TimingSummary;
  readonly peakRssBytes: number;
}

/** What one measuring process reports back to bench/run.ts. */
export interface BenchResult {
  readonly database: string;
  readonly label: string;
  readonly commands: readonly CommandResult[];
  /** VmHWM: the bot process's peak resident memory (createApp, discord.js, Prisma; no emulator). */
  readonly peakRssBytes: number;
  /** The bot process's highest RSS sampled every 100 ms while it served interactions. */
  readonly servingRssMaxBytes: number;
  /** The bot process's CPU time over the sequential rounds, per interaction. */
  readonly cpuMsPerInteraction: number;
  /** The bot's JS heap after a full collection, once connected and after serving: what it keeps, leak or not. */
  readonly liveHeapBytes: { readonly connected: number; readonly afterServing: number };
  readonly burst: BurstResult | null;
  readonly floor: FloorResult;
  readonly dataset: {
    readonly cohorts: number;
    readonly members: number;
    readonly activeMembers: number;
    readonly completionsBefore: number;
    readonly completionsAfter: number;
    readonly weeklyScores: number;
  };
  /** Interactions the bot process answered, and distinct members who sent them. */
  readonly served: { readonly interactions: number; readonly members: number; readonly seconds: number };
  /** Where the bot process and the measuring process (emulator, hand-written SQL) were pinned; null when not. */
  readonly pinnedCpus: { readonly bot: string | null; readonly harness: string | null };
  readonly logLines: number;
  readonly logProblems: readonly string[];
}
