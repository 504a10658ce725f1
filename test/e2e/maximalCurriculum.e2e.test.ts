import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maximalCurriculum, maximalCurriculumWeeks } from "../../bench/maximalCurriculum.js";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * One server runs a cohort on the largest curriculum the importer accepts
 * (520 weeks, 256 KB) while members of another server use the bot: their
 * interactions must still be answered within Discord's window, including
 * while the big server's plan is rebuilt for new settings.
 */
describe("a cohort on a maximal curriculum in one server beside /today and /done in another", () => {
  let bot: BotHarness;
  const generated = maximalCurriculum();
  let bigGuild: { id: string };
  let bigChannel: { id: string };
  let bigAdmin: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort();
    const everyPermission = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
    bigGuild = bot.emulator.createGuild({ name: "Big Curriculum Server", botPermissions: everyPermission });
    bigChannel = bot.emulator.createChannel(bigGuild.id, { name: "marathon" });
    bigAdmin = bot.emulator.createMember(bigGuild.id, { username: "marathon-admin", manageGuild: true });
    await waitFor(() => bot.test.app.discord.client.channels.cache.has(bigChannel.id));
    // Imported through the repository (the parser is not what this test is about).
    await new CurriculumRepository(bot.test.app.database.prisma).applyImport(generated.curriculum, "maximal-v1", bigGuild.id);
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

  it("answers every /today and /done of the other server in time while the big cohort is planned, shown and re-planned", async () => {
    const members = Array.from({ length: 8 }, (_, index) => bot.member(`reader-${index}`));
    for (const member of members) await bot.reply(member.id, "join", { cohort: "Backend Spring 2027" });

    const runInBigServer = (name: string, options: Record<string, string | number | boolean> = {}) =>
      bot.emulator.runCommand({ guildId: bigGuild.id, channelId: bigChannel.id, userId: bigAdmin.id, name, options });
    const handles: InteractionHandle[] = [];
    const bigWork: Promise<unknown>[] = [];
    for (let round = 0; round < 3; round += 1) {
      // The big server: its plan shown, its schedule computed by a scheduler tick, and (round 1) a re-import that forces a new plan.
      bigWork.push(runInBigServer("week", { number: 260 }).final());
      bigWork.push(bot.test.app.scheduler.tick());
      // A new start date is a new plan: the whole curriculum is balanced again.
      bigWork.push(runInBigServer("cohort", { subcommand: "edit", cohort: "Marathon", start: `2027-01-0${4 + round}` }).final());
      bigWork.push(runInBigServer("week", { number: 519 }).final());
      // Meanwhile the other server's members read and log.
      for (const member of members) {
        const today = bot.run(member.id, "today");
        handles.push(today);
        const message = await today.final();
        const first = buttonsOf(message)[0];
        if (first !== undefined) handles.push(bot.run(member.id, "done", { item: first.label.replace(/^Done: /, "") }));
      }
    }
    await Promise.all(bigWork);
    const answers = await Promise.all(handles.map((handle) => handle.final()));
    expect(handles.filter((handle) => handle.failed)).toEqual([]);
    expect(answers.every((answer) => visibleText(answer) !== "")).toBe(true);
    expect(handles.length).toBeGreaterThan(members.length * 3);
  }, 300_000);
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the gateway");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
