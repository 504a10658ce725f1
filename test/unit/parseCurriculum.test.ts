import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  importCounts,
  type ParseProblem,
  type ParseResult,
  type ParsedCurriculum,
  type ParsedSection,
} from "../../src/domain/curriculum/curriculumModel.js";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import { slugify } from "../../src/domain/curriculum/slugify.js";
import { renderParseProblem } from "../../src/discord/i18n/renderParseProblem.js";
import { ProblemCode } from "../../src/domain/curriculum/parse/problemCodes.js";
import { createRandom, FRAGMENTS, mutate } from "../helpers/mutateDocument.js";

/** expect.stringMatching, typed as the `unknown` it may stand for in an expected value (vitest types it `any`). */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

const learningText = readFileSync(new URL("../../prisma/seed/backend-engineer-learning-path.txt", import.meta.url), "utf8");
const masteryText = readFileSync(new URL("../../prisma/seed/backend-engineer-mastery-path.txt", import.meta.url), "utf8");
const learningLines = learningText.split("\n");
const masteryLines = masteryText.split("\n");

function parsed(text: string): ParsedCurriculum {
  const result = parseCurriculum(text);
  if (!result.ok) throw new Error(`expected the curriculum to parse, got ${JSON.stringify(result.problems, null, 2)}`);
  return result.curriculum;
}

/** The problems as the admin reads them (English), with their line numbers. */
function problemsOf(text: string): readonly { line: number; message: string }[] {
  const result = parseCurriculum(text);
  if (result.ok) throw new Error("expected the curriculum to be refused");
  return result.problems.map((problem: ParseProblem) => ({ line: problem.line, message: renderParseProblem(problem) }));
}

function sectionByTitle(curriculum: ParsedCurriculum, title: string): ParsedSection {
  const section = curriculum.sections.find((candidate) => candidate.title === title);
  if (section === undefined) throw new Error(`no section titled ${title}`);
  return section;
}

function allItems(curriculum: ParsedCurriculum) {
  return curriculum.sections.flatMap((section) => section.items);
}

function itemKeysBySection(curriculum: ParsedCurriculum): Map<string, string[]> {
  return new Map(curriculum.sections.map((section) => [section.key, section.items.map((item) => item.key)]));
}

/** Replaces exactly one line of a document, failing loudly if the line is not there once. */
function replaceLine(text: string, line: string, replacement: string): string {
  const lines = text.split("\n");
  const matches = lines.filter((candidate) => candidate === line).length;
  if (matches !== 1) throw new Error(`expected exactly one line ${JSON.stringify(line)}, found ${matches}`);
  return lines.map((candidate) => (candidate === line ? replacement : candidate)).join("\n");
}

/** A small valid plain-format document, as lines, for the malformed-input tests. */
const SMALL_PATH = [
  "Tiny Path", // 1
  "A short path for tests.", // 2
  "Week 1: Basics", // 3
  "Estimated reading time: 1 hour", // 4
  "Start with the basics.", // 5
  "- [ ] Required -- Intro (30 min)", // 6
  "- [ ] Optional -- Extra (30 min)", // 7
  "Checkpoint", // 8
  "You can explain the basics.", // 9
  "Week 2: More", // 10
  "- [ ] Required -- Next Steps (20 min)", // 11
];

