import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { createCurriculumRow, createSectionRows, type ItemRow } from "../helpers/curriculumRows.js";

/** Four one-week phases, each a choice of eight tracks and a "For all" topic, then a two-week project. */
function manyTracksPath(): string {
  const lines = ["# Many Tracks Path", "", "A path whose phases each offer eight tracks to choose from.", "", "## Learning Path", ""];
  for (const [index, letter] of ["A", "B", "C", "D"].entries()) {
    const week = index + 1;
    lines.push(`### Phase ${week}: ${letter} Basics (Week ${week})`, `**Objective:** Learn ${letter}`, "", "**Choose one path:**");
    for (let track = 1; track <= 8; track += 1) lines.push(`- **${letter}${track} Path:** topic ${track}`);
    lines.push("", `**For all:** ${letter} wrap-up`, "");
  }
  lines.push(
    "### Phase 5: Project (Weeks 5-6)",
    "**Objective:** Build it",
    "",
    "- Project planning",
    "- Project build",
    "- Project review",
    "",
  );
  return lines.join("\n");
}

/** A choice of a 60-minute track and a 20-minute one. */
const longAndShortTracks: readonly ItemRow[] = [
  { kind: "Optional", minutes: 60, groupName: "Choose one", track: "Long Track" },
  { kind: "Optional", minutes: 20, groupName: "Choose one", track: "Short Track" },
];

/**
 * A bot on Friday 2027-01-01 with a one-week curriculum `slug`: a 30-minute Required item ("Item 0", Monday's),
 * then a choice of `tracks` (Wednesday's); and a cohort `cohort` from Monday 2027-01-04 that each of `usernames` joined.
 */
async function trackChoiceWorld<const Names extends readonly string[]>(
  slug: string,
  cohort: string,
  tracks: readonly ItemRow[],
  usernames: Names,
): Promise<{ bot: BotHarness; members: { readonly [Index in keyof Names]: { readonly id: string } } }> {
  const bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
  const { prisma } = bot.test.app.database;
  const curriculum = await createCurriculumRow(prisma, slug, 1);
  await createSectionRows(prisma, curriculum.id, { key: "s1", position: 0, title: "Basics", weekStart: 1, weekEnd: 1 }, [
    { kind: "Required", minutes: 30 },
    ...tracks,
  ]);
  await bot.createCohort({ name: cohort, curriculum: slug, start: "2027-01-04" });
  const members = usernames.map((username) => bot.member(username));
  for (const member of members) await bot.reply(member.id, "join", { cohort });
  // One member per name, in order: map keeps the tuple's length, which its type does not say.
  return { bot, members: members as { readonly [Index in keyof Names]: { readonly id: string } } };
}

describe("/today's Done buttons with choices of eight tracks", () => {
  let bot: BotHarness;
  let text = "";
  let labels: string[] = [];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    const imported = await bot.test.app.services.curricula.importDocument(manyTracksPath(), "");
    if (!imported.ok) throw new Error(`the fixture does not import: ${JSON.stringify(imported.problems)}`);
    await bot.createCohort({ name: "Tracks 2027", curriculum: imported.summary.curriculum.slug, start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Tracks 2027" });
    // Monday of week 5, nothing logged: four weeks of choices are overdue.
    bot.clock.set(new Date("2027-02-01T12:00:00Z"));
    const today = await bot.reply(ada.id, "today");
    text = visibleText(today);
    labels = buttonsOf(today).map((button) => button.label);
  });
  afterAll(async () => bot.close());

  it("never offers more than 25, and offers every track of each choice it lists, for no choice it does not list", () => {
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThanOrEqual(25);
    for (const letter of ["A", "B", "C", "D"]) {
      const tracks = Array.from({ length: 8 }, (_, index) => `Done: ${letter}${index + 1} Path`);
      const listed = text.includes(`Choose one: ${letter}1 Path / ${letter}2 Path`);
      const offered = tracks.filter((label) => labels.includes(label));
      expect(offered, `phase ${letter}: listed ${listed}, buttons ${JSON.stringify(labels)}`).toEqual(listed ? tracks : []);
    }
  });

  it("counts what it does not list in the overdue line's '…and N more'", () => {
    // Four choices and four "For all" topics are overdue; the choices listed say which.
    const listedChoices = ["A", "B", "C", "D"].filter((letter) => text.includes(`Choose one: ${letter}1 Path`)).length;
    const listedTopics = ["A", "B", "C", "D"].filter((letter) => text.includes(`${letter} wrap-up`)).length;
    expect(text).toContain(`…and ${8 - listedChoices - listedTopics} more`);
  });
});

