import { PermissionFlagsBits } from "discord.js";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maximalCurriculum, maximalCurriculumWeeks } from "../../bench/maximalCurriculum.js";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { spawnWorker } from "../../src/workers/spawnWorker.js";
import { buttonsOf, startBotHarness, unhurriedDeadlineMs, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { HoldLine } from "../helpers/holdLine.js";

/**
 * The plan worker, with a gate on what the bot asks of it: while `holding`, requests wait here, so
 * the big server's plans stay unbuilt for as long as the test needs, however slow the machine is.
 */
class HeldPlanWorker extends HoldLine {
  readonly spawn = (name: string): Worker => {
    const worker = spawnWorker(name);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (value: unknown, transferList?: Parameters<Worker["postMessage"]>[1]) =>
      this.pass(() => post(value, transferList));
    return worker;
  };
}

/**
 * One server runs a cohort on the largest curriculum the importer accepts
 * (520 weeks, 256 KB) while members of another server use the bot: their
 * interactions must be answered while the big server's plan is being
 * built and rebuilt for new settings, not after it. The big server's work
 * is held on the plan worker until the other server's answers are all in,
 * so this holds on any machine; how long each takes is `npm run bench`'s
 * business (its event-loop measurement beside the same curriculum).
 */
describe("a cohort on a maximal curriculum in one server beside /today and /done in another", () => {
  let bot: BotHarness;
  const generated = maximalCurriculum();
  const planWorker = new HeldPlanWorker();
  let bigGuild: { id: string };
  let bigChannel: { id: string };
  let bigAdmin: { id: string };

  beforeAll(async () => {
    // The maximal plans go to the worker (the small cohort's are built inline), which may stay silent while the test holds it.
    bot = await startBotHarness({
      now: new Date("2027-01-05T10:00:00Z"),
      planBuilds: { spawn: planWorker.spawn, timeoutMs: unhurriedDeadlineMs },
    });
    await bot.createCohort();
    const everyPermission = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
    bigGuild = bot.emulator.createGuild({ name: "Big Curriculum Server", botPermissions: everyPermission });
    bigChannel = bot.emulator.createChannel(bigGuild.id, { name: "marathon" });
    bigAdmin = bot.emulator.createMember(bigGuild.id, { username: "marathon-admin", manageGuild: true });
    await waitFor(() => bot.test.app.discord.client.channels.cache.has(bigChannel.id));
    // Imported through the repository (the parser is not what this test is about), with no 30 s limit on its
    // transaction: on a busy machine storing 4,680 items has taken longer, and that is not what this test is about either.
    const curricula = new CurriculumRepository(bot.test.app.database.prisma, bot.test.app.writes, { importTimeoutMs: unhurriedDeadlineMs });
    await curricula.applyImport(generated.curriculum, "maximal-v1", bigGuild.id);
    await bot.test.app.services.cohorts.create({
      guildId: bigGuild.id,
      actorId: bigAdmin.id,
      name: "Marathon",
      curriculum: generated.curriculum.slug,
      channelId: bigChannel.id,
      start: "2027-01-04",
    });
  }, 120_000);

  afterAll(async () => bot.close());

  it("is really the maximal size", () => {
    expect(Buffer.byteLength(generated.text)).toBeGreaterThan(250 * 1024);
    expect(Buffer.byteLength(generated.text)).toBeLessThanOrEqual(256 * 1024);
    expect(generated.curriculum.totalWeeks).toBe(maximalCurriculumWeeks);
  });

  it("answers every /today and /done of the other server while the big cohort is planned, shown and re-planned", async () => {
    const members = Array.from({ length: 8 }, (_, index) => bot.member(`reader-${index}`));
    for (const member of members) await bot.reply(member.id, "join", { cohort: "Backend Spring 2027" });

    const runInBigServer = (name: string, options: Record<string, string | number | boolean> = {}) =>
      bot.emulator.runCommand({ guildId: bigGuild.id, channelId: bigChannel.id, userId: bigAdmin.id, name, options });
    const handles: InteractionHandle[] = [];
    const bigAnswers: EmulatorMessage[] = [];
    for (let round = 0; round < 3; round += 1) {
      planWorker.holding = true;
      // The big server: its plan shown, its schedule computed by a scheduler tick, and a new start date, which is a new
      // plan: the whole curriculum is balanced again.
      const week260 = runInBigServer("week", { number: 260 });
      const tick = bot.test.app.scheduler.tick();
      const edit = runInBigServer("cohort", { subcommand: "edit", cohort: "Marathon", start: `2027-01-0${4 + round}` });
      const week519 = runInBigServer("week", { number: 519 });
      let replanned = false;
      const editAnswered = edit.final().then((message) => {
        replanned = true;
        return message;
      });
      try {
        // The big server's planning has reached the worker and waits there.
        await planWorker.waitingFor(1);
        // Meanwhile the other server's members read and log, and each is answered.
        for (const member of members) {
          const today = bot.run(member.id, "today");
          handles.push(today);
          const message = await today.final();
          const first = buttonsOf(message)[0];
          if (first === undefined) continue;
          const done = bot.run(member.id, "done", { item: first.label.replace(/^Done: /, "") });
          handles.push(done);
          await done.final();
        }
        // …all while the big server's re-plan was still held on the worker.
        expect(planWorker.waiting).toBeGreaterThan(0);
        expect(replanned).toBe(false);
      } finally {
        planWorker.release();
      }
      const [shown, , edited, shownLast] = await Promise.all([week260.final(), tick, editAnswered, week519.final()]);
      bigAnswers.push(shown, edited, shownLast);
    }
    const answers = handles.map((handle) => handle.originalMessage());
    expect(handles.filter((handle) => handle.failed)).toEqual([]);
    expect(answers.every((answer) => answer !== null && visibleText(answer) !== "")).toBe(true);
    expect(handles.length).toBeGreaterThan(members.length * 3);
    // The big server was answered too, once its plans were built.
    expect(bigAnswers.every((answer) => visibleText(answer) !== "")).toBe(true);
  }, 300_000);
});

/** Polls until `condition` holds; the hook's timeout bounds the wait, not a stopwatch of its own. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
