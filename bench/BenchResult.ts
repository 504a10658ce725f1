import type { TimingSummary } from "./summarizeTimings.js";

/** The commands measured, in table order, with the goal each must meet (p99, ms). */
export const measuredCommands = [
  { id: "today", label: "`/today`", goalP99Ms: null },
  { id: "done", label: "`/done`", goalP99Ms: 20 },
  { id: "leaderboardWeek", label: "`/leaderboard` (week)", goalP99Ms: 50 },
  { id: "leaderboardAll", label: "`/leaderboard period:all`", goalP99Ms: 50 },
] as const;

export type CommandId = (typeof measuredCommands)[number]["id"];

export interface CommandResult {
  readonly id: CommandId;
  /** Interaction dispatched by the emulator → the bot's callback arriving back at it. */
  readonly bot: TimingSummary;
  /** CPU time of the measuring process (bot and emulator) over the same span: robust to a busy machine. */
  readonly botCpu: TimingSummary;
  /** The same database work by hand-written SQL on the same database. */
  readonly sql: TimingSummary;
  /** "discord" normally; "service" when the bot has no such command yet and the service method was timed instead. */
  readonly via: "discord" | "service";
}

export interface BurstResult {
  readonly interactions: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Dispatch → callback under load. */
  readonly latency: TimingSummary;
}

/** What one measuring process reports back to bench/run.ts. */
export interface BenchResult {
  readonly database: string;
  readonly label: string;
  readonly commands: readonly CommandResult[];
  /** VmHWM: the measuring process's peak resident memory (bot, discord.js and the emulator together). */
  readonly peakRssBytes: number;
  /** Highest RSS sampled every 100 ms while the bot served interactions. */
  readonly servingRssMaxBytes: number;
  readonly burst: BurstResult | null;
  readonly dataset: {
    readonly cohorts: number;
    readonly members: number;
    readonly activeMembers: number;
    readonly completionsBefore: number;
    readonly completionsAfter: number;
    readonly weeklyScores: number;
  };
  /** Interactions the bot answered in this process, and distinct members who sent them. */
  readonly served: { readonly interactions: number; readonly members: number; readonly seconds: number };
  readonly pinnedCpu: string | null;
  readonly logLines: number;
  readonly logProblems: readonly string[];
}
