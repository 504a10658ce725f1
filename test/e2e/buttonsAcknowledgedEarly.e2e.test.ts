import { InteractionResponseType } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { maxConcurrentHandlers } from "../../src/discord/InteractionRouter.js";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { HoldLine } from "../helpers/holdLine.js";

/**
 * Draws nothing until released, while holding: a `/progress` waiting for its card keeps its place
 * among the handlers the router works on at once, so enough of them fill the line for sure.
 */
class HeldPictures extends HoldLine implements Pictures {
  renderProgressCard(): Promise<Buffer> {
    return this.draw();
  }

  renderWeeklyChart(): Promise<Buffer> {
    return this.draw();
  }

  renderCourseChart(): Promise<Buffer> {
    return this.draw();
  }

  private async draw(): Promise<Buffer> {
    await this.through();
    return Buffer.from("card");
  }
}

/**
 * A button pressed while the bot is busy (every handler slot taken, or a handler slower than the
 * auto-defer timer) is acknowledged before its handler runs. A button that answers by changing its
 * own message (roster paging, Done on /today, the delete confirmation) must still change that
 * message, not post a second private one under it and leave the old buttons live.
 */
describe("buttons acknowledged before their handler runs", () => {
  const pictures = new HeldPictures();
  let bot: BotHarness;
  let cohort: Cohort;
  const members: { id: string; username: string }[] = [];

  beforeAll(async () => {
    // Tuesday of week 1 (the cohort starts Monday 2027-01-04, UTC).
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z"), pictures });
    cohort = await bot.createCohort();
    // Setup only: more members than one roster page holds, joined through the service.
    for (let index = 0; index < 22; index += 1) {
      const member = bot.member(`member${index}`);
      await bot.join(member, cohort, { at: new Date("2027-01-04T08:00:00Z") });
      members.push(member);
    }
  });
  afterAll(async () => bot.close());

  /**
   * Presses a button while every handler slot is taken by a `/progress` waiting for its card, so the
   * click waits in line and is acknowledged before its handler runs; then lets the line move.
   */
  async function pressWhileBusy(
    press: () => InteractionHandle,
    acknowledgedAs: InteractionResponseType = InteractionResponseType.DeferredMessageUpdate,
  ): Promise<InteractionHandle> {
    pictures.holding = true;
    const fillers = members.slice(0, maxConcurrentHandlers).map((member) => bot.run(member.id, "progress"));
    await pictures.waitingFor(maxConcurrentHandlers);
    const click = press();
    try {
      // Acknowledged while it waits: an update without a "thinking…" message of its own, or a private reply.
      expect((await click.response()).type).toBe(acknowledgedAs);
    } finally {
      pictures.release();
    }
    await Promise.all(fillers.map((filler) => filler.final()));
    return click;
  }

  /** Messages in the channel that only `userId` sees. */
  const privateTo = (userId: string) =>
    bot.emulator.channelMessages(bot.channel.id, { includeEphemeral: true }).filter((message) => message.visibleToUserId === userId);

  function buttonLabelled(message: EmulatorMessage, label: RegExp): string {
    const button = buttonsOf(message).find((candidate) => label.test(candidate.label));
    if (button === undefined) throw new Error(`no button labelled ${String(label)}`);
    return button.customId;
  }

  it("a command slower than the auto-defer timer is acknowledged (thinking…) while its work still waits, then edited into the answer", async () => {
    const [ada] = members;
    if (ada === undefined) throw new Error("no member");
    // Only this one handler runs, so no line forms: the router's own timer must acknowledge it. The card
    // stays held until the test has seen the acknowledgement, however slow the machine is.
    pictures.holding = true;
    const progress = bot.run(ada.id, "progress");
    try {
      await pictures.waitingFor(1);
      const response = await progress.response();
      expect([response.type, response.ephemeral]).toEqual([InteractionResponseType.DeferredChannelMessageWithSource, true]);
      expect(progress.originalMessage()?.content ?? "").toBe("");
    } finally {
      pictures.release();
    }
    const answer = await progress.final();
    expect(progress.failed).toBe(false);
    expect(answer.ephemeral).toBe(true);
    expect(answer.attachments.length).toBe(1);
  });

  it("a /done run while every handler slot is taken is acknowledged (thinking…) as it waits in line, then answered", async () => {
    const dan = members[maxConcurrentHandlers + 3] ?? members[0];
    if (dan === undefined) throw new Error("no member");
    const today = await bot.reply(dan.id, "today");
    const item = (buttonsOf(today)[0]?.label ?? "").replace(/^Done: /, "");
    const done = await pressWhileBusy(() => bot.run(dan.id, "done", { item }), InteractionResponseType.DeferredChannelMessageWithSource);
    expect(visibleText(await done.final())).toContain("Logged");
  });

  it("roster ▶ pressed while the bot is busy shows page 2 in the same message, and posts nothing new", async () => {
    const roster = await bot.reply(bot.admin.id, "cohort roster");
    expect(visibleText(roster)).toContain("Page 1 of 2");
    const before = privateTo(bot.admin.id).length;

    const click = await pressWhileBusy(() => bot.click(bot.admin.id, roster.id, buttonLabelled(roster, /Next/)));
    const shown = await click.final();

    expect(shown.id).toBe(roster.id);
    expect(visibleText(bot.emulator.message(roster.id) ?? shown)).toContain("Page 2 of 2");
    expect(buttonsOf(bot.emulator.message(roster.id) ?? shown).map((button) => button.label)).toContain("◀ Previous");
    expect(click.followUps()).toEqual([]);
    expect(privateTo(bot.admin.id)).toHaveLength(before);
  });

  it("Done on /today pressed while the bot is busy ticks the item off in the /today message itself", async () => {
    const ada = members[maxConcurrentHandlers] ?? members[0];
    if (ada === undefined) throw new Error("no member");
    const today = await bot.reply(ada.id, "today");
    const [done] = buttonsOf(today);
    if (done === undefined) throw new Error("/today offered no Done button");
    const title = done.label.replace(/^Done: /, "");
    const before = privateTo(ada.id).length;

    const click = await pressWhileBusy(() => bot.click(ada.id, today.id, done.customId));
    const updated = await click.final();

    expect(updated.id).toBe(today.id);
    expect(visibleText(updated)).toContain(`✅ **${title}**`);
    expect(buttonsOf(updated).map((button) => button.customId)).not.toContain(done.customId);
    expect(click.followUps()).toEqual([]);
    expect(privateTo(ada.id)).toHaveLength(before);
  });

  it("a checkpoint answer pressed while the bot is busy is told privately, and the checkpoint message stays as it was for everyone", async () => {
    const cy = members[maxConcurrentHandlers + 2] ?? members[0];
    if (cy === undefined) throw new Error("no member");
    const checkpoint = await bot.reply(cy.id, "checkpoint");
    const click = await pressWhileBusy(
      () => bot.click(cy.id, checkpoint.id, buttonLabelled(checkpoint, /Confident/)),
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    const answer = await click.final();

    expect(answer.id).not.toBe(checkpoint.id);
    expect(answer.ephemeral).toBe(true);
    const clicked = bot.emulator.message(checkpoint.id);
    expect(clicked === null ? null : [visibleText(clicked), clicked.components]).toEqual([visibleText(checkpoint), checkpoint.components]);
  });

  it("a refusal after such an acknowledgement comes as a private follow-up, and the clicked message stays as it was", async () => {
    const bea = members[maxConcurrentHandlers + 1] ?? members[0];
    if (bea === undefined) throw new Error("no member");
    const ask = await bot.reply(bea.id, "privacy", { delete: true });
    const confirm = buttonLabelled(ask, /./);
    const asked = bot.clock.now();
    // The confirmation has expired by the time it is pressed: the handler refuses it.
    bot.clock.set(new Date(asked.getTime() + 16 * 60_000));
    try {
      const click = await pressWhileBusy(() => bot.click(bea.id, ask.id, confirm));
      const [refusal] = await click.waitForFollowUps(1);

      expect(refusal?.ephemeral).toBe(true);
      expect(refusal?.visibleToUserId).toBe(bea.id);
      expect(visibleText(refusal ?? ask)).toContain("Run `/privacy delete:True` again.");
      const clicked = bot.emulator.message(ask.id);
      expect(clicked === null ? null : [visibleText(clicked), clicked.components]).toEqual([visibleText(ask), ask.components]);
      expect(await bot.test.app.database.prisma.member.count({ where: { userId: bea.id } })).toBe(1);
    } finally {
      bot.clock.set(asked);
    }
  });
});
