import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ParseProblem, ParsedCurriculum } from "../../src/domain/curriculum/curriculumModel.js";
import {
  MAX_CURRICULUM_CHARACTERS,
  MAX_ITEMS_PER_SECTION,
  MAX_SECTIONS,
  MAX_TITLE_CHARACTERS,
} from "../../src/domain/curriculum/parse/limits.js";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import { ProblemCode } from "../../src/domain/curriculum/parse/problemCodes.js";
import { en } from "../../src/discord/i18n/locales/en.js";
import { es } from "../../src/discord/i18n/locales/es.js";
import { renderParseProblem } from "../../src/discord/i18n/renderParseProblem.js";

const masteryText = readFileSync(new URL("../../prisma/seed/backend-engineer-mastery-path.txt", import.meta.url), "utf8");
const masteryLines = masteryText.split("\n");

function accepted(text: string): ParsedCurriculum {
  const result = parseCurriculum(text);
  if (!result.ok) throw new Error(`expected the curriculum to parse, got ${JSON.stringify(result.problems)}`);
  return result.curriculum;
}

function refused(text: string): readonly ParseProblem[] {
  const result = parseCurriculum(text);
  if (result.ok) throw new Error("expected the curriculum to be refused");
  return result.problems;
}

function lineOf(text: string): number {
  const index = masteryLines.indexOf(text);
  if (index < 0) throw new Error(`no line ${text}`);
  return index + 1;
}

describe("a Markdown code block that is never closed", () => {
  it("is refused at the line that opens it, instead of hiding the rest of the path", () => {
    const opening = lineOf("- Command-line mastery: bash scripting, system administration") + 1;
    const lines = [...masteryLines];
    lines.splice(opening - 1, 0, "```bash", "#!/bin/sh", "echo practise");
    const problems = refused(lines.join("\n"));
    // The seed's own fence further down closes it (hiding five phases), then opens one that nothing closes.
    const hiddenPhase = lineOf("### Phase 2: Programming Language Mastery (Weeks 5-12)") + 3;
    expect(problems[0]).toEqual({ line: opening, code: ProblemCode.CodeBlockHidesSection, params: { sectionLine: hiddenPhase } });
    expect(problems.map((problem) => problem.code)).toContain(ProblemCode.CodeBlockUnclosed);
  });

  it("is refused when it reaches the end of the file", () => {
    const text = `${masteryText}\n\`\`\`\nforgotten\n`;
    expect(refused(text)).toEqual([{ line: masteryLines.length + 1, code: ProblemCode.CodeBlockUnclosed, params: {} }]);
  });

  it("a closing fence must be bare: an info string opens nothing new inside a block", () => {
    const text = masteryText.replace("```\nEntry Level", "```\n```bash\nEntry Level");
    expect(accepted(text).sections).toHaveLength(6);
  });

  it("says so in English and Spanish", () => {
    const problem: ParseProblem = { line: 3, code: ProblemCode.CodeBlockUnclosed, params: {} };
    expect(renderParseProblem(problem)).toMatch(/never closed/);
    expect(renderParseProblem(problem, "es")).toMatch(/nunca se cierra/);
  });

  it("a closed one still hides only its own lines", () => {
    expect(accepted(masteryText).sections).toHaveLength(6);
  });
});

describe("front matter", () => {
  it("may not swallow a section heading", () => {
    const phase = "### Phase 3: Databases (Weeks 13-18)";
    const lines = masteryLines.filter((line) => line !== phase);
    lines.splice(3, 0, phase);
    expect(refused(lines.join("\n"))).toEqual([{ line: 4, code: ProblemCode.FrontMatterHidesSection, params: {} }]);
  });
});

