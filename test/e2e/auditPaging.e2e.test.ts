import { ButtonStyle, ComponentType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Wednesday of week 3 of a cohort that started on Monday 2027-01-04. */
const now = new Date("2027-01-20T12:00:00Z");

interface PageButton {
  readonly label: string;
  readonly customId: string;
  readonly disabled: boolean;
}

function pageButtons(message: EmulatorMessage): PageButton[] {
  const rows = message.components as { components?: { type: number; label?: string; custom_id?: string; disabled?: boolean }[] }[];
  return rows.flatMap((row) =>
    (row.components ?? []).flatMap((component) =>
      component.type === 2 && component.custom_id !== undefined
        ? [{ label: component.label ?? "", customId: component.custom_id, disabled: component.disabled === true }]
        : [],
    ),
  );
}

/** The credited items a page names ("Item 07" …), top to bottom. */
function itemsOn(message: EmulatorMessage): string[] {
  return [...visibleText(message).matchAll(/Item (\d+)/g)].map((match) => `Item ${match[1] ?? ""}`);
}

const item = (index: number) => `Item ${String(index).padStart(2, "0")}`;

describe("/cohort audit pages with ◀ Newer / Older ▶", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now });
  });

  afterAll(async () => {
    await bot.close();
  });

  /** `count` credit lines on the cohort, two to each instant (so the paging must order lines of one instant too). */
  async function creditLines(cohort: Cohort, count: number, title: (index: number) => string, from = 1): Promise<void> {
    for (let index = from; index < from + count; index += 1)
      await bot.test.app.database.prisma.auditEntry.create({
        data: {
          guildId: bot.guild.id,
          cohortId: cohort.id,
          actorId: bot.admin.id,
          action: "credit",
          subjectUserId: null,
          before: null,
          after: JSON.stringify({ item: title(index), points: 24 }),
          createdAt: new Date(now.getTime() + Math.floor(index / 2) * 60_000),
        },
      });
  }

  async function click(message: EmulatorMessage, label: string): Promise<EmulatorMessage> {
    const button = pageButtons(message).find((candidate) => candidate.label === label);
    expect(button?.disabled).toBe(false);
    return bot.click(bot.admin.id, message.id, button?.customId ?? "").final();
  }

  const disabled = (message: EmulatorMessage, label: string) => pageButtons(message).find((button) => button.label === label)?.disabled;

  it("reaches every line once, newest first, 25 to a page, and pages back to lines written meanwhile", async () => {
    const cohort = await bot.createCohort({ name: "Audit Paging" });
    await creditLines(cohort, 60, item);
    const audit = { cohort: String(cohort.id) };

    const first = await bot.reply(bot.admin.id, "cohort audit", audit);
    expect(first.ephemeral).toBe(true);
    const descending = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, offset) => item(from - offset));
    expect(itemsOn(first)).toEqual(descending(60, 36));
    expect(disabled(first, "◀ Newer")).toBe(true);
    expect(disabled(first, "Older ▶")).toBe(false);

    const second = await click(first, "Older ▶");
    expect(second.id).toBe(first.id);
    expect(itemsOn(second)).toEqual(descending(35, 11));
    const third = await click(second, "Older ▶");
    expect(itemsOn(third)).toEqual(descending(10, 1));
    expect(visibleText(third)).toContain("created the cohort");
    expect(disabled(third, "Older ▶")).toBe(true);
    expect(disabled(third, "◀ Newer")).toBe(false);

    // A line written while the admin pages back does not shift the pages: it waits at the newest end.
    await creditLines(cohort, 1, item, 61);
    const back = await click(third, "◀ Newer");
    expect(itemsOn(back)).toEqual(descending(35, 11));
    const top = await click(back, "◀ Newer");
    expect(itemsOn(top)).toEqual(descending(60, 36));
    expect(disabled(top, "◀ Newer")).toBe(false);
    const newest = await click(top, "◀ Newer");
    expect(itemsOn(newest)).toEqual([item(61)]);
    expect(disabled(newest, "◀ Newer")).toBe(true);
    expect(disabled(newest, "Older ▶")).toBe(false);
  });

  it("keeps a page within Discord's limits by leaving long lines to the next page, never cutting one", async () => {
    const cohort = await bot.createCohort({ name: "Audit Long Lines" });
    const long = (index: number) => `${item(index)} ${"Distributed Systems Reading ".repeat(9).trim()}`;
    await creditLines(cohort, 40, long);
    const seen: string[] = [];
    let page = await bot.reply(bot.admin.id, "cohort audit", { cohort: String(cohort.id) });
    const pages: EmulatorMessage[] = [];
    for (;;) {
      pages.push(page);
      seen.push(...itemsOn(page));
      if (disabled(page, "Older ▶") !== false) break;
      page = await click(page, "Older ▶");
    }
    for (const shown of pages) {
      const [embed] = shown.embeds;
      expect((embed?.description ?? "").length).toBeLessThanOrEqual(4096);
      expect((embed?.title ?? "").length + (embed?.description ?? "").length).toBeLessThanOrEqual(6000);
      // Every line shown whole: its full title, never "…".
      expect(embed?.description).not.toContain("…");
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, offset) => item(40 - offset)));
    expect(visibleText(page)).toContain("created the cohort");

    // And back up: every line again, each once.
    const again: string[] = [...itemsOn(page)];
    while (disabled(page, "◀ Newer") === false) {
      page = await click(page, "◀ Newer");
      again.unshift(...itemsOn(page));
    }
    expect(again).toEqual(seen);
  });

  it("lets only the admin who asked page, and speaks the admin's language", async () => {
    const cohort = await bot.createCohort({ name: "Audit Others" });
    await creditLines(cohort, 30, item);
    const first = await bot.reply(bot.admin.id, "cohort audit", { cohort: String(cohort.id) });
    const older = pageButtons(first).find((button) => button.label === "Older ▶");
    // The reply is private: another admin cannot even see it to click.
    const otherAdmin = bot.member("second-admin", { manageGuild: true });
    expect(() => bot.click(otherAdmin.id, first.id, older?.customId ?? "")).toThrow(/ephemeral/);
    // The asker who lost Manage Server since cannot page any more.
    bot.emulator.setMemberManageGuild(bot.guild.id, bot.admin.id, false);
    const refused = await bot.click(bot.admin.id, first.id, older?.customId ?? "").final();
    expect(visibleText(refused)).toContain("Manage Server");
    bot.emulator.setMemberManageGuild(bot.guild.id, bot.admin.id, true);
    // 30 lines and the cohort's creation: the older page holds the last five and the creation.
    expect(itemsOn(await bot.click(bot.admin.id, first.id, older?.customId ?? "").final())).toEqual(
      [5, 4, 3, 2, 1].map((index) => item(index)),
    );

    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora-audit", locale: "es-ES", manageGuild: true });
    const spanish = await bot.reply(directora.id, "cohort audit", { cohort: String(cohort.id) });
    expect(pageButtons(spanish).map((button) => button.label)).toEqual(["◀ Más recientes", "Más antiguas ▶"]);
    const next = await bot.click(directora.id, spanish.id, pageButtons(spanish)[1]?.customId ?? "").final();
    expect(visibleText(next)).toContain("creó la cohorte");
  });

  /** One line of `action` on the cohort, `minutes` after `now`. */
  async function line(cohort: Cohort, action: string, title: string, minutes: number): Promise<number> {
    const row = await bot.test.app.database.prisma.auditEntry.create({
      data: {
        guildId: cohort.guildId,
        cohortId: cohort.id,
        actorId: bot.admin.id,
        action,
        subjectUserId: null,
        before: null,
        after: JSON.stringify({ item: title, points: 24 }),
        createdAt: new Date(now.getTime() + minutes * 60_000),
      },
    });
    return row.id;
  }

  it("fills every page with lines it can show, however many lines of unknown actions lie between them", async () => {
    const cohort = await bot.createCohort({ name: "Audit Unknown Actions" });
    // Oldest first: items 1-10, 30 lines of an action this version does not know, items 11-40, 30 more unknown ones.
    for (let index = 1; index <= 10; index += 1) await line(cohort, "credit", item(index), 100 + index);
    for (let index = 0; index < 30; index += 1) await line(cohort, "retired_action", "Retired", 200);
    for (let index = 11; index <= 40; index += 1) await line(cohort, "credit", item(index), 300 + index);
    for (let index = 0; index < 30; index += 1) await line(cohort, "retired_action", "Retired", 400);
    const descending = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, offset) => item(from - offset));

    const first = await bot.reply(bot.admin.id, "cohort audit", { cohort: String(cohort.id) });
    expect(itemsOn(first)).toEqual(descending(40, 16));
    expect(disabled(first, "◀ Newer")).toBe(true);
    const second = await click(first, "Older ▶");
    expect(itemsOn(second)).toEqual(descending(15, 1));
    expect(visibleText(second)).toContain("created the cohort");
    expect(disabled(second, "Older ▶")).toBe(true);
    const back = await click(second, "◀ Newer");
    expect(itemsOn(back)).toEqual(descending(40, 16));
    expect(disabled(back, "◀ Newer")).toBe(true);
  });

  it("answers crafted buttons naming another server's cohort or line, or another cohort's line, as out of date, changing nothing", async () => {
    const cohort = await bot.createCohort({ name: "Audit Crafted" });
    const sibling = await bot.createCohort({ name: "Audit Crafted Sibling" });
    const ownLine = await line(cohort, "credit", item(1), 1);
    const siblingLine = await line(sibling, "credit", item(2), 1);

    const otherGuild = bot.emulator.createGuild({ name: "Audit Other Server" });
    const otherChannel = bot.emulator.createChannel(otherGuild.id, { name: "study" });
    const client = bot.test.app.discord.client;
    // Until the bot has the channel (the test's timeout bounds the wait, not a count of attempts).
    while (!client.guilds.cache.get(otherGuild.id)?.channels.cache.has(otherChannel.id))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const foreign = await bot.test.app.services.cohorts.create({
      guildId: otherGuild.id,
      actorId: "1",
      name: "Audit Foreign",
      curriculum: "backend-engineer-learning-path",
      channelId: otherChannel.id,
      start: "2027-01-04",
    });
    const foreignLine = await line(foreign, "credit", item(3), 1);

    const customIds = [
      `audit:${foreign.id}:older:${foreignLine}`,
      `audit:${cohort.id}:older:${foreignLine}`,
      `audit:${cohort.id}:newer:${siblingLine}`,
      `audit:${sibling.id}:older:${ownLine}`,
    ];
    const channel = await client.channels.fetch(bot.channel.id);
    if (channel === null || !channel.isSendable()) throw new Error("channel not sendable");
    const post = await channel.send({
      content: "crafted audit page",
      components: customIds.map((customId) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: customId, custom_id: customId }],
      })),
    });
    const original = () => bot.emulator.channelMessages(bot.channel.id).find((message) => message.id === post.id);
    const before = original();
    for (const customId of customIds) {
      const answer = await bot.click(bot.admin.id, post.id, customId).final();
      expect(answer.ephemeral).toBe(true);
      expect(visibleText(answer)).toContain("This button is out of date");
      expect(visibleText(answer)).not.toContain("Audit Foreign");
    }
    expect(original()).toEqual(before);
  });
});
