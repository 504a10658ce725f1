import { describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, tickAt, useBotHarness, visibleText } from "../helpers/botHarness.js";
import { liveMarkup } from "../helpers/hostileText.js";

/** Everything Discord renders as Markdown: content, titles, descriptions, fields (footers and labels are plain text). */
function markdownText(message: EmulatorMessage): string {
  const parts = [message.content];
  for (const embed of message.embeds) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.author?.name ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join("\n");
}

/** Display names as Discord allows them (at most 32 characters), and a cohort name an admin could type (80). */
const hostileNames = ["[Free Nitro](https://evil.example)", "<@111111111111111111> @here", "**bold** ||spoiler||", "# Heading"];
const hostileCohort = "<t:1:R> @everyone [x](https://evil.example) <@&222222222222222222>";

/**
 * hostileText.e2e.test.ts covers the member commands and the weekly post; here the other places a name shows:
 * the facilitators' roster and its Nudge DM, reminder DMs, the live board as it is edited, the checkpoint
 * prompt and the closing post, in an English and a Spanish cohort, read from English and Spanish Discords.
 */
describe("hostile member and cohort names in the roster, DMs, the live board, checkpoints and the closing post", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("never formats, links, pings or embeds a timestamp through a name, in either language", async () => {
    const { bot } = harness;
    await bot.createCohort({ name: hostileCohort });
    await bot.createCohort({ name: `${hostileCohort} es`, language: "es" });
    const members = hostileNames.map((displayName, index) =>
      bot.emulator.createMember(bot.guild.id, { username: `hostile${index}`, displayName, locale: index % 2 === 0 ? "en-US" : "es-ES" }),
    );
    const seen: EmulatorMessage[] = [];
    const keep = async (message: Promise<EmulatorMessage>) => seen.push(await message);
    for (const [index, member] of members.entries()) {
      const cohort = index % 2 === 0 ? hostileCohort : `${hostileCohort} es`;
      await keep(bot.reply(member.id, "join", { cohort }));
      await keep(bot.reply(member.id, "remind", { cohort, time: "18:00" }));
      // Half of them read (they lead the board), the others fall behind (the roster offers to nudge them).
      if (index < 2) await keep(bot.reply(member.id, "done", { cohort, item: "Storage Engines" }));
    }
    // A reminder evening, the weekly post with its board, then a completion the live board shows a minute later.
    await tickAt(bot, "2027-01-05T18:00:30Z");
    await tickAt(bot, "2027-01-11T09:00:30Z");
    await keep(bot.reply(members[0]?.id ?? "", "done", { cohort: hostileCohort, item: "Replication" }));
    await tickAt(bot, "2027-01-11T09:05:00Z");
    // Friday of week 2: the prompt of the checkpoint due that week.
    await tickAt(bot, "2027-01-15T17:00:30Z");
    // The roster in the admin's Spanish and English, and a Nudge to a member behind.
    bot.clock.set(new Date("2027-01-20T12:00:00Z"));
    for (const cohort of [hostileCohort, `${hostileCohort} es`]) {
      const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort });
      seen.push(roster);
      const nudge = buttonsOf(roster).find((button) => button.label.startsWith("Nudge"));
      if (nudge !== undefined) seen.push(await bot.click(bot.admin.id, roster.id, nudge.customId).final());
    }
    // The course to its end: the closing post.
    for (const cohort of [hostileCohort, `${hostileCohort} es`]) await keep(bot.reply(bot.admin.id, "cohort end", { cohort }));
    await tickAt(bot, "2027-01-20T12:01:00Z");

    const channel = bot.emulator.channelMessages(bot.channel.id, { includeEphemeral: true });
    const dms = members.flatMap((member) => bot.emulator.dmMessages(member.id));
    // Each message once: the ephemeral replies kept here are in the channel's list too.
    const all = [...new Map([...channel, ...dms, ...seen].map((message) => [message.id, message])).values()];
    // Each place was reached, in each language: reminder and Nudge DMs, the live board naming a reader, the roster, the closing posts.
    const titles = all.map((message) => message.embeds[0]?.title ?? "");
    for (const title of ["⏰ Reading reminder · ", "⏰ Recordatorio de estudio · ", "A hello from ", "Un saludo de ", "Roster · "])
      expect(
        titles.filter((shown) => shown.startsWith(title)),
        title,
      ).toHaveLength(title.startsWith("Roster") ? 2 : 1);
    // The checkpoint prompts, in each language, name the cohort in their footer: plain text there, so shown as typed.
    for (const [title, cohort] of [
      ["✅ Checkpoint · ", hostileCohort],
      ["✅ Punto de control · ", `${hostileCohort} es`],
    ] as const) {
      const prompts = all.filter((message) => message.embeds[0]?.title?.startsWith(title) === true);
      expect(prompts.length, title).toBeGreaterThan(0);
      for (const prompt of prompts) expect(prompt.embeds.at(-1)?.footer?.text.slice(0, cohort.length + 3), title).toBe(`${cohort} · `);
    }
    const texts = all.map(visibleText);
    expect(texts.some((text) => text.startsWith("🏆 Week 2 leaderboard · live") && text.includes("🥇 **\\[Free Nitro\\]"))).toBe(true);
    expect(texts.filter((text) => /Thank you to everyone who read along|¡Gracias a todos/.test(text))).toHaveLength(2);
    for (const message of all) {
      expect(liveMarkup(markdownText(message)), markdownText(message).slice(0, 300)).toEqual([]);
      expect(visibleText(message)).not.toMatch(/^#+ /m);
      expect(message.mentions).toEqual({ everyone: false, userIds: [], roleIds: [] });
    }
  }, 120_000);
});