describe("section headings the error message suggests are accepted", () => {
  const body = ["- [ ] Required -- Storage Engines (30 min)", "- [ ] Optional -- Indexes (20 min)"];

  it.each([
    "Week 1-2: Intro",
    "# Week 1-2: Intro",
    "## Week 1-2: Intro",
    "### Week 1-2: Intro",
    "#### Week 1-2: Intro",
    "###### Week 1-2: Intro",
  ])("in a Markdown file: %s", (heading) => {
    const curriculum = accepted(["# Tiny Path", "", heading, ...body].join("\n"));
    expect(curriculum.sections.map((section) => [section.title, section.weekStart, section.weekEnd, section.items.length])).toEqual([
      ["Intro", 1, 2, 2],
    ]);
  });

  it.each(["Week 1-2: Intro", "## Week 1-2: Intro", "### Week 1-2: Intro"])("in a plain file: %s", (heading) => {
    const curriculum = accepted(["Tiny Path", heading, ...body].join("\n"));
    expect(curriculum.sections.map((section) => [section.title, section.items.length])).toEqual([["Intro", 2]]);
  });

  it("the message when none is found names them", () => {
    const [problem] = refused("# Tiny Path\n\nJust prose.");
    expect(problem?.code).toBe(ProblemCode.NoSections);
    expect(renderParseProblem(problem as ParseProblem)).toMatch(/Week 1-2: Database Fundamentals.*any level.*## Week 1-2/);
  });
});

describe("prose after a phase's topics", () => {
  it("is reported with its line instead of vanishing", () => {
    const anchor = "- Data migrations and versioning";
    const lines = [...masteryLines];
    lines.splice(lineOf(anchor), 0, "Remember to practise every week.");
    expect(refused(lines.join("\n"))).toEqual([
      { line: lineOf(anchor) + 1, code: ProblemCode.UnexpectedLine, params: expect.objectContaining({ format: "markdown" }) as unknown },
    ]);
  });
});

describe("limits", () => {
  const item = (index: number) => `- [ ] Required -- Reading ${index} (10 min)`;

  it(`refuses more than ${MAX_SECTIONS} sections, pointing at the first one too many`, () => {
    const lines = ["Long Path"];
    for (let week = 1; week <= MAX_SECTIONS + 1; week++) lines.push(`Week ${Math.min(week, 520)}: Part ${week}`, item(week));
    const problems = refused(lines.join("\n"));
    expect(problems).toEqual([
      { line: 2 + 2 * MAX_SECTIONS, code: ProblemCode.TooManySections, params: { count: MAX_SECTIONS + 1, limit: MAX_SECTIONS } },
    ]);
    expect(renderParseProblem(problems[0] as ParseProblem)).toBe(
      `The path has ${MAX_SECTIONS + 1} sections; the limit is ${MAX_SECTIONS}. Split it into smaller paths.`,
    );
  });

  it(`accepts ${MAX_SECTIONS} sections and ${MAX_ITEMS_PER_SECTION} items in a section`, () => {
    const lines = ["Long Path", "Week 1: Big", ...Array.from({ length: MAX_ITEMS_PER_SECTION }, (_, index) => item(index))];
    for (let week = 2; week <= MAX_SECTIONS; week++) lines.push(`Week ${week}: Part ${week}`, item(week));
    const curriculum = accepted(lines.join("\n"));
    expect(curriculum.sections).toHaveLength(MAX_SECTIONS);
    expect(curriculum.sections[0]?.items).toHaveLength(MAX_ITEMS_PER_SECTION);
  });

  it(`refuses more than ${MAX_ITEMS_PER_SECTION} items in a section`, () => {
    const lines = ["Long Path", "Week 1: Big", ...Array.from({ length: MAX_ITEMS_PER_SECTION + 1 }, (_, index) => item(index))];
    expect(refused(lines.join("\n"))).toEqual([
      {
        line: 3 + MAX_ITEMS_PER_SECTION,
        code: ProblemCode.TooManyItems,
        params: { section: "Week 1: Big", count: MAX_ITEMS_PER_SECTION + 1, limit: MAX_ITEMS_PER_SECTION },
      },
    ]);
  });

  it(`refuses titles over ${MAX_TITLE_CHARACTERS} characters, wherever they are`, () => {
    const long = "x".repeat(MAX_TITLE_CHARACTERS + 1);
    const lines = [long, `Week 1: ${long}`, `- [ ] Required -- ${long} (10 min)`, "- [ ] Required -- Fine (10 min)"];
    expect(refused(lines.join("\n")).map((problem) => [problem.line, problem.code])).toEqual([
      [1, ProblemCode.TitleTooLong],
      [2, ProblemCode.TitleTooLong],
      [3, ProblemCode.TitleTooLong],
    ]);
  });

  it(`counts a title's characters as an editor does: ${MAX_TITLE_CHARACTERS} emoji or bold letters are within the limit, one more is not`, () => {
    const bold = "𝐁".repeat(MAX_TITLE_CHARACTERS);
    const parsed = accepted([bold, `Week 1: ${"🚀".repeat(MAX_TITLE_CHARACTERS - 8)}`, `- [ ] Required -- ${bold} (10 min)`].join("\n"));
    expect(parsed.title).toBe(bold);
    const [problem] = refused([`${bold}𝐁`, "Week 1: A", "- [ ] Required -- Fine (10 min)"].join("\n"));
    expect(problem?.code).toBe(ProblemCode.TitleTooLong);
    expect(renderParseProblem(problem as ParseProblem)).toContain(`${MAX_TITLE_CHARACTERS + 1} characters`);
  });

  it("refuses a document over 256 KB", () => {
    const problems = refused(`Path\nWeek 1: A\n- [ ] Required -- B\n${"y".repeat(MAX_CURRICULUM_CHARACTERS)}`);
    expect(problems.map((problem) => problem.code)).toEqual([ProblemCode.FileTooLarge]);
    expect(renderParseProblem(problems[0] as ParseProblem)).toMatch(/too large \(262,\d{3} characters; the limit is 262,144\)/);
  });
});

describe("problem messages", () => {
  /** The argument names of an ICU message ("{name}", "{name, select, …}"). */
  function argumentsOf(message: string): string[] {
    return [...new Set([...message.matchAll(/\{(\w+)(?=[,}])/g)].map((match) => match[1] ?? ""))].sort();
  }

  it("exist in English and Spanish for every code, with the same parameters", () => {
    const codes = Object.values(ProblemCode).sort();
    const parseKeysOf = (catalogue: object) =>
      Object.keys(catalogue)
        .filter((key) => key.startsWith("parse."))
        .map((key) => key.slice("parse.".length))
        .sort();
    expect(parseKeysOf(en)).toEqual(codes);
    expect(parseKeysOf(es)).toEqual(codes);
    for (const code of codes) expect([code, argumentsOf(es[`parse.${code}`])]).toEqual([code, argumentsOf(en[`parse.${code}`])]);
  });
});

describe("weeks a cohort would spend with nothing to read", () => {
  const item = (title: string) => `- [ ] Required -- ${title} (10 min)`;

  it("a gap between sections is refused at the section after it, naming the empty weeks", () => {
    const text = ["Gappy Path", "Week 1: One", item("A"), "Week 2: Two", item("B"), "Week 5: Five", item("C")].join("\n");
    expect(refused(text)).toEqual([
      {
        line: 6,
        code: ProblemCode.WeekGap,
        params: { section: "Week 5: Five", start: 5, from: 3, to: 4, count: 2, previousLine: 4, previousEnd: 2 },
      },
    ]);
    const [problem] = refused(text);
    expect(renderParseProblem(problem as ParseProblem)).toBe(
      'Section "Week 5: Five" starts in week 5, but no section covers weeks 3-4 (the one before, on line 4, ends in week 2): a cohort would have nothing to read then. Number the weeks without gaps; a cohort can take a week off with `/cohort break`.',
    );
    expect(renderParseProblem(problem as ParseProblem, "es")).toMatch(/semanas 3-4.*`\/cohorte descanso`/);
  });

  it("a one-week gap is worded in the singular", () => {
    const text = ["Gappy Path", "Week 1-2: One", item("A"), "Week 4: Four", item("C")].join("\n");
    const [problem] = refused(text);
    expect(problem).toMatchObject({ line: 4, code: ProblemCode.WeekGap, params: { from: 3, to: 3, count: 1 } });
    expect(renderParseProblem(problem as ParseProblem)).toMatch(/no section covers week 3 \(/);
  });

  it("a curriculum that starts after week 1 is refused at its first section", () => {
    const text = ["Late Path", "Week 60: Sixty", item("A"), "Week 61: Sixty-one", item("B")].join("\n");
    expect(refused(text)).toEqual([
      { line: 2, code: ProblemCode.FirstWeekNotOne, params: { section: "Week 60: Sixty", week: 60, before: 59 } },
    ]);
    const [problem] = refused(text);
    expect(renderParseProblem(problem as ParseProblem)).toMatch(/starts in week 60.*weeks 1-59/);
    expect(renderParseProblem(problem as ParseProblem, "es")).toMatch(/semana 60/);
  });

  it("a first section in week 2 names the one week before it in the singular", () => {
    const text = ["Late Path", "Week 2: Two", item("A"), "Week 3: Three", item("B")].join("\n");
    const [problem] = refused(text);
    expect(problem).toMatchObject({ code: ProblemCode.FirstWeekNotOne, params: { week: 2, before: 1 } });
    expect(renderParseProblem(problem as ParseProblem)).toMatch(/nothing to read in week 1\. /);
    expect(renderParseProblem(problem as ParseProblem, "es")).toMatch(/nada que leer en la semana 1\. /);
  });

  it("a gap is listed with the other problems of the file, each at its line", () => {
    const text = ["Gappy Path", "Week 1: One", "- [ ] Mandatory -- A (10 min)", item("B"), "Week 3: Three", item("C")].join("\n");
    expect(refused(text).map((problem) => [problem.line, problem.code])).toEqual([
      [3, ProblemCode.UnknownKind],
      [5, ProblemCode.WeekGap],
    ]);
  });

  it("a refused heading leaves its weeks to its own message, not a second one about a gap", () => {
    const text = ["Gappy Path", "Week 1: One", item("A"), "Week 0: Zero", item("B"), "Week 2: Two", item("C")].join("\n");
    expect(refused(text).map((problem) => problem.code)).not.toContain(ProblemCode.WeekGap);
  });

  it("overlapping ranges, a week covered twice and sections out of order leave no gap", () => {
    const text = ["Busy Path", "Week 3-4: Later", item("C"), "Week 1-2: First", item("A"), "Week 2: Again", item("B")].join("\n");
    expect(accepted(text).totalWeeks).toBe(4);
  });

  it("the built-in paths still import unchanged", () => {
    expect(accepted(masteryText).totalWeeks).toBe(36);
    const learning = readFileSync(new URL("../../prisma/seed/backend-engineer-learning-path.txt", import.meta.url), "utf8");
    expect(accepted(learning).totalWeeks).toBe(12);
  });
});

describe("the same item twice in one section", () => {
  const item = (title: string) => `- [ ] Required -- ${title} (10 min)`;

  it("is refused at the repeat, naming the first one's line", () => {
    const text = ["Twice Path", "Week 1: One", item("Storage Engines"), item("Indexes"), item("storage  engines")].join("\n");
    expect(refused(text)).toEqual([
      {
        line: 5,
        code: ProblemCode.DuplicateItem,
        params: { item: "storage  engines", firstLine: 3, inGroup: "no", group: "", onTrack: "no", track: "" },
      },
    ]);
    const [problem] = refused(text);
    expect(renderParseProblem(problem as ParseProblem)).toBe(
      'Item "storage  engines" repeats the one on line 3 in the same section: members could not tell them apart. Rename one (e.g. "… (part 2)") or remove it.',
    );
    expect(renderParseProblem(problem as ParseProblem, "es")).toMatch(/línea 3/);
  });

  it("is refused within one group, naming the group", () => {
    const text = ["Twice Path", "Week 1: One", "Practice:", item("Drill"), item("Drill")].join("\n");
    const [problem] = refused(text);
    expect(problem).toEqual({
      line: 5,
      code: ProblemCode.DuplicateItem,
      params: { item: "Drill", firstLine: 4, inGroup: "yes", group: "Practice", onTrack: "no", track: "" },
    });
    expect(renderParseProblem(problem as ParseProblem)).toMatch(/in the same section and group "Practice":/);
  });

  it('names a group called "none" and the track the check also keys on', () => {
    const text = ["Twice Path", "Week 1: One", "none:", item("Drill"), item("Drill")].join("\n");
    const [problem] = refused(text);
    expect(renderParseProblem(problem as ParseProblem)).toMatch(/in the same section and group "none":/);
    const onTrack = { ...(problem as ParseProblem), params: { ...problem?.params, onTrack: "yes", track: "SQL" } };
    expect(renderParseProblem(onTrack)).toMatch(/in the same section and group "none", on the same track "SQL":/);
    expect(renderParseProblem(onTrack, "es")).toMatch(/mismo grupo "none", en el mismo itinerario "SQL":/);
  });

  it("is accepted in different groups or different sections, which tell them apart", () => {
    const text = ["Apart Path", "Week 1: One", item("Drill"), "Practice:", item("Drill"), "Week 2: Two", item("Drill")].join("\n");
    expect(accepted(text).sections.flatMap((section) => section.items.map((entry) => entry.title))).toEqual(["Drill", "Drill", "Drill"]);
  });
});

describe("a note written after an item's duration", () => {
  const path = (item: string) => `Notes Path\nA path.\nWeek 1: Intro\n- [ ] Required -- Warm-up (10 min)\n${item}\n`;

  it("is refused at its line instead of losing the estimate into the title", () => {
    expect(refused(path("- [ ] Required -- Storage Engines (30 min) - optional read"))).toEqual([
      {
        line: 5,
        code: ProblemCode.DurationNotAtEnd,
        params: {
          item: "Storage Engines",
          duration: "30 min",
          note: "- optional read",
          rewritten: "Storage Engines - optional read (30 min)",
        },
      },
    ]);
    expect(refused(path("- [ ] Optional -- Sharding (1h 30min) (skim)"))[0]?.code).toBe(ProblemCode.DurationNotAtEnd);
  });

  it("says where the duration goes, in English and Spanish", () => {
    const problem: ParseProblem = {
      line: 5,
      code: ProblemCode.DurationNotAtEnd,
      params: {
        item: "Storage Engines",
        duration: "30 min",
        note: "- optional read",
        rewritten: "Storage Engines - optional read (30 min)",
      },
    };
    expect(renderParseProblem(problem)).toBe(
      'Item "Storage Engines": the duration "(30 min)" must end the line, but "- optional read" follows it. Move the note before the duration: "Storage Engines - optional read (30 min)".',
    );
    expect(renderParseProblem(problem, "es")).toBe(
      'Elemento "Storage Engines": la duración "(30 min)" debe ir al final de la línea, pero le sigue "- optional read". Pon la nota antes de la duración: "Storage Engines - optional read (30 min)".',
    );
  });

  it("suggests the note right after the title, with no space before its punctuation", () => {
    const [problem] = refused(path("- [ ] Required -- Replication (1h 30min), sections 2 and 4"));
    expect(problem?.params["rewritten"]).toBe("Replication, sections 2 and 4 (1h 30min)");
    expect(renderParseProblem(problem as ParseProblem)).toContain(
      'Move the note before the duration: "Replication, sections 2 and 4 (1h 30min)".',
    );
    expect(refused(path("- [ ] Required -- Replication (1h 30min): sections 2 and 4"))[0]?.params["rewritten"]).toBe(
      "Replication: sections 2 and 4 (1h 30min)",
    );
  });

  it("suggests the whole title, however long, so the rewritten line continues the item", () => {
    const title = `Storage Engines ${"and more ".repeat(10)}`.trim();
    const [problem] = refused(path(`- [ ] Required -- ${title} (30 min) - optional read`));
    expect(problem?.params["rewritten"]).toBe(`${title} - optional read (30 min)`);
  });

  it("a capital M or H in parentheses mid-title is a count, not a duration", () => {
    const items = accepted(path("- [ ] Reference -- Scaling to (1M) users\n- [ ] Reference -- Sharding a table of (10M) rows (20 min)"))
      .sections[0]?.items;
    expect(items?.map((item) => [item.title, item.minutes])).toEqual([
      ["Warm-up", 10],
      ["Scaling to (1M) users", null],
      ["Sharding a table of (10M) rows", 20],
    ]);
    expect(refused(path("- [ ] Optional -- Sharding (45 Minutes) skim"))[0]?.code).toBe(ProblemCode.DurationNotAtEnd);
    expect(refused(path("- [ ] Optional -- Sharding (90 MINS) - skim"))[0]?.params["rewritten"]).toBe("Sharding - skim (90 MINS)");
  });

  it("a one-letter amount in the middle of a title is a count, not a duration: only a trailing one is", () => {
    const items = accepted(path("- [ ] Reference -- Scaling to (10m) users\n- [ ] Optional -- Serving (2h) of traffic from cache (20m)"))
      .sections[0]?.items;
    expect(items?.map((item) => [item.title, item.minutes])).toEqual([
      ["Warm-up", 10],
      ["Scaling to (10m) users", null],
      ["Serving (2h) of traffic from cache", 20],
    ]);
    expect(refused(path("- [ ] Optional -- Sharding (1h 30m) - skim"))[0]?.params["rewritten"]).toBe("Sharding - skim (1h 30m)");
  });

  it("an hour, or minutes before a separator or the end of a note, is still a duration and keeps its estimate", () => {
    const rewrites = [
      ["- [ ] Required -- Chapter 3 (1h) - notes", "Chapter 3 - notes (1h)"],
      ["- [ ] Optional -- Watch the keynote (45m) - optional", "Watch the keynote - optional (45m)"],
      ["- [ ] Optional -- Watch the keynote (45m): optional", "Watch the keynote: optional (45m)"],
      ["- [ ] Optional -- Watch the keynote (45m) — optional", "Watch the keynote — optional (45m)"],
      ["- [ ] Optional -- Watch the keynote (45m), optional", "Watch the keynote, optional (45m)"],
      ["- [ ] Reference -- Intro talk (3h) video", "Intro talk video (3h)"],
      ["- [ ] Required -- Intro (1 h) - notes", "Intro - notes (1 h)"],
    ] as const;
    for (const [line, rewritten] of rewrites) {
      const [problem] = refused(path(line));
      expect(problem?.code).toBe(ProblemCode.DurationNotAtEnd);
      expect(problem?.params["rewritten"]).toBe(rewritten);
    }
  });

  it("a parenthesis that is not a duration stays part of the title", () => {
    const items = accepted(path("- [ ] Required -- Sharding (part two) - the sequel (30 min)")).sections[0]?.items;
    expect(items?.map((item) => [item.title, item.minutes])).toEqual([
      ["Warm-up", 10],
      ["Sharding (part two) - the sequel", 30],
    ]);
    expect(accepted(path("- [ ] Required -- Chapter (2) review")).sections[0]?.items[1]?.title).toBe("Chapter (2) review");
  });
});

describe("a week heading written without the colon", () => {
  const file = (heading: string) =>
    [
      "Tiny Path",
      "A path.",
      heading,
      "- [ ] Required -- Storage Engines (30 min)",
      "Week 2: Next",
      "- [ ] Required -- Indexes (20 min)",
    ].join("\n");

  it.each(["Week 1 - Intro", "Week 1 — Intro", "Week 1-2 – Intro", "Week 1. Intro", "Week 1", "Weeks 1-2", "**Week 1: Intro**"])(
    "is refused at its own line, not as items before the first section: %s",
    (heading) => {
      expect(refused(file(heading))).toEqual([{ line: 3, code: ProblemCode.HeadingUnreadable, params: { heading } }]);
    },
  );

  it("a sentence about a week in a section's introduction is still prose", () => {
    const text = file("Week 1: Intro").replace("Week 2: Next", "Week 2: Next\nWeek 2 builds on everything from week 1.");
    expect(accepted(text).sections.map((section) => [section.title, section.summary])).toEqual([
      ["Intro", ""],
      ["Next", "Week 2 builds on everything from week 1."],
    ]);
  });

  it("a long sentence after 'Week 2 -' is prose too, not a heading", () => {
    const sentence = "Week 2 - we review everything from week 1 before moving on";
    const text = file("Week 1: Intro").replace("Week 2: Next", `Week 2: Next\n${sentence}`);
    expect(accepted(text).sections[1]?.summary).toBe(sentence);
  });

  it("a phrase with a comma after 'Week 2 -' is not a heading: the section keeps its items", () => {
    const phrase = "Week 2 - lighter load, finish the exercises";
    const text = file("Week 1: Intro").replace("Week 2: Next", `Week 2: Next\n${phrase}`);
    expect(accepted(text).sections.map((section) => [section.title, section.items.map((item) => item.title)])).toEqual([
      ["Intro", ["Storage Engines"]],
      ["Next", ["Indexes"]],
    ]);
  });

  it.each(["Week 3 - Joins, Indexes", "Week 3 – Joins, Indexes, Views", "Week 3. SQL, NoSQL"])(
    "a title listing topics after the dash is a heading, refused at its line rather than merging week 3 into week 2: %s",
    (heading) => {
      const text = file("Week 1: Intro").replace("Week 2: Next", `Week 2: Next\n- [ ] Optional -- Views (10 min)\n${heading}`);
      expect(refused(text)).toEqual([{ line: 7, code: ProblemCode.HeadingUnreadable, params: { heading } }]);
    },
  );

  it("as a Markdown phase heading too: refused as a heading, not as topics outside a phase", () => {
    const text = [
      "# Tiny Path",
      "",
      "A path.",
      "",
      "## Week 1: Intro",
      "- [ ] Required -- Storage Engines (30 min)",
      "### Week 2 - Joins, Indexes",
      "- [ ] Required -- Indexes (20 min)",
    ].join("\n");
    expect(refused(text)).toEqual([{ line: 7, code: ProblemCode.HeadingUnreadable, params: { heading: "Week 2 - Joins, Indexes" } }]);
  });

  it("a refused heading inside a section is the only problem: the section above is not also called empty", () => {
    const text = file("Week 1: Intro").replace("Week 2: Next", "Week 2: Next\nWeek 2 - lighter load");
    expect(refused(text)).toEqual([{ line: 6, code: ProblemCode.HeadingUnreadable, params: { heading: "Week 2 - lighter load" } }]);
  });
});

describe("an item line without its '- [ ]'", () => {
  const file = (line: string, after: readonly string[]) =>
    ["Tiny Path", "A path.", "Week 1: Intro", "- [ ] Required -- Warm-up (5 min)", line, ...after].join("\n");

  it.each([
    "1. Required -- Storage Engines (30 min)",
    "2) Optional: Storage Engines (30 min)",
    "Required -- Storage Engines (30 min)",
    "Reference - Storage Engines (1h 30min)",
    "+ [ ] Required -- Storage Engines (30 min)",
    "[ ] Reference - Storage Engines",
    "☐ Required -- Storage Engines (30 min)",
  ])("is refused at its line, not kept as a group label or a closing note: %s", (line) => {
    for (const after of [[], ["- [ ] Required -- Indexes (20 min)"]]) {
      expect(refused(file(line, after))).toEqual([
        { line: 5, code: ProblemCode.ItemWithoutCheckbox, params: { text: line, section: "Week 1: Intro" } },
      ]);
    }
  });

  it.each([
    ["Required -- Storage Engines (30 mni)", "30 mni"],
    ["Optional: Storage Engines (1 huor)", "1 huor"],
    ["2) Reference - Storage Engines (45 minuts)", "45 minuts"],
  ])("with a typo in its unit is refused at its line, naming the duration, not kept as a group label: %s", (line, duration) => {
    for (const after of [[], ["- [ ] Required -- Indexes (20 min)"]]) {
      expect(refused(file(line, after))).toEqual([
        { line: 5, code: ProblemCode.ItemWithoutCheckbox, params: { text: line, section: "Week 1: Intro" } },
        { line: 5, code: ProblemCode.DurationUnreadable, params: { item: "Storage Engines", duration } },
      ]);
    }
  });

  it.each([
    ["- Optional -- Storage Engines (30 min)", []],
    ["- Required — Storage Engines (30 mni)", [{ item: "Storage Engines", duration: "30 mni" }]],
    ["- Optional: Storage Engines (30 min)", []],
    ["- **Optional** -- Storage Engines (30 min)", []],
    ["- **Reference:** Storage Engines (1h)", []],
  ])("in a Markdown phase, a bullet led by a kind and ending in a duration is refused, not kept as a topic: %s", (line, durations) => {
    const text = ["# Tiny Path", "", "A path.", "", "### Phase 1: Intro (Weeks 1-2)", "- [ ] Required -- Warm-up (5 min)", line].join("\n");
    expect(refused(text)).toEqual([
      { line: 7, code: ProblemCode.ItemWithoutCheckbox, params: { text: line, section: "Phase 1: Intro (Weeks 1-2)" } },
      ...durations.map((params) => ({ line: 7, code: ProblemCode.DurationUnreadable, params })),
    ]);
  });

  it("in a Markdown phase, a topic that merely starts with a kind stays a topic", () => {
    const text = ["# Tiny Path", "", "A path.", "", "### Phase 1: Intro (Weeks 1-2)", "- Optional — Kleppmann, chapter 5 (2nd ed)"].join(
      "\n",
    );
    expect(accepted(text).sections[0]?.items.map((item) => item.title)).toEqual(["Optional — Kleppmann, chapter 5 (2nd ed)"]);
  });

  it("says to add '- [ ]' for an item or end the line with ':' for a group, in English and Spanish", () => {
    const problem: ParseProblem = {
      line: 5,
      code: ProblemCode.ItemWithoutCheckbox,
      params: { text: "1. Required -- Storage Engines (30 min)", section: "Week 1: Intro" },
    };
    expect(renderParseProblem(problem)).toBe(
      'Line "1. Required -- Storage Engines (30 min)" in section "Week 1: Intro" reads like an item without its "- [ ]": add "- [ ]" for an item ("- [ ] Required -- Storage Engines (30 min)"), or end it with ":" for a group.',
    );
    expect(renderParseProblem(problem, "es")).toBe(
      'La línea "1. Required -- Storage Engines (30 min)" de la sección "Week 1: Intro" parece un elemento sin su "- [ ]": añade "- [ ]" si es un elemento ("- [ ] Required -- Motores de almacenamiento (30 min)"), o termínala con ":" si es un grupo.',
    );
  });

  it.each([
    "Optional -- deep dives:",
    "Optional — for the curious",
    "Optional -- deep dives",
    "Reference – keep these handy",
    "1) Optional: extras",
    "Required — read these before Friday's call",
    "Optional — Kleppmann, chapter 5 (2nd ed)",
    "Required — chapters (1-3)",
    "Optional — bring a ruler (8 in)",
    "Optional — a short run (5 mi)",
    "Reference — a team of (3 men)",
    "Optional — the campus (1 tour)",
    "Reference — sampling audio (50 hz)",
  ])("a group label that names a kind stays a group label: %s", (label) => {
    const items = accepted(file(label, ["- [ ] Optional -- Indexes (20 min)"])).sections[0]?.items;
    expect(items?.map((item) => [item.title, item.group])).toEqual([
      ["Warm-up", null],
      ["Indexes", label.replace(/:$/, "")],
    ]);
  });

  it("a sentence that starts with a kind stays the section's introduction", () => {
    const text = [
      "Tiny Path",
      "A path.",
      "Week 1: Intro",
      "Required — read these before Friday's call.",
      "- [ ] Required -- Warm-up (5 min)",
    ].join("\n");
    expect(accepted(text).sections[0]?.summary).toBe("Required — read these before Friday's call.");
  });
});

/**
 * Characters that show nothing or reorder text (zero-width spaces, soft hyphens, bidi overrides): every reply and
 * choice drops them, so a title of nothing but them would show as nothing ("⬜ **** · Required"): refused. Titles
 * holding them among visible text are kept as written (identity across re-imports compares titles as stored).
 */
describe("invisible characters in a curriculum", () => {
  it("refuses an item whose title is nothing but invisible characters, as one without a title", () => {
    const problems = refused("Path\nWeek 1: Basics\n- [ ] Required -- \u200b\u2060\u00ad (5 min)\n- [ ] Required -- Read on (5 min)\n");
    expect(problems).toEqual([{ line: 3, code: ProblemCode.ItemWithoutTitle, params: {} }]);
  });

  it("keeps titles as written, so a curriculum imported before keeps its identity (replies drop the characters on display)", () => {
    const curriculum = accepted("Rev\u202eersed\u202c Path\nWeek 1: Ba\u200bsics\n- [ ] Required -- Item \u2066one\u2069 (5 min)\n");
    expect(curriculum.title).toBe("Rev\u202eersed\u202c Path");
    expect(curriculum.slug).toBe(accepted("Rev\u202eersed\u202c Path\nWeek 1: Basics\n- [ ] Required -- Item (5 min)\n").slug);
    expect(curriculum.sections.map((section) => section.title)).toEqual(["Ba\u200bsics"]);
    expect(curriculum.sections[0]?.items.map((item) => item.title)).toEqual(["Item \u2066one\u2069"]);
  });

  it("refuses a week heading and a curriculum title of nothing but invisible characters, at their lines", () => {
    expect(refused("Path\nWeek 1: \u200b\u00ad\n- [ ] Required -- Read (5 min)\n")).toContainEqual(
      expect.objectContaining({ line: 2, code: ProblemCode.HeadingWithoutTitle }),
    );
    expect(refused("\u200b\u2060\nWeek 1: Basics\n- [ ] Required -- Read (5 min)\n").map((problem) => problem.code)).toContain(
      ProblemCode.TitleMissing,
    );
  });

  it("refuses a group label of nothing but invisible characters, as one without a name", () => {
    const problems = refused("Path\nWeek 1: Basics\n- [ ] Required -- Read (5 min)\n\u200b\u2060:\n- [ ] Required -- Write (5 min)\n");
    expect(problems).toContainEqual(expect.objectContaining({ line: 4, code: ProblemCode.GroupWithoutName }));
  });

  it("reads a group heading, group label or track label of nothing but invisible characters as none, never as a blank name", () => {
    const edited = (from: string, to: string) => masteryText.replace(from, to);
    const labels = (curriculum: ParsedCurriculum) =>
      curriculum.sections.flatMap((section) => section.items.flatMap((item) => [item.group, item.track]));
    const blank = (label: string | null) => label !== null && label.replace(/[\u200b\u2060\s]/g, "") === "";
    for (const text of [edited("**SQL Deep Dive:**", "#### \u200b\u2060"), edited("**SQL Deep Dive:**", "**\u200b\u2060:**")]) {
      expect(text).not.toBe(masteryText);
      expect(labels(accepted(text)).filter(blank)).toEqual([]);
    }
  });

  it("refuses a 'choose one' track label that shows nothing, at its line, instead of keeping it in the item's title", () => {
    const python = "- **Python Path:** Variables, data types, OOP, decorators, asyncio, type hints";
    const line = lineOf(python);
    for (const label of ["\u200b\u2060", " ", "\u00ad \u200b"]) {
      const problems = refused(masteryText.replace(python, python.replace("Python Path", label)));
      const problem = problems.find((found) => found.code === ProblemCode.TrackWithoutName);
      expect(problem).toMatchObject({ line });
      if (problem === undefined) continue;
      // The admin is told what is missing and shown the line's text, in both languages.
      expect(renderParseProblem(problem)).toMatch(/"choose one" track.*needs a name.*Variables, data types/);
      expect(renderParseProblem(problem, "es")).toMatch(/itinerario de «elige uno».*nombre.*Variables, data types/);
      expect(problems.map((found) => found.line)).toEqual([line]);
    }
    // Nothing after the label either: an empty topic, as a bullet of nothing is.
    const bare = refused(masteryText.replace(python, "- **\u200b:** \u2060"));
    expect(bare).toContainEqual(expect.objectContaining({ line, code: ProblemCode.EmptyTopic }));
  });

  it("still refuses control characters, which no text file holds", () => {
    expect(refused("Path\nWeek 1: Basics\n- [ ] Required -- Bell\u0007 (5 min)\n").map((problem) => problem.code)).toContain(
      ProblemCode.ControlCharacters,
    );
  });
});
