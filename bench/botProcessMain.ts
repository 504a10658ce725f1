/**
 * The bot as the benchmark runs it: a process of its own (started by
 * bench/BotProcess.ts, pinned to its own core), built by createApp as
 * src/main.ts builds it, logging JSON lines to stdout as in production.
 * The only differences: the clock is moved by the measuring process over IPC
 * (the data set lives in 2027), and the scheduler's cron is off (its posts are
 * not what is measured, and a tick landing mid-run would only add noise).
 *
 *   node --import tsx bench/botProcessMain.ts   (with an IPC channel; env: DISCORD_TOKEN, DISCORD_API_URL, DATABASE_URL, BENCH_CLOCK_START)
 */
import { ManualClock } from "../src/clock.js";
import { loadConfig } from "../src/config/loadConfig.js";
import { createApp } from "../src/createApp.js";
import type { BotProcessUsage, FromBotProcess, ToBotProcess } from "./botProcessProtocol.js";

function send(message: FromBotProcess): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (process.send === undefined) throw new Error("botProcessMain.ts runs under bench/BotProcess.ts (it needs an IPC channel)");
  const clockStart = Number(process.env.BENCH_CLOCK_START);
  if (!Number.isFinite(clockStart)) throw new Error("BENCH_CLOCK_START (epoch milliseconds) is required");
  const clock = new ManualClock(new Date(clockStart));
  const app = await createApp(loadConfig(process.env), { clock, schedulerTickCron: null });
  await app.start();

  let servingRssMax = 0;
  let servingCpu = process.cpuUsage();
  const sampler = setInterval(() => {
    servingRssMax = Math.max(servingRssMax, process.memoryUsage.rss());
  }, 100);
  // BotProcess starts this process with --expose-gc, for the live-heap figure only.
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  const usage = (collect: boolean): BotProcessUsage => {
    const cpu = process.cpuUsage(servingCpu);
    if (collect) collectGarbage?.();
    return {
      // ru_maxrss is in kilobytes.
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      servingRssMaxBytes: Math.max(servingRssMax, process.memoryUsage.rss()),
      servingCpuMs: (cpu.user + cpu.system) / 1000,
      liveHeapBytes: collect && collectGarbage !== undefined ? process.memoryUsage().heapUsed : null,
    };
  };

  process.on("message", (message: ToBotProcess) => {
    switch (message.type) {
      case "setClock":
        clock.set(new Date(message.at));
        send({ type: "clockSet", at: message.at });
        return;
      case "startServing":
        servingRssMax = process.memoryUsage.rss();
        servingCpu = process.cpuUsage();
        send({ type: "servingStarted" });
        return;
      case "report":
        send({ type: "report", usage: usage(message.collectGarbage) });
        return;
      case "stop":
        clearInterval(sampler);
        void app.close().finally(() => process.exit(0));
        return;
    }
  });
  // The measuring process gone means nobody will ever stop this one.
  process.once("disconnect", () => void app.close().finally(() => process.exit(0)));
  send({ type: "ready" });
}

main().catch((error: unknown) => {
  process.stderr.write(`bot process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