function withLines(edit: (lines: string[]) => void): string {
  const lines = [...SMALL_PATH];
  edit(lines);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------

describe("parseCurriculum on the 12-week learning path", () => {
  const curriculum = parsed(learningText);
  const items = allItems(curriculum);
  // Counted straight from the file, not through the parser.
  const itemLine = /^- \[ \] (Required|Optional|Reference) -- .+ \((\d+) min\)$/;
  const rawItems = learningLines.map((line) => itemLine.exec(line)).filter((match) => match !== null);
  const rawCount = (kind: string): number => rawItems.filter((match) => match[1] === kind).length;

  it("reads the title, slug, description and length", () => {
    expect(curriculum.title).toBe("Backend Engineer Learning Path");
    expect(curriculum.slug).toBe("backend-engineer-learning-path");
    expect(curriculum.description).toBe(learningLines[1]);
    expect(curriculum.totalWeeks).toBe(12);
  });

  it("finds every week heading as a section, with overlapping week ranges", () => {
    const headings = learningLines.filter((line) => /^Week \d+(-\d+)?: /.test(line));
    // The document has twelve headings: ten two-week ranges, then Week 11 and Week 12.
    expect(headings).toHaveLength(12);
    expect(curriculum.sections.map((section) => [section.weekStart, section.weekEnd])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
      [7, 8],
      [8, 9],
      [9, 10],
      [10, 11],
      [11, 11],
      [12, 12],
    ]);
    expect(curriculum.sections.map((section) => section.line)).toEqual(headings.map((heading) => learningLines.indexOf(heading) + 1));
    expect(curriculum.sections[0]?.key).toBe("w1-2-database-fundamentals");
    expect(curriculum.sections[10]?.key).toBe("w11-debugging-playbooks-production-operations");
    expect(curriculum.sections[10]?.title).toBe("Debugging Playbooks & Production Operations");
  });

  it("turns estimated reading times into minutes", () => {
    expect(curriculum.sections.map((section) => section.estimatedMinutes)).toEqual([
      360, 240, 210, 240, 300, 480, 300, 300, 240, 240, 240, 300,
    ]);
  });

  it("counts items per kind as the file lists them", () => {
    expect(rawItems).toHaveLength(learningLines.filter((line) => line.startsWith("- [ ]")).length);
    expect([rawCount("Required"), rawCount("Optional"), rawCount("Reference")]).toEqual([109, 72, 3]);
    expect(items.filter((item) => item.kind === "Required")).toHaveLength(rawCount("Required"));
    expect(items.filter((item) => item.kind === "Optional")).toHaveLength(rawCount("Optional"));
    expect(items.filter((item) => item.kind === "Reference")).toHaveLength(rawCount("Reference"));
  });

  it("adds up the Required reading minutes", () => {
    const rawMinutes = rawItems.filter((match) => match[1] === "Required").reduce((sum, match) => sum + Number(match[2]), 0);
    expect(rawMinutes).toBe(2525);
    const parsedMinutes = items.filter((item) => item.kind === "Required").reduce((sum, item) => sum + (item.minutes ?? 0), 0);
    expect(parsedMinutes).toBe(rawMinutes);
  });

  it("keeps each item's title, minutes and source line", () => {
    const storage = items.find((item) => item.title === "Storage Engines");
    expect(storage).toMatchObject({ kind: "Required", minutes: 30, group: null, track: null });
    expect(learningLines[(storage?.line ?? 0) - 1]).toBe("- [ ] Required -- Storage Engines (30 min)");
  });

  it("reads the summary and checkpoint paragraphs", () => {
    const performance = sectionByTitle(curriculum, "Database Performance");
    expect(performance.summary).toBe("Now that you understand internals, learn how to make databases fast in production.");
    expect(performance.checkpoint).toBe(
      "After this section you should be able to: read an EXPLAIN plan, set up read replicas, decide when sharding is appropriate, diagnose the N+1 query problem, and tune connection pools.",
    );
    expect(curriculum.sections.slice(0, -1).every((section) => section.checkpoint !== null)).toBe(true);
  });

  it("sets groups from colon lines and bare headings", () => {
    const fundamentals = sectionByTitle(curriculum, "Database Fundamentals");
    expect(fundamentals.items.filter((item) => item.group === "Schema design practice").map((item) => item.title)).toEqual([
      "E-Commerce Schema Design",
      "Chat Schema Design",
      "SaaS Schema Design",
      "Social Schema Design",
    ]);
    expect(fundamentals.items.filter((item) => item.group === null)).toHaveLength(14);
    const springBoot = sectionByTitle(curriculum, "Spring Boot");
    expect([...new Set(springBoot.items.map((item) => item.group))]).toEqual([
      "Spring Boot Core",
      "Spring Boot Security & APIs",
      "Spring Boot Production",
    ]);
    expect(springBoot.summary).toMatch(/^Spring Boot is the dominant backend framework/);
  });

  it("ends with a section without checkpoint, the outcomes and the path notes", () => {
    const last = curriculum.sections.at(-1);
    expect(last?.title).toBe("Production Blueprints & Capstone");
    expect(last?.checkpoint).toBeNull();
    expect(last?.items.at(-1)?.title).toBe("Search Service Blueprint");
    expect(curriculum.outcomes).toHaveLength(8);
    expect(curriculum.outcomes[0]).toBe("Design and optimize database schemas for complex domains");
    expect(curriculum.outcomes.at(-1)).toBe("Design complete production systems (auth, billing, notifications, job queues)");
    expect(curriculum.notes).toHaveLength(2);
    expect(curriculum.notes[0]).toMatch(/^Cross-References to Related Paths/);
    expect(curriculum.notes[0]).toContain("DevOps Engineer Path -- Deep dive into Docker");
    expect(curriculum.notes[1]).toMatch(/^Total Progress: This path contains approximately 100 pages\./);
    expect(curriculum.checklist).toEqual([]);
  });

  it("keeps the preamble lists out of the outline", () => {
    const json = JSON.stringify(curriculum);
    expect(json).not.toContain("Software engineers transitioning into backend roles");
    expect(json).not.toContain("Basic SQL knowledge");
  });

  it("gives repeated titles distinct keys", () => {
    for (const title of ["API Versioning", "Database Migrations", "Service Discovery"]) {
      const repeats = items.filter((item) => item.title === title);
      expect(repeats).toHaveLength(2);
      expect(new Set(repeats.map((item) => item.key)).size).toBe(2);
    }
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    expect(new Set(curriculum.sections.map((section) => section.key)).size).toBe(curriculum.sections.length);
  });
});

