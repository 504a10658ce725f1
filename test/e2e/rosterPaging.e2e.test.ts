import { describe, expect, it } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, useBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Wednesday of week 3 of a cohort that started on Monday 2027-01-04: whoever has read nothing is behind. */
const now = new Date("2027-01-20T12:00:00Z");
const early = new Date("2027-01-05T12:00:00Z");

/** The members a roster page lists, by display name, in the order it lists them. */
function listed(page: EmulatorMessage, names: ReadonlyMap<string, string>): string[] {
  return (visibleText(page).match(/<@\d+>/g) ?? []).map((mention) => names.get(mention) ?? mention);
}

function pageButton(page: EmulatorMessage, label: string): string {
  const button = buttonsOf(page).find((candidate) => candidate.label === label);
  if (button === undefined) throw new Error(`no ${label} button`);
  return button.customId;
}

/** Clicks a roster page's button as the admin, and checks whom the page it turns to lists and its "Page n of m". */
async function expectTurn(
  bot: BotHarness,
  from: EmulatorMessage,
  label: string,
  names: ReadonlyMap<string, string>,
  expected: { readonly members: readonly string[]; readonly pageLine: string },
): Promise<EmulatorMessage> {
  const page = await bot.click(bot.admin.id, from.id, pageButton(from, label)).final();
  expect(listed(page, names)).toEqual(expected.members);
  expect(visibleText(page)).toContain(expected.pageLine);
  return page;
}

describe("/cohort roster pages while members join, leave and catch up between clicks", () => {
  const harness = useBotHarness({ now });

  /** 25 members, all equally behind (nothing read): the roster lists them by name, 20 on the first page. */
  async function rosterOf25(bot: BotHarness, name: string): Promise<{ cohort: Cohort; names: Map<string, string> }> {
    const cohort = await bot.createCohort({ name, start: "2027-01-04" });
    const names = new Map<string, string>();
    for (let index = 1; index <= 25; index += 1) {
      const display = `M${String(index).padStart(2, "0")}`;
      const user = bot.member(`${name}-${display}`);
      names.set(`<@${user.id}>`, display);
      await bot.join(user, cohort, { name: display, at: early });
    }
    return { cohort, names };
  }

  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, index) => `M${String(from + index).padStart(2, "0")}`);

  it("skips nobody on the next page when a member of the page shown leaves before the click", async () => {
    const { bot } = harness;
    const { cohort, names } = await rosterOf25(bot, "Leaving");
    const first = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
    expect(listed(first, names)).toEqual(range(1, 20));
    const leaver = [...names].find(([, display]) => display === "M05")?.[0].slice(2, -1) ?? "";
    await bot.test.app.services.cohorts.leave(bot.guild.id, leaver, String(cohort.id), now);

    await expectTurn(bot, first, "Next ▶", names, { members: range(21, 25), pageLine: "Page 2 of 2" });
  });

  it("shows the last members there are when everyone after the page shown left before the click", async () => {
    const { bot } = harness;
    const { cohort, names } = await rosterOf25(bot, "Emptied");
    const first = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
    for (const [mention, display] of names)
      if (display > "M20") await bot.test.app.services.cohorts.leave(bot.guild.id, mention.slice(2, -1), String(cohort.id), now);

    await expectTurn(bot, first, "Next ▶", names, { members: range(1, 20), pageLine: "Page 1 of 1" });
  });

  it("repeats nobody on the next page when a member who sorts first joins before the click, and ◀ goes back to the members before", async () => {
    const { bot } = harness;
    const { cohort, names } = await rosterOf25(bot, "Joining");
    const first = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id), filter: "behind" });
    expect(listed(first, names)).toEqual(range(1, 20));
    const newcomer = bot.member("Joining-M00");
    names.set(`<@${newcomer.id}>`, "M00");
    await bot.join(newcomer, cohort, { name: "M00", at: early });

    // 21 members now come before M21: two pages of them, the one before holding the 20 just before it.
    const second = await expectTurn(bot, first, "Next ▶", names, { members: range(21, 25), pageLine: "Page 3 of 3" });
    const back = await expectTurn(bot, second, "◀ Previous", names, { members: range(1, 20), pageLine: "Page 2 of 3" });
    // One member before the page now: ◀ shows the first page whole, not that member alone.
    await expectTurn(bot, back, "◀ Previous", names, { members: ["M00", ...range(1, 19)], pageLine: "Page 1 of 2" });
  });

  it("lists the next members after the page shown when some of it catch up and leave the filter before the click", async () => {
    const { bot } = harness;
    const { cohort, names } = await rosterOf25(bot, "Catching");
    const first = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id), filter: "behind" });
    expect(listed(first, names)).toEqual(range(1, 20));
    // M02 and M03 read every Required item: finished, so no longer listed by `filter:behind`.
    const required = await bot.test.app.database.prisma.item.findMany({
      where: { curriculumId: cohort.curriculumId, kind: "Required", retired: false },
      select: { id: true },
    });
    for (const display of ["M02", "M03"]) {
      const userId = [...names].find(([, shown]) => shown === display)?.[0].slice(2, -1) ?? "";
      for (const item of required)
        await bot.test.app.services.study.complete({ guildId: bot.guild.id, userId, cohort: null, item: String(item.id), now });
    }

    const second = await bot.click(bot.admin.id, first.id, pageButton(first, "Next ▶")).final();
    expect(listed(second, names)).toEqual(range(21, 25));
  });

  it("skips and repeats no one across a page boundary between names that differ in accents and case", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Accents", start: "2027-01-04" });
    const names = new Map<string, string>();
    // Neither database sorts these as a dictionary would; the 20th and 21st rows fall among them on both.
    const displays = ["Eve", ...Array.from({ length: 18 }, (_, index) => `N${String(index + 1).padStart(2, "0")}`), "Émile", "émile"];
    for (const display of displays) {
      const user = bot.member(`Accents-${display}`);
      names.set(`<@${user.id}>`, display);
      await bot.join(user, cohort, { name: display, at: early });
    }
    const first = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
    const second = await bot.click(bot.admin.id, first.id, pageButton(first, "Next ▶")).final();
    const shown = [...listed(first, names), ...listed(second, names)];
    expect([...shown].sort()).toEqual([...displays].sort());
    expect(listed(first, names)).toHaveLength(20);
    const back = await bot.click(bot.admin.id, second.id, pageButton(second, "◀ Previous")).final();
    expect(listed(back, names)).toEqual(listed(first, names));
  });
});
