import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CurriculumRepository } from "../../src/db/repositories/CurriculumRepository.js";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Titles longer than a choice may be, repeated in two sections; two titles cut alike in one section; a title in two groups. */
const longTitle = "A very long reading title that goes on and on about distributed systems and consensus protocols in practice";
const cutAlike = "Same Title, long enough that a choice name of at most one hundred characters cuts it before its end";
const repeatsPath = [
  "Repeats Path",
  "Week 1-2: Basics",
  `- [ ] Required -- ${longTitle} (20 min)`,
  `- [ ] Required -- ${cutAlike}: one (20 min)`,
  `- [ ] Required -- ${cutAlike}: two (25 min)`,
  "Reading:",
  "- [ ] Required -- Grouped (20 min)",
  "Practice:",
  "- [ ] Required -- Grouped (20 min)",
  "Week 2-3: More",
  `- [ ] Required -- ${longTitle} (20 min)`,
  "- [ ] Required -- Other (20 min)",
  "",
].join("\n");

describe("the item option's autocomplete, through discord.js and the emulator", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "repeats.md", content: repeatsPath } });
    await bot.createCohort({ name: "Repeats", curriculum: "repeats-path", start: "2027-01-04" });
    await bot.createCohort({ name: "Late", start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  /** The completion logged last, with its item and section: which item a typed value picked. */
  const lastLogged = async () =>
    bot.test.app.database.prisma.completion.findFirstOrThrow({
      orderBy: { id: "desc" },
      include: { item: { include: { section: true } } },
    });

  it("tells items with the same title apart, and keeps a long title's weeks in its 100 characters", async () => {
    const ada = bot.member("ada-repeats");
    await bot.reply(ada.id, "join", { cohort: "Repeats" });
    const choices = await bot.autocomplete(ada.id, "done", "item", { cohort: "Repeats", item: "" });
    const names = choices.map((choice) => choice.name);
    expect(names).toHaveLength(7);
    expect(new Set(names).size).toBe(7);
    // Discord counts a choice's name in code points.
    for (const name of names) expect(Array.from(name).length).toBeLessThanOrEqual(100);
    const long = names.filter((name) => name.startsWith("A very long reading title"));
    expect(long.map((name) => name.replace(/^.*…/, ""))).toEqual([" · Weeks 1-2", " · Weeks 2-3"]);
    expect(names.filter((name) => name.startsWith("Grouped"))).toEqual(["Grouped · Weeks 1-2 · Reading", "Grouped · Weeks 1-2 · Practice"]);
    // Same section, same group, cut alike: the member's own due days tell them apart.
    expect(names.filter((name) => name.startsWith("Same Title"))).toEqual([
      expect.stringMatching(/^Same Title, long.*… · Weeks 1-2 · Wed, 6 Jan 2027$/),
      expect.stringMatching(/^Same Title, long.*… · Weeks 1-2 · Fri, 8 Jan 2027$/),
    ]);
  });

  it("answers a typed title several items share with lines that differ, and the title with one line's details picks it", async () => {
    const bo = bot.member("bo-typed");
    bot.clock.set(new Date("2027-01-06T10:00:00Z"));
    await bot.reply(bo.id, "join", { cohort: "Repeats" });
    const done = async (item: string) => visibleText(await bot.reply(bo.id, "done", { cohort: "Repeats", item }));

    const grouped = await done("grouped");
    expect(grouped).toContain(
      "Several items match: **Grouped** (Weeks 1-2 · Basics · Reading); **Grouped** (Weeks 1-2 · Basics · Practice).",
    );
    expect(await done("Grouped (Weeks 1-2 · Basics · Practice)")).toContain("Done!");
    expect(await done("grouped · practice")).toContain("You had already marked **Grouped** as done");
    expect(await done("Grouped (Reading)")).toContain("Done!");

    expect(await done(longTitle)).toContain("(Weeks 1-2 · Basics); ");
    expect(await done(`${longTitle} (Weeks 2-3)`)).toContain("Done!");
    expect(await done(`${longTitle} (week 2 · More)`)).toContain("already marked");
  });

  it("picks exactly its item for every line of a 'several items match' reply typed back, whatever the names hold", async () => {
    const item = (title: string) => `- [ ] Required -- ${title} (10 min)`;
    const path = [
      "Typed Back Path",
      "Week 1: One",
      item("Drill"),
      item("Intro (part 1)"),
      "Practice:",
      item("Drill"),
      "Week 1-2: Review",
      item("Quiz"),
      item("Intro (part 1)"),
      "Week 2: Review",
      item("Quiz"),
      "Week 3: Databases (SQL)",
      item("Joins"),
      "Week 3: Storage, Indexing",
      item("Joins"),
      "Labs (B), extra:",
      item("Joins"),
      "",
    ];
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "typed-back.md", content: path.join("\n") } });
    await bot.createCohort({ name: "Typed Back", curriculum: "typed-back-path", start: "2027-01-04" });
    const ed = bot.member("ed-typed");
    await bot.reply(ed.id, "join", { cohort: "Typed Back" });
    const done = async (value: string) => visibleText(await bot.reply(ed.id, "done", { cohort: "Typed Back", item: value }));
    const picked: string[] = [];
    const loggedIds = new Set<number>();
    for (const [title, count] of [
      ["Drill", 2],
      ["Quiz", 2],
      ["Joins", 3],
      ["Intro (part 1)", 2],
    ] as const) {
      const reply = await done(title);
      const lines = (/Several items match: (.*)\. Pick one/.exec(reply)?.[1] ?? "").split("; ").map((line) => line.replaceAll("**", ""));
      expect(lines).toHaveLength(count);
      // Each line typed back logs a new item: none is ambiguous, none picks an item an earlier line picked.
      for (const line of lines) {
        const answer = await done(line);
        // The item logged is the one the line names: its title, weeks and section begin the line.
        const { item } = await lastLogged();
        loggedIds.add(item.id);
        const weeks =
          item.section.weekStart === item.section.weekEnd
            ? `Week ${item.section.weekStart}`
            : `Weeks ${item.section.weekStart}-${item.section.weekEnd}`;
        const names = line.startsWith(`${item.title} (${weeks} · ${item.section.title}`)
          ? "its item"
          : `${item.title} (${weeks} · ${item.section.title})`;
        picked.push(`${line}: ${answer.includes("Done!") ? "Done!" : answer.slice(0, 160)}, ${names}`);
      }
    }
    expect(picked.filter((entry) => !entry.endsWith(": Done!, its item"))).toEqual([]);
    expect(picked).toHaveLength(9);
    expect(loggedIds.size).toBe(9);
  });

  it("never logs a shorter title whose item the typed details do not fit, and reads a copied line without the title's invisible characters", async () => {
    const path = [
      "Intro Path",
      "Week 1: One",
      "- [ ] Required -- Intro (10 min)",
      "- [ ] Required -- Intro (part 1) (10 min)",
      "Week 2: Two",
      "- [ ] Required -- Intro (part 1) (10 min)",
      "",
    ];
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "intro.md", content: path.join("\n") } });
    // A title holding a soft hyphen and a zero-width space, which replies leave out.
    await bot.test.app.database.prisma.item.updateMany({
      where: { title: "Intro (part 1)" },
      data: { title: "Intro (pa\u00adrt\u200b 1)" },
    });
    await bot.createCohort({ name: "Intro", curriculum: "intro-path", start: "2027-01-04" });
    const gus = bot.member("gus-typed");
    await bot.reply(gus.id, "join", { cohort: "Intro" });
    const done = async (item: string) => visibleText(await bot.reply(gus.id, "done", { cohort: "Intro", item }));
    expect(await done("Intro(part 1)")).toContain("There's no item");
    expect(await done("Intro (prat 1) (Week 2)")).toContain("There's no item");
    const listed = await done("Intro (part 1)");
    expect(listed).toContain("Several items match: **Intro (part 1)** (Week 1 · One); **Intro (part 1)** (Week 2 · Two).");
    expect(await done("Intro (part 1) (Week 2 · Two)")).toContain("Done!");
    const { item } = await lastLogged();
    expect([item.section.title, item.title]).toEqual(["Two", "Intro (pa\u00adrt\u200b 1)"]);
    expect(await done("Intro")).toContain("Done!");
    expect((await lastLogged()).item.title).toBe("Intro");
  });

  it("picks the built-in path's API Versioning as the README shows it", async () => {
    const fay = bot.member("fay-typed");
    await bot.reply(fay.id, "join", { cohort: "Late" });
    const done = async (value: string) => visibleText(await bot.reply(fay.id, "done", { cohort: "Late", item: value }));
    expect(await done("API Versioning")).toContain(
      "Several items match: **API Versioning** (Weeks 5-6 · API Design); **API Versioning** (Weeks 6-7 · Spring Boot).",
    );
    expect(await done("API Versioning (Weeks 6-7)")).toContain("Done!");
    expect(await done("API Versioning (Spring Boot)")).toContain("already marked");
  });

  it("numbers items a curriculum stored before repeats were refused holds twice in one section and group", async () => {
    const path = ["Old Repeats Path", "Week 1: Drills", "- [ ] Required -- Drill (20 min)", "- [ ] Required -- Drill again (20 min)", ""];
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "old-repeats.md", content: path.join("\n") } });
    // Stored as an import before the rule would have stored it, before any cohort reads it.
    await bot.test.app.database.prisma.item.updateMany({ where: { title: "Drill again" }, data: { title: "Drill" } });
    await bot.createCohort({ name: "Old Repeats", curriculum: "old-repeats-path", start: "2027-01-04" });
    const cy = bot.member("cy-typed");
    await bot.reply(cy.id, "join", { cohort: "Old Repeats" });
    const done = async (item: string) => visibleText(await bot.reply(cy.id, "done", { cohort: "Old Repeats", item }));
    expect(await done("Drill")).toContain("Several items match: **Drill** (Week 1 · Drills · #1); **Drill** (Week 1 · Drills · #2).");
    expect(await done("Drill (#2)")).toContain("Done!");
    expect(await done("drill (Week 1 · Drills · #2)")).toContain("already marked");
    expect(await done("Drill (#1)")).toContain("Done!");
  });

  it("lists a title repeated in every one of 60 weeks within one message, and its week picks any of them", async () => {
    const weeks = Array.from({ length: 60 }, (_, index) => [
      `Week ${index + 1}: A section title that is long enough to fill a line of its own, number ${index + 1}`,
      "- [ ] Required -- Weekly Review (20 min)",
    ]);
    const path = ["Review Path", ...weeks.flat(), ""].join("\n");
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "review.md", content: path } });
    await bot.createCohort({ name: "Reviews", curriculum: "review-path", start: "2027-01-04" });
    const di = bot.member("di-typed");
    await bot.reply(di.id, "join", { cohort: "Reviews" });
    const done = async (item: string) => visibleText(await bot.reply(di.id, "done", { cohort: "Reviews", item }));
    const listed = await done("Weekly Review");
    expect(listed.length).toBeLessThanOrEqual(2000);
    expect(listed).toContain("**Weekly Review** (Week 1 · A section title");
    expect(listed).toMatch(/…and \d+ more/);
    expect(await done("Weekly Review (Week 60)")).toContain("Done!");
  });

  // 500 items are more than a reply lists (75 lines), so the reply lists some and counts the rest; thousands of
  // same-titled items are told apart in test/unit/typedItem.test.ts, and how long that takes is the bench's business.
  it("answers a title 500 items share in the same weeks with at most 75 lines, and a line or any item's details typed back pick it", async () => {
    const sections = Array.from({ length: 20 }, (_, part) => [
      `Week 1-2: Part ${part + 1}`,
      ...Array.from({ length: 25 }, (_, lab) => [`Lab ${lab + 1}:`, "- [ ] Required -- Review (5 min)"]).flat(),
    ]);
    const parsed = parseCurriculum(["Crowded Path", ...sections.flat(), ""].join("\n"));
    if (!parsed.ok) throw new Error(`the crowded path does not parse: ${JSON.stringify(parsed.problems)}`);
    // Stored through the repository: the importer is not what this test is about.
    await new CurriculumRepository(bot.test.app.database.prisma).applyImport(parsed.curriculum, "crowded-v1", bot.guild.id);
    await bot.createCohort({ name: "Crowded", curriculum: "crowded-path", start: "2027-01-04" });
    const hal = bot.member("hal-crowded");
    await bot.reply(hal.id, "join", { cohort: "Crowded" });
    const done = async (item: string) => visibleText(await bot.reply(hal.id, "done", { cohort: "Crowded", item }));
    const lines = (/Several items match: (.*)\. Pick one/.exec(await done("Review"))?.[1] ?? "").split("; ");
    const more = lines.pop() ?? "";
    expect(lines.length).toBeLessThanOrEqual(75);
    expect(lines.slice(0, 2)).toEqual(["**Review** (Weeks 1-2 · Part 1 · Lab 1)", "**Review** (Weeks 1-2 · Part 1 · Lab 2)"]);
    expect(more).toMatch(/^…and [\d,]+ more$/);
    expect(lines.length + Number(more.replace(/\D/g, ""))).toBe(500);
    const logged = async () => {
      const { item } = await lastLogged();
      return [item.title, item.section.title, item.groupName];
    };
    for (const line of [lines[0] ?? "", lines.at(-1) ?? ""]) {
      expect(await done(line.replaceAll("**", ""))).toContain("Done!");
      const [, section, group] = /\(Weeks 1-2 · (.*) · (.*)\)$/.exec(line) ?? [];
      expect(await logged()).toEqual(["Review", section, group]);
    }
    expect(await done("Review (Weeks 1-2 · Part 20 · Lab 25)")).toContain("Done!");
    expect(await logged()).toEqual(["Review", "Part 20", "Lab 25"]);
  });

  it("answers a Spanish member with lines in Spanish that pick their item typed back, even where a section is named like a week", async () => {
    const item = (title: string) => `- [ ] Required -- ${title} (10 min)`;
    const path = ["Semanas Path", "Week 1: Intro", "Lab:", item("Drill"), "Week 1-2: Review", item("Quiz"), "Week 2: Review", item("Quiz")];
    // "Semana 1 · Intro" would name this section and group as well as the first Drill's week and section.
    path.push("Week 3: Semana 1", "Intro:", item("Drill"), "");
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "semanas.md", content: path.join("\n") } });
    await bot.createCohort({ name: "Semanas", curriculum: "semanas-path", start: "2027-01-04" });
    const ines = bot.emulator.createMember(bot.guild.id, { username: "ines-typed", locale: "es-ES" });
    await bot.reply(ines.id, "join", { cohort: "Semanas" });
    const done = async (value: string) => visibleText(await bot.reply(ines.id, "done", { cohort: "Semanas", item: value }));
    const listed = async (title: string) => (/Hay varias coincidencias: (.*)\. Elige una/.exec(await done(title))?.[1] ?? "").split("; ");
    expect(await listed("Quiz")).toEqual(["**Quiz** (Semanas 1-2 · Review)", "**Quiz** (Semana 2 · Review · #2)"]);
    expect(await listed("Drill")).toEqual(["**Drill** (Semana 1 · Intro · Lab)", "**Drill** (Semana 3 · Semana 1)"]);
    const picked: string[][] = [];
    for (const line of [...(await listed("Quiz")), ...(await listed("Drill"))]) {
      const answer = await done(line.replaceAll("**", ""));
      const { item: logged } = await lastLogged();
      picked.push([
        line,
        answer.includes("Registrad") ? "logged" : answer.slice(0, 120),
        `${logged.section.title} ${logged.section.weekStart}`,
      ]);
    }
    expect(picked).toEqual([
      ["**Quiz** (Semanas 1-2 · Review)", "logged", "Review 1"],
      ["**Quiz** (Semana 2 · Review · #2)", "logged", "Review 2"],
      ["**Drill** (Semana 1 · Intro · Lab)", "logged", "Intro 1"],
      ["**Drill** (Semana 3 · Semana 1)", "logged", "Semana 1 3"],
    ]);
  });

  it("lists a late joiner's overdue items right after today's, before their backlog from before they joined", async () => {
    const lena = bot.member("lena-late");
    bot.clock.set(new Date("2027-01-18T10:00:00Z"));
    await bot.reply(lena.id, "join", { cohort: "Late" });
    // Wednesday of week 3: Monday's and Tuesday's items are overdue; weeks 1-2 are backlog, never overdue.
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    const today = await bot.reply(lena.id, "today", { cohort: "Late" });
    const titlesIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]);
    const todays = titlesIn(today.embeds[0]?.description ?? "", /^⬜ \*\*(.+?)\*\* · /gmu);
    const overdueField = today.embeds[0]?.fields?.find((field) => field.name.startsWith("Overdue"));
    const overdue = titlesIn(overdueField?.value ?? "", /^⬜ (.+?) · \d/gmu);
    expect(todays.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    const overdueCount = Number(/Overdue · (\d+) items?/u.exec(overdueField?.name ?? "")?.[1]);
    const choices = await bot.autocomplete(lena.id, "done", "item", { cohort: "Late", item: "" });
    const names = choices.map((choice) => choice.name.replace(/ · Weeks? [\d-]+$/u, ""));
    // Today's first, then every overdue item (in the plan's order, which /today follows only for the five it lists).
    expect(names.slice(0, todays.length)).toEqual(todays);
    expect(names.slice(todays.length, todays.length + overdueCount)).toEqual(expect.arrayContaining(overdue));
  });
});
