import { measuredCommands, type BenchResult } from "./BenchResult.js";
import type { BenchOptions } from "./benchOptions.js";

export interface RunContext {
  readonly options: BenchOptions;
  readonly date: Date;
  readonly machine: string;
  /** 1-minute load average when the run started: a busy machine makes the numbers noisy. */
  readonly loadAverage: number;
}

const ms = (value: number) => (Number.isNaN(value) ? "—" : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`);
const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
const count = (value: number) => value.toLocaleString("en");

/** The results as Markdown: one table per database, then memory and throughput. */
export function renderResults(results: readonly BenchResult[], run: RunContext): string {
  const { options } = run;
  const first = results[0];
  const lines: string[] = [
    "# Benchmark results",
    "",
    `\`npm run bench\` — ${run.date.toISOString().slice(0, 16).replace("T", " ")} UTC, ${run.machine}, Node ${process.versions.node}, ` +
      `load average ${run.loadAverage.toFixed(2)} at the start.`,
    "",
    first === undefined
      ? ""
      : `One cohort of ${count(first.dataset.members)} members (${count(first.dataset.activeMembers)} active) with ${count(first.dataset.completionsBefore)} completions ` +
        `and ${count(first.dataset.weeklyScores)} weekly scores; ${count(options.runs)} measured runs per command after ${count(options.warmup)} warm-up runs, ` +
        `sequential, by ${count(options.actors)} different members in turn. **p50/p99**: the interaction dispatched by the Discord emulator → the bot's ` +
        "interaction callback arriving back at it. The bot (createApp + discord.js, logged in to src/emulator) runs in a process of its own; " +
        "the emulator and the hand-written SQL run in the measuring process. " +
        "**SQL p50**: the same database work as hand-written SQL on the same database (bench/handWrittenWork.ts), run between the bot's runs; " +
        "**ratio** = p50 ÷ SQL p50. **÷ floor**: p50 and p99 each divided by the floor bot's (bench/floorBotMain.ts: the same discord.js " +
        "client, intents and options answering `/today` with a fixed reply, measured after the bot in the same run, on the same core and emulator).",
    "",
  ];
  for (const result of results) {
    lines.push(`## ${result.label}`, "");
    lines.push("| command | p50 | p99 | SQL p50 | ratio | p50 ÷ floor | p99 ÷ floor | goal |", "|---|---:|---:|---:|---:|---:|---:|---|");
    for (const command of measuredCommands) {
      const measured = result.commands.find((entry) => entry.id === command.id);
      if (measured === undefined) continue;
      const goal =
        command.goalP99Ms === null
          ? "—"
          : `p99 < ${command.goalP99Ms} ms: ${measured.bot.p99 < command.goalP99Ms ? "**met**" : "**missed**"}`;
      lines.push(
        `| ${command.label} | ${ms(measured.bot.p50)} | ${ms(measured.bot.p99)} | ${ms(measured.sql.p50)} | ${(measured.bot.p50 / measured.sql.p50).toFixed(1)}× | ` +
          `${(measured.bot.p50 / result.floor.latency.p50).toFixed(1)}× | ${(measured.bot.p99 / result.floor.latency.p99).toFixed(1)}× | ${goal} |`,
      );
    }
    lines.push(
      `| floor bot (\`/today\`, fixed reply) | ${ms(result.floor.latency.p50)} | ${ms(result.floor.latency.p99)} | — | — | 1.0× | 1.0× | — |`,
    );
    lines.push("");
    lines.push(
      `- **Bot CPU time**: ${ms(result.cpuMsPerInteraction)} per interaction on average over the sequential runs (the bot process's own, all commands).`,
    );
    lines.push(
      `- **Peak RSS**: ${megabytes(result.peakRssBytes)} (high-water mark of the bot process: createApp, discord.js, Prisma; ` +
        `at most ${megabytes(result.servingRssMaxBytes)} sampled while serving). Live JS heap after a full collection: ` +
        `${megabytes(result.liveHeapBytes.connected)} once connected, ${megabytes(result.liveHeapBytes.afterServing)} after serving; the rest of ` +
        "the RSS is V8's heap headroom between collections, code, SQLite's page cache and native buffers. " +
        `The floor bot peaked at ${megabytes(result.floor.peakRssBytes)}.`,
    );
    lines.push(
      `- **Served by one bot process**: ${result.dataset.cohorts} cohort, ${count(result.dataset.members)} members; ${count(result.served.members)} of them sent ` +
        `${count(result.served.interactions)} interactions in ${result.served.seconds.toFixed(0)} s; every \`/done\` recorded exactly once ` +
        `(${count(result.dataset.completionsAfter)} completions after the run).`,
    );
    if (result.burst !== null) {
      lines.push(
        `- **Throughput**: ${count(result.burst.interactions)} mixed interactions with ${result.burst.concurrency} in flight: ` +
          `${result.burst.perSecond.toFixed(0)} interactions/s (p50 ${ms(result.burst.latency.p50)}, p99 ${ms(result.burst.latency.p99)} under that load).`,
      );
    }
    const { bot, harness } = result.pinnedCpus;
    const pinned =
      bot === null
        ? "Processes not pinned"
        : bot === harness
          ? `Bot process and measuring process both pinned to CPU ${bot} (taskset; only one CPU was available)`
          : `Bot process pinned to CPU ${bot}, measuring process to CPU ${harness ?? "?"} (taskset)`;
    lines.push(`- ${pinned}; scheduler cron off; the bot logs JSON lines at info level to a pipe, counted and discarded.`);
    if (result.logProblems.length > 0)
      lines.push(
        `- ⚠ The bot logged ${result.logProblems.length} warning(s)/error(s); first: \`${result.logProblems[0]?.slice(0, 200) ?? ""}\``,
      );
    lines.push("");
  }
  return lines.join("\n");
}