// ---------------------------------------------------------------------------

describe("parseCurriculum on the 36-week mastery path", () => {
  const result = parseCurriculum(masteryText);
  const curriculum = parsed(masteryText);
  const items = allItems(curriculum);

  /** Topic lines per phase, counted from the raw file: bullets and "**Label:** text" lines up to the next heading. */
  const rawTopicCounts = (() => {
    const counts: number[] = [];
    let inPhase = false;
    for (const line of masteryLines) {
      if (line.startsWith("### Phase ")) {
        counts.push(0);
        inPhase = true;
      } else if (line.startsWith("#")) {
        inPhase = false;
      } else if (inPhase && (line.startsWith("- ") || /^\*\*For all:\*\* \S/.test(line))) {
        counts[counts.length - 1] = (counts.at(-1) ?? 0) + 1;
      }
    }
    return counts;
  })();

  it("shows members clean text: no mojibake anywhere in the result", () => {
    const json = JSON.stringify(result);
    for (const marker of ["‚Ä", "üöÄ", "‚Üì", "‚≠ê", "‚úÖ", "\uF8FF", "√"]) expect(json).not.toContain(marker);
  });

  it("reads the title without its emoji, the slug and the description", () => {
    expect(curriculum.title).toBe("Backend Engineer - Complete Mastery Path");
    expect(curriculum.slug).toBe("backend-engineer-complete-mastery-path");
    expect(curriculum.description).toMatch(/^Design and build the powerful server-side systems, APIs, and data services/);
    expect(curriculum.description).toMatch(/performance\.$/);
  });

  it("has six phases with their week ranges and objectives", () => {
    expect(curriculum.totalWeeks).toBe(36);
    expect(curriculum.sections.map((section) => [section.weekStart, section.weekEnd])).toEqual([
      [1, 4],
      [5, 12],
      [13, 18],
      [19, 24],
      [25, 28],
      [29, 36],
    ]);
    expect(curriculum.sections.map((section) => section.title)).toEqual([
      "Phase 1: Foundations",
      "Phase 2: Programming Language Mastery",
      "Phase 3: Databases",
      "Phase 4: API Development",
      "Phase 5: Security & Authentication",
      "Phase 6: Advanced Patterns & Systems",
    ]);
    expect(curriculum.sections[0]?.summary).toBe("Understand fundamentals of web architecture and networking");
    expect(curriculum.sections.every((section) => section.estimatedMinutes === null)).toBe(true);
    // Each phase's Objective is its checkpoint prompt, posted at the end of the phase.
    expect(curriculum.sections.every((section) => section.checkpoint !== null && section.checkpoint === section.summary)).toBe(true);
  });

  it("turns every topic bullet into an item without minutes", () => {
    expect(rawTopicCounts).toEqual([6, 5, 9, 15, 9, 20]);
    expect(curriculum.sections.map((section) => section.items.length)).toEqual(rawTopicCounts);
    expect(items.every((item) => item.minutes === null)).toBe(true);
    expect(items[0]).toMatchObject({ title: "Internet fundamentals: HTTP/HTTPS, DNS, TCP/IP, WebSockets", kind: "Required", group: null });
    expect(masteryLines[(items[0]?.line ?? 0) - 1]).toBe("- Internet fundamentals: HTTP/HTTPS, DNS, TCP/IP, WebSockets");
  });

  it("uses bold sub-headings as groups", () => {
    const databases = sectionByTitle(curriculum, "Phase 3: Databases");
    expect(databases.items.filter((item) => item.group === "SQL Deep Dive")).toHaveLength(5);
    expect(databases.items.filter((item) => item.group === "NoSQL Exploration")).toHaveLength(4);
    const advanced = sectionByTitle(curriculum, "Phase 6: Advanced Patterns & Systems");
    expect([...new Set(advanced.items.map((item) => item.group))]).toEqual([
      "Microservices Architecture",
      "Asynchronous Processing",
      "Performance & Caching",
      "Deployment & DevOps",
    ]);
  });

  it("reads the choose-one language tracks and the shared topic", () => {
    const language = sectionByTitle(curriculum, "Phase 2: Programming Language Mastery");
    const tracks = language.items.filter((item) => item.track !== null);
    expect(tracks.map((item) => item.track)).toEqual(["Python Path", "Node.js Path", "Java Path", "Go Path"]);
    expect(tracks.every((item) => item.kind === "Optional" && item.group === "Choose one path")).toBe(true);
    expect(tracks[0]?.title).toBe("Python Path: Variables, data types, OOP, decorators, asyncio, type hints");
    const shared = language.items.filter((item) => item.track === null);
    expect(shared).toEqual([
      expect.objectContaining({
        kind: "Required",
        group: "For all",
        title: "Design patterns, SOLID principles, code organization, testing",
      }),
    ]);
  });

  it("reads the success checklist into groups", () => {
    const checklistStart = masteryLines.findIndex((line) => line.includes("Success Checklist"));
    const checklistEnd = masteryLines.findIndex((line, index) => index > checklistStart && line.startsWith("## "));
    const rawChecks = masteryLines.slice(checklistStart, checklistEnd).filter((line) => line.startsWith("- [ ] "));
    expect(curriculum.checklist.map((group) => group.title)).toEqual([
      "Foundations (1-2 months)",
      "Intermediate (3-6 months)",
      "Advanced (6-12 months)",
    ]);
    expect(curriculum.checklist.map((group) => group.items.length)).toEqual([5, 5, 5]);
    expect(curriculum.checklist.flatMap((group) => group.items)).toEqual(rawChecks.map((line) => line.slice("- [ ] ".length)));
  });

  it("keeps the other Markdown sections out of the outline", () => {
    const titles = items.map((item) => item.title).join("\n");
    expect(titles).not.toContain("Django");
    expect(titles).not.toContain("Mid-Level");
    expect(titles).not.toContain("Official language documentation");
    expect(curriculum.outcomes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

describe("a phase's objective as its checkpoint", () => {
  const phase = (extra: string) =>
    ["# Path", "", "A path.", "", "### Phase 1: Basics (Weeks 1-2)", "**Objective:** Explain HTTP", extra, "- HTTP", "- DNS"].join("\n");

  it("makes the Objective the phase's checkpoint prompt", () => {
    expect(parsed(phase("")).sections[0]?.checkpoint).toBe("Explain HTTP");
  });

  it("lets an explicit Checkpoint replace it without calling it repeated", () => {
    expect(parsed(phase("**Checkpoint:** Build a tiny server")).sections[0]?.checkpoint).toBe("Build a tiny server");
  });
});

describe("item and section keys", () => {
  const original = parsed(learningText);

  it("are the same for the same text", () => {
    expect(parseCurriculum(learningText)).toEqual(parseCurriculum(learningText));
    expect(parseCurriculum(masteryText)).toEqual(parseCurriculum(masteryText));
  });

  it("derive from the section, group and title", () => {
    const items = allItems(original);
    expect(items.find((item) => item.title === "Storage Engines")?.key).toBe("w1-2-database-fundamentals/-/storage-engines");
    expect(items.find((item) => item.title === "Chat Schema Design")?.key).toBe(
      "w1-2-database-fundamentals/schema-design-practice/chat-schema-design",
    );
  });

  it("do not change when an item's minutes change", () => {
    const edited = parsed(
      replaceLine(learningText, "- [ ] Required -- Storage Engines (30 min)", "- [ ] Required -- Storage Engines (45 min)"),
    );
    expect(allItems(edited).find((item) => item.title === "Storage Engines")?.minutes).toBe(45);
    expect(itemKeysBySection(edited)).toEqual(itemKeysBySection(original));
  });

  it("of other sections do not change when an item is inserted into one section", () => {
    const anchor = "- [ ] Required -- Caching Strategies Overview (25 min)";
    const edited = parsed(replaceLine(learningText, anchor, `- [ ] Required -- Cache Stampede Drills (15 min)\n${anchor}`));
    const before = itemKeysBySection(original);
    const after = itemKeysBySection(edited);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [sectionKey, keys] of before) {
      if (sectionKey === "w3-4-caching-strategies") {
        expect(after.get(sectionKey)).toEqual(["w3-4-caching-strategies/-/cache-stampede-drills", ...keys]);
      } else {
        expect(after.get(sectionKey)).toEqual(keys);
      }
    }
  });

  it("of other phases do not change when a topic is added to one phase", () => {
    const before = itemKeysBySection(parsed(masteryText));
    const anchor = "- Data migrations and versioning";
    const after = itemKeysBySection(parsed(replaceLine(masteryText, anchor, `${anchor}\n- Partitioning and sharding`)));
    for (const [sectionKey, keys] of before) {
      if (sectionKey.startsWith("w13-18-")) {
        expect(after.get(sectionKey)).toEqual([
          ...keys.slice(0, 5),
          "w13-18-phase-3-databases/sql-deep-dive/partitioning-and-sharding",
          ...keys.slice(5),
        ]);
      } else {
        expect(after.get(sectionKey)).toEqual(keys);
      }
    }
  });

  it("number a title whose key repeats another's within the same section and group", () => {
    const curriculum = parsed(withLines((lines) => lines.splice(7, 0, "- [ ] Optional -- Intro! (10 min)")));
    expect(curriculum.sections[0]?.items.map((item) => item.key)).toEqual([
      "w1-basics/-/intro",
      "w1-basics/-/extra",
      "w1-basics/-/intro#2",
    ]);
  });
});

describe("slugify", () => {
  it("makes URL-safe slugs from titles", () => {
    expect(slugify("Backend Engineer Learning Path")).toBe("backend-engineer-learning-path");
    expect(slugify("Backend Engineer - Complete Mastery Path")).toBe("backend-engineer-complete-mastery-path");
    expect(slugify("Query Planning & Optimization")).toBe("query-planning-optimization");
    expect(slugify("Café Ünïcode — You're")).toBe("cafe-unicode-youre");
  });

  it("still gives a stable, distinct slug to titles without Latin letters", () => {
    expect(slugify("日本語")).toMatch(/^x[0-9a-f]{8}$/);
    expect(slugify("日本語")).toBe(slugify("日本語"));
    expect(slugify("日本語")).not.toBe(slugify("中文"));
  });
});

// ---------------------------------------------------------------------------

describe("accepted variations in the plain format", () => {
  it("reads checked boxes, all dash styles and duration spellings", () => {
    const curriculum = parsed(
      withLines((lines) => {
        lines.splice(
          6,
          1,
          "- [x] Optional — Em Dash (1 hour)",
          "- [ ] Reference – En Dash (1.5 hours)",
          "- [ ] Required -- Mixed (1h 30min)",
          "- [ ] Required -- Sharding (part two) (45 min)",
        );
      }),
    );
    expect(curriculum.sections[0]?.items.map((item) => [item.kind, item.title, item.minutes])).toEqual([
      ["Required", "Intro", 30],
      ["Optional", "Em Dash", 60],
      ["Reference", "En Dash", 90],
      ["Required", "Mixed", 90],
      ["Required", "Sharding (part two)", 45],
    ]);
  });

  it("reads reading times in hours, fractional hours and minutes", () => {
    for (const [written, minutes] of [
      ["6 hours", 360],
      ["3.5 hours", 210],
      ["45 min", 45],
    ] as const) {
      const curriculum = parsed(withLines((lines) => lines.splice(3, 1, `Estimated reading time: ${written}`)));
      expect(curriculum.sections[0]?.estimatedMinutes).toBe(minutes);
    }
  });

  it("repairs mojibake in a plain-format file too", () => {
    const damaged = new TextDecoder("macintosh").decode(
      new TextEncoder().encode(withLines((lines) => lines.splice(6, 1, "- [ ] Optional — Café Tour (10 min)"))),
    );
    expect(damaged).toContain("‚Äî");
    expect(parsed(damaged).sections[0]?.items[1]?.title).toBe("Café Tour");
  });

  it("keeps a closing sentence with no list under it as the path's outcome", () => {
    const curriculum = parsed([...SMALL_PATH, "After this path you will be able to ship a production backend."].join("\n"));
    expect(curriculum.outcomes).toEqual(["After this path you will be able to ship a production backend."]);
  });

  it("keeps a closing heading that names outcomes but has nothing under it, as a note", () => {
    const curriculum = parsed([...SMALL_PATH, "Outcomes"].join("\n"));
    expect([...curriculum.outcomes, ...curriculum.notes]).toEqual(["Outcomes"]);
  });

  it("reads a bold **Checkpoint:** line, in the last section too", () => {
    const curriculum = parsed(
      withLines((lines) => {
        lines.splice(7, 2, "**Checkpoint:** After this section you should be able to explain the basics.");
        lines.push("**Checkpoint**: After this section you should be able to explain X.");
      }),
    );
    expect(curriculum.sections.map((section) => section.checkpoint)).toEqual([
      "After this section you should be able to explain the basics.",
      "After this section you should be able to explain X.",
    ]);
  });

  it("keeps a correctly encoded title whose symbols could be read as mojibake", () => {
    const curriculum = parsed(withLines((lines) => lines.splice(6, 1, "- [ ] Optional -- Estimating √π by hand (10 min)")));
    expect(curriculum.sections[0]?.items[1]?.title).toBe("Estimating √π by hand");
  });
});

// ---------------------------------------------------------------------------

describe("malformed input is refused whole", () => {
  const noSections = /No sections found/;

  it("refuses an empty file", () => {
    expect(problemsOf("")).toEqual([{ line: 1, message: matching(/empty/) }]);
    expect(problemsOf("\n\n   \n")).toEqual([{ line: 1, message: matching(/empty/) }]);
  });

  it("refuses random prose", () => {
    const problems = problemsOf("Dear diary,\nToday I read about databases.\nIt was fun.");
    expect(problems).toEqual([{ line: 1, message: matching(noSections) }]);
  });

  it("refuses binary garbage", () => {
    const garbage = String.fromCharCode(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0x00,
      0x00,
      0x00,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
      0xff,
      0xd8,
    );
    const problems = problemsOf(garbage);
    expect(problems.some((problem) => /control characters/.test(problem.message))).toBe(true);
    expect(problems.some((problem) => noSections.test(problem.message))).toBe(true);
  });

  it("refuses a file over 1 MB", () => {
    const problems = problemsOf(`${learningText}\n${"x".repeat(1_000_000)}`);
    expect(problems).toEqual([{ line: 1, message: matching(/too large/) }]);
  });

  it("refuses an item before any section", () => {
    const problems = problemsOf(withLines((lines) => lines.splice(2, 0, "- [ ] Required -- Too Early (10 min)")));
    expect(problems).toEqual([{ line: 3, message: matching(/before the first section/) }]);
  });

  it("refuses an unknown kind, naming it", () => {
    const problems = problemsOf(withLines((lines) => lines.splice(6, 1, "- [ ] Mandatory -- X (10 min)")));
    expect(problems).toEqual([{ line: 7, message: matching(/Unknown item kind "Mandatory".*Required, Optional or Reference/) }]);
  });

  it.each([
    ["(abc min)", /cannot read the duration/],
    ["(0 min)", /at least 1 minute/],
    ["(25 hours)", /more than 24 hours/],
    ["(3000 min)", /more than 24 hours/],
  ])("refuses the duration %s", (duration, message) => {
    const problems = problemsOf(withLines((lines) => lines.splice(6, 1, `- [ ] Optional -- Extra ${duration}`)));
    expect(problems).toEqual([{ line: 7, message: matching(message) }]);
  });

  it("refuses a reversed week range", () => {
    const problems = problemsOf(withLines((lines) => lines.splice(9, 1, "Week 5-3: X")));
    expect(problems).toEqual([{ line: 10, message: matching(/backwards.*3-5/) }]);
  });

  it("refuses week 0", () => {
    const problems = problemsOf(withLines((lines) => lines.splice(2, 1, "Week 0: Basics")));
    expect(problems).toEqual([{ line: 3, message: matching(/week 0/) }]);
  });

  it("refuses a section with no items", () => {
    const problems = problemsOf(withLines((lines) => lines.splice(10, 1)));
    expect(problems).toEqual([{ line: 10, message: matching(/"Week 2: More" has no items/) }]);
  });

  it("refuses duplicate section headings, pointing at the first", () => {
    const problems = problemsOf(withLines((lines) => lines.splice(9, 1, "Week 1: Basics")));
    expect(problems).toEqual([{ line: 10, message: matching(/repeats the one on line 3/) }]);
  });

  it("reports every problem, in line order", () => {
    const problems = problemsOf(
      withLines((lines) => {
        lines.splice(10, 1, "- [ ] Required -- Bad (abc min)");
        lines.splice(6, 1, "- [ ] Mandatory -- X (10 min)");
        lines.splice(2, 0, "- [ ] Required -- Too Early (10 min)");
      }),
    );
    expect(problems.map((problem) => problem.line)).toEqual([3, 8, 12]);
  });

  it("caps the number of problems reported", () => {
    const manyBadItems = Array.from({ length: 200 }, (_, index) => `- [ ] Mandatory -- Item ${index} (10 min)`);
    const problems = problemsOf(withLines((lines) => lines.splice(6, 0, ...manyBadItems)));
    expect(problems).toHaveLength(50);
    expect(problems.at(-1)?.message).toMatch(/more problems/);
  });

  it("refuses a Markdown phase without a week range", () => {
    const text = replaceLine(masteryText, "### Phase 3: Databases (Weeks 13-18)", "### Phase 3: Databases");
    const problems = problemsOf(text);
    const line = masteryLines.indexOf("### Phase 3: Databases (Weeks 13-18)") + 1;
    expect(problems).toEqual([{ line, message: matching(/needs a week range/) }]);
  });

  it("refuses Markdown front matter that is never closed", () => {
    const problems = problemsOf("---\nname: x\n# Title\n### Phase 1: A (Weeks 1-2)\n- topic\n");
    expect(problems[0]).toEqual({ line: 1, message: matching(/no closing "---"/) });
  });
});

// ---------------------------------------------------------------------------

function expectWellFormed(result: ParseResult, text: string): void {
  const lineCount = text.split(/\r\n|\n|\r/).length;
  if (result.ok) {
    const { curriculum } = result;
    expect(curriculum.sections.length).toBeGreaterThan(0);
    const keys = curriculum.sections.flatMap((section) => [section.key, ...section.items.map((item) => item.key)]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const section of curriculum.sections) {
      expect(section.items.length).toBeGreaterThan(0);
      expect(section.weekStart).toBeGreaterThanOrEqual(1);
      expect(section.weekEnd).toBeGreaterThanOrEqual(section.weekStart);
    }
    expect(curriculum.totalWeeks).toBe(Math.max(...curriculum.sections.map((section) => section.weekEnd)));
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.length).toBeLessThanOrEqual(50);
    for (const problem of result.problems) {
      expect(Number.isInteger(problem.line)).toBe(true);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lineCount);
      expect(Object.values(ProblemCode)).toContain(problem.code);
    }
  }
}

describe("never throws", () => {
  it("returns one of the two result shapes for thousands of random and mutated documents", () => {
    const random = createRandom(20240611);
    const smallPath = SMALL_PATH.join("\n");
    let accepted = 0;
    for (let round = 0; round < 3000; round++) {
      let text: string;
      switch (round % 4) {
        case 0:
          text = Array.from({ length: random.int(60) }, () => random.pick(FRAGMENTS)).join("");
          break;
        case 1:
          text = mutate(smallPath, random);
          break;
        case 2:
          text = mutate(learningText, random);
          break;
        default:
          text = mutate(masteryText, random);
      }
      let result: ParseResult | undefined;
      expect(() => {
        result = parseCurriculum(text);
      }).not.toThrow();
      if (result === undefined) throw new Error("no result");
      expectWellFormed(result, text);
      if (result.ok) accepted++;
    }
    // Both outcomes must actually be exercised for the check to mean anything.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(2900);
  });

  it("survives inputs built to be slow or odd", () => {
    const odd = [
      " ".repeat(9_000),
      `- [ ] Required -- ${" ".repeat(9_000)}(`,
      `- [ ] Required -- x (${"1".repeat(400)} min)`,
      "Week 1: A\n".repeat(20_000),
      "(".repeat(9_000),
      "\uD800".repeat(1_000),
      "#".repeat(5_000),
      "y".repeat(20_000),
    ];
    for (const text of odd) expectWellFormed(parseCurriculum(text), text);
  });
});

describe("importCounts", () => {
  const counts = (...items: string[]) => importCounts(parsed(["Counted Path", "Week 1: Basics", ...items].join("\n")));

  it("counts readings when an item the plan assigns has an estimate, as the cohort's replies do (CohortContext.hasEstimates)", () => {
    expect(counts("- [ ] Required -- Alpha (20 min)", "- [ ] Required -- Beta")).toEqual({ sections: 1, items: 2, timed: true });
    expect(counts("- [ ] Required -- Alpha", "- [ ] Optional -- Beta (20 min)")).toMatchObject({ timed: true });
  });

  // Reference items are never assigned to a day: their minutes make no reading of the path's topics.
  it("counts topics when only Reference items have estimates", () => {
    expect(counts("- [ ] Required -- Alpha", "- [ ] Reference -- Handbook (30 min)")).toEqual({ sections: 1, items: 2, timed: false });
  });
});
