/**
 * `npm run bench`, posting part: how long the scheduler takes to post the
 * weekly assignment of 1,000 cohorts, each in its own channel, against the
 * emulator with Discord's rate limits (a global 50 requests/s and per-channel
 * buckets of 5 requests per 5 s), compared with the least time the global
 * budget allows for the requests it made. Run as a child process by run.ts:
 * `tsx bench/postingBench.ts <result.json> [cohorts]`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ManualClock } from "../src/clock.js";
import { loadConfig } from "../src/config/loadConfig.js";
import { createApp } from "../src/createApp.js";
import { DiscordEmulator } from "../src/emulator/DiscordEmulator.js";
import { CountingLog } from "./BenchWorld.js";

export interface PostingBenchResult {
  readonly cohorts: number;
  readonly sent: number;
  readonly failed: number;
  /** Requests Discord (the emulator) accepted while posting, and the 429s it answered. */
  readonly requests: number;
  readonly rateLimited: number;
  readonly seconds: number;
  /** requests ÷ 50: the least time the global budget allows. */
  readonly budgetSeconds: number;
  readonly globalPerSecond: number;
  readonly perChannel: { readonly limit: number; readonly windowMs: number };
}

const globalPerSecond = 50;
const perChannel = { limit: 5, windowMs: 5_000 } as const;

async function measurePosting(cohortCount: number): Promise<PostingBenchResult> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-bot-posting-"));
  const emulator = await DiscordEmulator.start({ rateLimits: { globalPerSecond, perRoute: perChannel } });
  const log = new CountingLog();
  try {
    const guild = emulator.createGuild({ name: "Posting Benchmark" });
    const admin = emulator.createMember(guild.id, { username: "bench-admin", manageGuild: true });
    const channels = Array.from({ length: cohortCount }, (_, index) => emulator.createChannel(guild.id, { name: `cohort-${index + 1}` }));
    const clock = new ManualClock(new Date("2027-03-01T08:00:00Z"));
    const config = loadConfig({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_URL: `file:${path.join(folder, "posting.db")}`,
    });
    const app = await createApp(config, { clock, logger: log.logger, schedulerTickCron: null });
    try {
      await app.start();
      for (const [index, channel] of channels.entries()) {
        await app.services.cohorts.create({
          guildId: guild.id,
          actorId: admin.id,
          name: `Cohort ${index + 1}`,
          curriculum: "backend-engineer-learning-path",
          channelId: channel.id,
          start: "2027-03-01",
        });
      }
      emulator.clearRequestLog();
      const startedAt = performance.now();
      const report = await app.scheduler.tick(new Date("2027-03-01T09:00:00Z"));
      const seconds = (performance.now() - startedAt) / 1000;
      const log = emulator.requestLog().filter((entry) => entry.path.startsWith("/channels/"));
      const requests = log.filter((entry) => entry.status !== 429).length;
      return {
        cohorts: cohortCount,
        sent: report.sent.length,
        failed: report.failed.length,
        requests,
        rateLimited: log.length - requests,
        seconds,
        budgetSeconds: requests / globalPerSecond,
        globalPerSecond,
        perChannel,
      };
    } finally {
      await app.close();
    }
  } finally {
    await emulator.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The Markdown section of bench/results.md. */
export function renderPostingResult(result: PostingBenchResult): string {
  return [
    "## Posting the weekly assignment",
    "",
    `${result.cohorts.toLocaleString("en-US")} cohorts, each in its own channel, all due at the same minute; one scheduler tick on SQLite against the emulator with Discord's rate limits: ${result.globalPerSecond} requests/s for the whole bot and ${result.perChannel.limit} requests per ${result.perChannel.windowMs / 1000} s per channel route.`,
    "",
    "| posts sent | failed | requests | 429s | time | global budget allows | time ÷ budget |",
    "|---:|---:|---:|---:|---:|---:|---:|",
    `| ${result.sent.toLocaleString("en-US")} | ${result.failed} | ${result.requests.toLocaleString("en-US")} | ${result.rateLimited} | ${result.seconds.toFixed(1)} s | ${result.budgetSeconds.toFixed(1)} s | ${(result.seconds / result.budgetSeconds).toFixed(2)} |`,
    "",
    "Requests: the post, its discussion thread and the live board below it (three per weekly assignment). **Global budget allows**: requests ÷ 50 per second, the least time Discord's global limit leaves.",
  ].join("\n");
}

const [resultFile, cohorts] = process.argv.slice(2);
if (resultFile !== undefined && process.argv[1]?.endsWith("postingBench.ts") === true) {
  measurePosting(Number(cohorts ?? "1000"))
    .then((result) => fs.writeFileSync(resultFile, JSON.stringify(result)))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