describe("a choice of a 60-minute track and a 20-minute one, each member on their own", () => {
  let bot: BotHarness;
  const today: string[] = [];
  let caughtUp = "";
  const progress: string[] = [];

  beforeAll(async () => {
    const world = await trackChoiceWorld("timed-tracks", "Timed 2027", longAndShortTracks, ["ada", "bea", "cy"]);
    bot = world.bot;
    const [ada, bea, cy] = world.members;
    // Wednesday, the choice's day: Bea's /today before and after she reads the short track.
    bot.clock.set(new Date("2027-01-06T12:00:00Z"));
    today.push(visibleText(await bot.reply(bea.id, "today")));
    await bot.reply(bea.id, "done", { item: "Short Track" });
    today.push(visibleText(await bot.reply(bea.id, "today")));
    // Thursday: Cy, who read nothing, catches up.
    bot.clock.set(new Date("2027-01-07T12:00:00Z"));
    caughtUp = visibleText(await bot.reply(cy.id, "pace", { mode: "catch_up" }));
    // Friday: Ada's /progress before choosing, after the short track, then after Monday's item.
    bot.clock.set(new Date("2027-01-08T12:00:00Z"));
    progress.push(visibleText(await bot.reply(ada.id, "progress")));
    await bot.reply(ada.id, "done", { item: "Short Track" });
    progress.push(visibleText(await bot.reply(ada.id, "progress")));
    await bot.reply(ada.id, "done", { item: "Item 0" });
    progress.push(visibleText(await bot.reply(ada.id, "progress")));
  });
  afterAll(async () => bot.close());

  describe("/progress's reading time", () => {
    it("credits the track the member read, and counts the choice at it once done", () => {
      const readingTime = progress.map((text) => /Reading time: .*/.exec(text)?.[0]);
      expect(readingTime).toEqual([
        // Before choosing, the choice counts as its longest track.
        "Reading time: **0 min** of 1 h 30 min",
        "Reading time: **20 min** of 50 min",
        "Reading time: **50 min** of 50 min",
      ]);
    });
  });

  describe("/today's minutes", () => {
    it("counts an open choice at its longest track, as /progress and /pace do", () => {
      expect(today[0]).toContain("1 h left of 1 h");
      expect(today[0]).toContain("⬜ **Choose one: Long Track / Short Track** · Required · 1 h");
    });

    it("counts a done choice at the track the member read, as /progress does", () => {
      expect(today[1]).toContain("0 min left of 20 min");
      expect(today[1]).toContain("✅ **Choose one: Long Track / Short Track** · Required · 20 min");
    });
  });

  describe("/pace catch_up with the choice overdue", () => {
    it("spreads the choice as one item of its longest track, however many tracks it has", () => {
      expect(caughtUp).toContain("Spread **2 items** (1 h 30 min)");
    });
  });
});

describe("/pace, /week and /today with a choice read ahead", () => {
  let bot: BotHarness;
  let pace = "";
  let week = "";
  let unestimatedToday = "";

  beforeAll(async () => {
    // The long and the short track, and one without an estimate.
    const tracks = [...longAndShortTracks, { kind: "Optional", minutes: null, groupName: "Choose one", track: "Open Track" }];
    const world = await trackChoiceWorld("ahead-tracks", "Ahead 2027", tracks, ["ada", "bob"]);
    bot = world.bot;
    const [ada, bob] = world.members;
    // Monday: Ada reads the short track, two days before the choice is due.
    bot.clock.set(new Date("2027-01-04T12:00:00Z"));
    await bot.reply(ada.id, "done", { item: "Short Track" });
    pace = visibleText(await bot.reply(ada.id, "pace"));
    week = visibleText(await bot.reply(ada.id, "week"));
    // Wednesday: Bob reads the track without an estimate.
    bot.clock.set(new Date("2027-01-06T12:00:00Z"));
    await bot.reply(bob.id, "done", { item: "Open Track" });
    unestimatedToday = visibleText(await bot.reply(bob.id, "today"));
  });
  afterAll(async () => bot.close());

  it("/pace counts the choice done ahead as the track read, as /today and /progress do", () => {
    expect(pace).toContain("Ahead of the cohort's plan: **1 Required item** (20 min)");
  });

  it("/week shows the done choice with the track read's minutes", () => {
    expect(week).toContain("✅ Choose one: Long Track / Short Track / Open Track · Required · 20 min");
  });

  it("/today shows a choice done by a track without an estimate without minutes", () => {
    expect(unestimatedToday).toContain("✅ **Choose one: Long Track / Short Track / Open Track** · Required");
    expect(unestimatedToday).not.toContain("Open Track** · Required · 0 min");
  });
});
