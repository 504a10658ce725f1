import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { botCanSend, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

/** A week of 120 long items: too much for one message, so its assignment goes out in several. */
const denseDocument = (word = "Reading"): string =>
  [
    "Huge Week Path",
    "One very dense week.",
    "Week 1: Everything At Once",
    "Estimated reading time: 30 hours",
    "All of it.",
    ...Array.from(
      { length: 120 },
      (_, index) =>
        `- [ ] Required -- ${word} number ${index + 1}: a deliberately long title about distributed systems and consensus (${10 + (index % 5)} min)`,
    ),
    "",
  ].join("\n");

describe("/cohort announce of a week that needs several messages, failing partway", () => {
  let bot: BotHarness;
  afterEach(async () => bot.close());

  const channelPosts = (channelId = bot.channel.id) =>
    bot.emulator.channelMessages(channelId).filter((message) => message.authorId === bot.emulator.botUserId && !message.ephemeral);
  const channelText = () => channelPosts().map(visibleText).join("\n");

  /**
   * After the first part is in the channel, every send there fails (past discord.js's own retries), or the channel
   * goes, or the bot may no longer post there.
   */
  function failAfterFirstPart(how: "transient" | "deleted" | "no_permission" = "transient"): void {
    const failRest = (message: EmulatorMessage): void => {
      if (message.channelId !== bot.channel.id || message.ephemeral) return;
      bot.emulator.off("message", failRest);
      if (how === "deleted") bot.emulator.deleteChannel(bot.channel.id);
      else if (how === "no_permission") bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
      else bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 503, 4);
    };
    bot.emulator.on("message", failRest);
  }

  /** Fails the announcement after its first part; returns how many messages it has. */
  async function announcePartly(how?: "transient" | "deleted" | "no_permission"): Promise<{ total: number; text: string }> {
    failAfterFirstPart(how);
    const failed = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }));
    expect(failed).toMatch(/^Only 1 of \d+ messages of the week 1 assignment went out in <#\d+>/);
    return { total: Number(/of (\d+) messages/.exec(failed)?.[1]), text: failed };
  }

  async function denseCohort(language?: string): Promise<void> {
    bot = await startBotHarness({ now: new Date("2027-03-01T10:00:00Z") });
    const imported = await bot.test.app.services.curricula.importDocument(denseDocument(), bot.guild.id);
    expect(imported.ok).toBe(true);
    await bot.createCohort({
      name: "Dense",
      start: "2027-03-01",
      curriculum: "huge-week-path",
      ...(language === undefined ? {} : { language }),
    });
  }

  it("tells the admin what was posted, records it, and a retry posts only the missing parts", async () => {
    await denseCohort();
    failAfterFirstPart();
    const failed = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(channelPosts()).toHaveLength(1);
    const failedText = visibleText(failed);
    expect(failedText).toMatch(/^Only 1 of \d+ messages of the week 1 assignment went out in <#\d+>/);
    const total = Number(/of (\d+) messages/.exec(failedText)?.[1]);
    expect(total).toBeGreaterThan(1);
    expect(failedText).toContain("Run the same `/cohort announce` again");

    const audit = await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" });
    expect(visibleText(audit)).toContain(`posted an announcement · week 1's assignment · only 1 of ${total} messages went out`);

    const retried = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(retried)).toBe(
      `Posted the missing ${total - 1} of ${total} messages of the week 1 assignment in <#${bot.channel.id}>: the first was already there.`,
    );
    expect(channelPosts()).toHaveLength(total);
    const text = channelText();
    for (let index = 1; index <= 120; index += 1) expect(text.split(`Reading number ${index}:`)).toHaveLength(2);
    const auditAfter = await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" });
    expect(visibleText(auditAfter)).toContain(
      `posted an announcement · week 1's assignment · the missing ${total - 1} of ${total} messages`,
    );

    // Once complete, announcing again is a new announcement, posted whole.
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(channelPosts()).toHaveLength(2 * total);
  });

  it("completes the week's announcement after a leaderboard was announced in between, without its first message again", async () => {
    await denseCohort();
    const { total } = await announcePartly();
    const leaderboard = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "leaderboard" });
    expect(visibleText(leaderboard)).toMatch(/^Posted the leaderboard/);
    const beforeRetry = channelPosts().length;
    const retried = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(retried)).toMatch(new RegExp(`^Posted the missing ${total - 1} of ${total} messages`));
    expect(channelPosts()).toHaveLength(beforeRetry + total - 1);
    for (let index = 1; index <= 120; index += 1) expect(channelText().split(`Reading number ${index}:`)).toHaveLength(2);
  });

  it("after the channel was deleted, says the retry posts it whole in the new channel, and does", async () => {
    await denseCohort();
    const { total, text } = await announcePartly("deleted");
    expect(text).toContain(
      `the channel no longer exists, and those messages with it. Pick a new channel with \`/cohort edit channel:\`, then run the same \`/cohort announce\` again: it posts all ${total} messages there.`,
    );
    const replacement = bot.emulator.createChannel(bot.guild.id, { name: "replacement" });
    await until(() => bot.test.app.discord.client.channels.cache.has(replacement.id), "the new channel in the bot's cache");
    await bot.run(bot.admin.id, "cohort edit", { cohort: "Dense", channel: replacement.id }, replacement.id).final();
    const retried = await bot.run(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }, replacement.id).final();
    expect(visibleText(retried)).toBe(`Posted the week 1 assignment in <#${replacement.id}> (${total} messages).`);
    const text2 = channelPosts(replacement.id).map(visibleText).join("\n");
    for (let index = 1; index <= 120; index += 1) expect(text2.split(`Reading number ${index}:`)).toHaveLength(2);
  });

  it("after the bot lost its permission there, says to fix it, and the retry then posts only the missing messages", async () => {
    await denseCohort();
    const { total, text } = await announcePartly("no_permission");
    expect(text).toContain(
      `Fix the channel's permissions, then run the same \`/cohort announce\` again: it posts only the ${total - 1} missing messages`,
    );
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
    await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
    await bot.run(bot.admin.id, "cohort edit", { cohort: "Dense", channel: bot.channel.id }, bot.channel.id).final();
    const retried = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(retried)).toMatch(new RegExp(`^Posted the missing ${total - 1} of ${total} messages`));
    expect(channelPosts()).toHaveLength(total);
  });

  it("posts a week re-imported meanwhile whole, in as many messages as before: its old first message is not its first", async () => {
    await denseCohort();
    const { total } = await announcePartly();
    const reimported = await bot.test.app.services.curricula.importDocument(denseDocument("Chapter"), bot.guild.id);
    expect(reimported.ok).toBe(true);
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(channelPosts()).toHaveLength(1 + total);
    for (let index = 1; index <= 120; index += 1) expect(channelText().split(`Chapter number ${index}:`)).toHaveLength(2);
  });

  it("does not post again a message Discord stored while its answer was lost, once Discord has forgotten its nonce", async () => {
    await denseCohort();
    // The first two parts go out, the third fails.
    let seen = 0;
    const failThird = (message: EmulatorMessage): void => {
      if (message.channelId !== bot.channel.id || message.ephemeral || ++seen < 2) return;
      bot.emulator.off("message", failThird);
      bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 503, 4);
    };
    bot.emulator.on("message", failThird);
    const failed = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }));
    const total = Number(/^Only 2 of (\d+) messages/.exec(failed)?.[1]);
    expect(total).toBeGreaterThan(2);
    // As if the second part's answer had been lost: the bot's record has only the first, the channel has both.
    const { prisma } = bot.test.app.database;
    const second = await prisma.announcementPart.updateMany({
      where: { part: 1, status: "sent" },
      data: { status: "attempted", messageId: null, sentAt: null },
    });
    expect(second.count).toBe(1);
    // Past Discord's memory of nonces (minutes), well within the day a retry completes an announcement.
    bot.clock.set(new Date("2027-03-01T11:00:00Z"));
    const retried = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(retried)).toMatch(new RegExp(`^Posted the missing ${total - 2} of ${total} messages`));
    expect(channelPosts()).toHaveLength(total);
    for (let index = 1; index <= 120; index += 1) expect(channelText().split(`Reading number ${index}:`)).toHaveLength(2);
  });

  it("lets one of two admins retrying at once post the missing messages, and tells the other it is being posted", async () => {
    await denseCohort();
    const { total } = await announcePartly();
    const second = bot.emulator.createMember(bot.guild.id, { username: "second-admin", manageGuild: true });
    // The first retry's second message is held on its way: that retry is mid-send when the other admin retries.
    const held = bot.emulator.holdNext(`POST /channels/${bot.channel.id}/messages`);
    const first = bot.run(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    await held.arrived;
    const other = visibleText(await bot.run(second.id, "cohort announce", { cohort: "Dense", kind: "week" }).final());
    expect(other).toBe(
      `The week 1 assignment is being posted in <#${bot.channel.id}> right now by another \`/cohort announce\`, so this one posted nothing. Look at the channel in a minute: if messages are still missing then, run the same \`/cohort announce\` again.`,
    );
    held.release();
    expect(visibleText(await first.final())).toBe(
      `Posted the missing ${total - 1} of ${total} messages of the week 1 assignment in <#${bot.channel.id}>: the first was already there.`,
    );
    expect(channelPosts()).toHaveLength(total);
    for (let index = 1; index <= 120; index += 1) expect(channelText().split(`Reading number ${index}:`)).toHaveLength(2);
    // One line for the attempt that went out in part, one for the retry that completed it: none for the refused one.
    const audit = visibleText(await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" }));
    expect(audit.split("posted an announcement")).toHaveLength(3);
    expect(audit).toContain(`posted an announcement · week 1's assignment · the missing ${total - 1} of ${total} messages`);
    expect(audit).toContain(`posted an announcement · week 1's assignment · only 1 of ${total} messages went out`);
  });

  it("tells a second admin announcing the same week at the same moment that it is being posted, and posts it once", async () => {
    await denseCohort();
    const second = bot.emulator.createMember(bot.guild.id, { username: "second-admin", manageGuild: true });
    const held = bot.emulator.holdNext(`POST /channels/${bot.channel.id}/messages`);
    const first = bot.run(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    await held.arrived;
    const other = visibleText(await bot.run(second.id, "cohort announce", { cohort: "Dense", kind: "week" }).final());
    expect(other).toMatch(/^The week 1 assignment is being posted in <#\d+> right now by another/);
    held.release();
    const posted = visibleText(await first.final());
    const total = Number(/\((\d+) messages\)\.$/.exec(posted)?.[1]);
    expect(posted).toBe(`Posted the week 1 assignment in <#${bot.channel.id}> (${total} messages).`);
    expect(channelPosts()).toHaveLength(total);
    const audit = visibleText(await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" }));
    expect(audit.split("posted an announcement")).toHaveLength(2);
  });

  it("posts a repeated announcement whole when its first message failed, not taking the earlier one's first message for it", async () => {
    await denseCohort();
    const first = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }));
    const total = Number(/\((\d+) messages\)\.$/.exec(first)?.[1]);
    expect(channelPosts()).toHaveLength(total);
    // An hour on: past the half hour of clock skew a message found in the channel is allowed.
    bot.clock.set(new Date("2027-03-01T11:00:00Z"));
    bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 503, 4);
    const failed = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }));
    expect(failed).toBe("Discord didn't accept the post just now. Please try again in a minute.");
    expect(channelPosts()).toHaveLength(total);
    const retried = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }));
    expect(retried).toBe(`Posted the week 1 assignment in <#${bot.channel.id}> (${total} messages).`);
    expect(channelPosts()).toHaveLength(2 * total);
    for (let index = 1; index <= 120; index += 1) expect(channelText().split(`Reading number ${index}:`)).toHaveLength(3);
  });

  it("says an announcement whose every message went out before its attempt stopped was already complete, and records it once", async () => {
    await denseCohort();
    const { prisma } = bot.test.app.database;
    // The claim as the attempt holds it while it sends (its key is cleared once it is done).
    const held = bot.emulator.holdNext(`POST /channels/${bot.channel.id}/messages`);
    const running = bot.run(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    await held.arrived;
    const claimed = await prisma.announcement.findFirstOrThrow();
    held.release();
    const first = visibleText(await running.final());
    const total = Number(/\((\d+) messages\)\.$/.exec(first)?.[1]);
    // As if the process had died after its last message was recorded as sent, before the announcement was marked
    // done and its audit line written.
    await prisma.announcement.update({
      where: { id: claimed.id },
      data: { status: "claimed", sentAt: null, openKey: claimed.openKey, claimedAt: claimed.claimedAt, auditedParts: 0 },
    });
    await prisma.auditEntry.deleteMany({ where: { action: "announce" } });
    bot.clock.set(new Date("2027-03-01T10:05:00Z"));
    const retried = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }));
    expect(retried).toBe(
      `The announcement of the week 1 assignment was already complete in <#${bot.channel.id}>: all ${total} messages were there, so nothing more was posted.`,
    );
    expect(channelPosts()).toHaveLength(total);
    // The line the stopped attempt did not write: the announcement, posted whole.
    const audit = visibleText(await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" }));
    expect(audit.split("posted an announcement")).toHaveLength(2);
    expect(audit).not.toContain("the missing");
    expect(audit).not.toContain("went out");
  });

  it("forgets an announcement's rows a day after it was posted whole, and an unfinished one's once past completing", async () => {
    await denseCohort();
    await announcePartly();
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "leaderboard" });
    const { prisma } = bot.test.app.database;
    const rows = async () => (await prisma.announcement.findMany({ orderBy: { id: "asc" } })).map((row) => row.kind);
    expect(await rows()).toEqual(["week", "leaderboard"]);
    await bot.test.app.scheduler.tick(new Date("2027-03-02T09:00:00Z"));
    expect(await rows()).toEqual(["week", "leaderboard"]);
    await bot.test.app.scheduler.tick(new Date("2027-03-02T10:30:00Z"));
    expect(await rows()).toEqual(["week"]);
    await bot.test.app.scheduler.tick(new Date("2027-03-03T09:30:00Z"));
    expect(await rows()).toEqual(["week"]);
    await bot.test.app.scheduler.tick(new Date("2027-03-03T10:30:00Z"));
    expect(await rows()).toEqual([]);
    expect(await prisma.announcementPart.count()).toBe(0);
  });

  it("completes an announcement an earlier version left unfinished, known only from its audit line, without its first message again", async () => {
    await denseCohort();
    const { prisma } = bot.test.app.database;
    // The same week announced whole once gives its messages' fingerprints, whose digest the earlier lines kept.
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" });
    const fingerprints = (await prisma.announcementPart.findMany({ orderBy: { part: "asc" } })).map((part) => part.fingerprint);
    const total = fingerprints.length;
    const { createHash } = await import("node:crypto");
    const digest = createHash("sha256").update(fingerprints.join(",")).digest("hex").slice(0, 32);
    bot.clock.set(new Date("2027-03-01T11:00:00Z"));
    await announcePartly();
    // As the earlier version left it: no rows, only its audit line (with the request of its nonces and what it sent).
    const unfinished = await prisma.announcement.findFirstOrThrow({ where: { status: "failed" } });
    const sentPart = await prisma.announcementPart.findFirstOrThrow({ where: { announcementId: unfinished.id, status: "sent" } });
    await prisma.announcement.deleteMany();
    const line = await prisma.auditEntry.findFirstOrThrow({ where: { action: "announce" }, orderBy: { id: "desc" } });
    await prisma.auditEntry.update({
      where: { id: line.id },
      data: {
        after: JSON.stringify({
          kind: "week",
          week: 1,
          section: null,
          channelId: bot.channel.id,
          digest,
          parts: total,
          posted: 1,
          alreadyPosted: 0,
          complete: false,
          request: unfinished.requestId,
          sentParts: `0:${sentPart.messageId}`,
        }),
      },
    });
    const before = channelPosts().length;
    expect(await bot.test.app.services.announcements.restoreUnfinished(new Date("2027-03-01T11:05:00Z"))).toBe(1);
    // A second start restores nothing more.
    expect(await bot.test.app.services.announcements.restoreUnfinished(new Date("2027-03-01T11:06:00Z"))).toBe(0);
    const retried = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: "Dense", kind: "week" }));
    expect(retried).toBe(
      `Posted the missing ${total - 1} of ${total} messages of the week 1 assignment in <#${bot.channel.id}>: the first was already there.`,
    );
    expect(channelPosts()).toHaveLength(before + total - 1);
    const audit = visibleText(await bot.reply(bot.admin.id, "cohort audit", { cohort: "Dense" }));
    expect(audit).toContain(`posted an announcement · week 1's assignment · the missing ${total - 1} of ${total} messages`);
  });

  it("says so in Spanish to a Spanish-speaking admin", async () => {
    await denseCohort();
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    failAfterFirstPart();
    const failed = await bot.reply(directora.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(failed)).toMatch(/^Solo se ha publicado 1 de \d+ mensajes \(el plan de la semana 1\) en <#\d+>/);
    const retried = await bot.reply(directora.id, "cohort announce", { cohort: "Dense", kind: "week" });
    expect(visibleText(retried)).toMatch(/^Se han publicado los \d+ mensajes que faltaban de \d+ \(el plan de la semana 1\) en <#\d+>/);
  });
});
