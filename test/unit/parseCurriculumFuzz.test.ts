import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { traceCurriculum, type CurriculumTrace } from "../../src/domain/curriculum/parse/parseCurriculum.js";
import { MAX_CURRICULUM_CHARACTERS } from "../../src/domain/curriculum/parse/limits.js";
import { ProblemCode } from "../../src/domain/curriculum/parse/problemCodes.js";
import { SkipReason } from "../../src/domain/curriculum/parse/sourceLines.js";
import { renderParseProblem } from "../../src/discord/i18n/renderParseProblem.js";
import { createRandom, mutate, mutateCharacters } from "../helpers/mutateDocument.js";

const seeds = {
  learning: readFileSync(new URL("../../prisma/seed/backend-engineer-learning-path.txt", import.meta.url), "utf8"),
  mastery: readFileSync(new URL("../../prisma/seed/backend-engineer-mastery-path.txt", import.meta.url), "utf8"),
};
const DOCUMENTS_PER_SEED = 1_000;

// An independent reading of what a line means, deliberately simpler than the parser's.
const ITEM_LINE = /^[-*•+]\s*\[[ xX✓✔]?\]\s*(?:Required|Optional|Reference)\s*(?:--|—|–)/i;
const WEEK_LINE = /^(?:#{1,6}\s+)?weeks?\s+\d{1,9}\s*(?:(?:-|–|—|to)\s*\d{1,9}\s*)?:\s*\S/i;
const PHASE_LINE = /^(?:#{1,6}\s+)?.*\(\s*weeks?\s+\d{1,9}\s*(?:(?:-|–|—|to)\s*\d{1,9}\s*)?\)\s*#*$/i;

interface Oracle {
  readonly markdown: boolean;
  /** Lines of closed code blocks and front matter: an item there is example text, not an item. */
  readonly literal: ReadonlySet<number>;
}

function readOracle(lines: readonly string[]): Oracle {
  const first = lines.find((line) => line.trim() !== "")?.trim() ?? "";
  const markdown = first === "---" || /^#{1,6}\s/.test(first);
  const literal = new Set<number>();
  if (!markdown) return { markdown, literal };
  let fence: { marker: string; lines: number[] } | null = null;
  let frontMatter = first === "---";
  let seenOpening = false;
  for (const [index, raw] of lines.entries()) {
    const text = raw.trim();
    if (frontMatter) {
      literal.add(index + 1);
      if (text === "---" && seenOpening) frontMatter = false;
      if (text === "---") seenOpening = true;
      if (text === "..." && seenOpening) frontMatter = false;
      continue;
    }
    if (fence === null) {
      const opening = /^(`{3,}|~{3,})/.exec(text);
      if (opening !== null) fence = { marker: opening[1] ?? "", lines: [index + 1] };
    } else {
      fence.lines.push(index + 1);
      if (text.startsWith(fence.marker) && /^(?:`+|~+)$/.test(text) && text[0] === fence.marker[0]) {
        for (const line of fence.lines) literal.add(line);
        fence = null;
      }
    }
  }
  return { markdown, literal };
}

/**
 * "Never silently drops more than it reports": in an accepted document every
 * non-blank line is used in the result or deliberately skipped (preamble,
 * front matter, decoration, a closed code block, a Markdown block outside the
 * phases), and every line that reads as a section heading or an item is used,
 * unless an item sits in a closed code block. A refused document drops
 * nothing: nothing is imported.
 */
function expectNothingSilentlyDropped(text: string, trace: CurriculumTrace): void {
  if (!trace.result.ok) return;
  const lines = text.split(/\r\n|\n|\r/);
  const oracle = readOracle(lines);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const content = raw.trim();
    if (content === "") continue;
    const skipped = trace.skippedLines.get(line);
    const used = trace.usedLines.has(line);
    const heading = WEEK_LINE.test(content) || (PHASE_LINE.test(content) && (oracle.markdown ? /^#/.test(content) : true));
    const item = ITEM_LINE.test(content) && !oracle.literal.has(line);
    // expect() only on a failure: thousands of documents times hundreds of lines.
    if (!used && skipped === undefined) expect.fail(`line ${line} ${JSON.stringify(content)} is neither used nor skipped in:\n${text}`);
    if (!oracle.markdown && skipped !== undefined && skipped !== SkipReason.Preamble)
      expect.fail(`plain line ${line} skipped as ${skipped}`);
    if ((heading || item) && !used) expect.fail(`line ${line} ${JSON.stringify(content)} reads as structure but was dropped in:\n${text}`);
  }
}

function expectWellFormedRefusal(text: string, trace: CurriculumTrace): void {
  if (trace.result.ok) return;
  const lineCount = text.split(/\r\n|\n|\r/).length;
  for (const problem of trace.result.problems) {
    expect(problem.code).not.toBe(ProblemCode.ImporterFailed);
    // Every message can be written in every language with the parameters the parser gave.
    for (const language of ["en", "es"] as const) expect(renderParseProblem(problem, language)).not.toBe("");
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount);
  }
}

/** What one parse cost, counted rather than timed. */
interface ParseWork {
  readonly trace: CurriculumTrace;
  /** Times a pattern was applied: every `exec`, `test`, `replace`, `split` or `match` with a RegExp. */
  readonly applications: number;
  /**
   * Characters handed to patterns: the whole string for a pattern without `g` or `y`; for one stepping
   * through a string with `g` or `y`, how far each exec moved (lastIndex progress, to the end on no match).
   */
  readonly charactersMatched: number;
}

/**
 * Parses while counting the pattern work, so that the budget below is a count that no machine's
 * speed can change. Every decision the parser takes about a line is a pattern applied to it, and
 * once `RegExp.prototype.exec` is replaced, every `test`, `replace`, `split` and `match` with a
 * RegExp calls it (ECMAScript's RegExpExec looks `exec` up on each use). The parse is synchronous,
 * so nothing else runs while the counter is in place.
 */
function countParseWork(text: string): ParseWork {
  const exec = RegExp.prototype.exec; // eslint-disable-line @typescript-eslint/unbound-method -- put back below
  let applications = 0;
  let charactersMatched = 0;
  RegExp.prototype.exec = function countedExec(this: RegExp, input: string) {
    applications++;
    if (!this.global && !this.sticky) {
      charactersMatched += input.length;
      return exec.call(this, input);
    }
    const from = this.lastIndex;
    const found = exec.call(this, input);
    // A sticky pattern tries one position (split steps one through the string so); a global one that
    // finds nothing has looked to the end.
    const to = found !== null ? this.lastIndex : this.sticky ? from + 1 : input.length;
    charactersMatched += Math.max(0, to - from);
    return found;
  };
  try {
    return { trace: traceCurriculum(text), applications, charactersMatched };
  } finally {
    RegExp.prototype.exec = exec;
  }
}

/**
 * "Stays within a linear budget", as counts: per character and line of the document, at most
 * APPLICATIONS_PER_UNIT pattern applications and CHARACTERS_MATCHED_PER_UNIT characters handed to
 * patterns. On these documents the figures are at most about 2.1 and 9.7 per unit. A budget alone
 * misses a parser that is quadratic but cheap per step on documents of this size, so the growth check
 * below also asks that the per-unit figures stay flat as a seed is repeated up to eight times.
 * NOT counted: work done without a RegExp (loops over lines or characters with string methods such as
 * indexOf, startsWith or includes) and what a pattern does inside one line (its backtracking;
 * MAX_LINE_CHARACTERS bounds that line). A rescan written with string methods only would pass unseen.
 */
const APPLICATIONS_PER_UNIT = 8;
const CHARACTERS_MATCHED_PER_UNIT = 32;

function expectLinearWork(text: string, work: ParseWork): void {
  const lines = text.split(/\r\n|\n|\r/).length;
  const units = text.length + lines;
  // The counter must see the parse at all, or the budget would pass on nothing.
  if (work.applications < lines) expect(work.applications, "pattern applications counted").toBeGreaterThanOrEqual(lines);
  const described = `parse of a ${text.length}-character document`;
  if (work.applications > APPLICATIONS_PER_UNIT * units)
    expect(work.applications, `pattern applications, ${described}`).toBeLessThanOrEqual(APPLICATIONS_PER_UNIT * units);
  if (work.charactersMatched > CHARACTERS_MATCHED_PER_UNIT * units)
    expect(work.charactersMatched, `characters matched, ${described}`).toBeLessThanOrEqual(CHARACTERS_MATCHED_PER_UNIT * units);
}

describe("the parser's work as a document grows", () => {
  /** Per-unit figure growth allowed between a seed and the same seed eight times over (flat today). */
  const GROWTH_ALLOWED = 1.2;
  it.each(Object.entries(seeds).map(([name, text]) => ({ name, text })))(
    "$name repeated 1, 2 and 8 times (under the size limit) costs the same per character and line",
    ({ text }) => {
      const perUnit = (times: number) => {
        const document = Array.from({ length: times }, () => text).join("\n");
        expect(document.length).toBeLessThanOrEqual(MAX_CURRICULUM_CHARACTERS);
        const work = countParseWork(document);
        const units = document.length + document.split(/\r\n|\n|\r/).length;
        return { applications: work.applications / units, charactersMatched: work.charactersMatched / units };
      };
      const once = perUnit(1);
      const twice = perUnit(2);
      const eight = perUnit(8);
      expect(twice.applications, "pattern applications per unit, ×2 against ×1").toBeLessThanOrEqual(once.applications * GROWTH_ALLOWED);
      expect(eight.applications, "pattern applications per unit, ×8 against ×1").toBeLessThanOrEqual(once.applications * GROWTH_ALLOWED);
      expect(eight.charactersMatched, "characters matched per unit, ×8 against ×1").toBeLessThanOrEqual(
        once.charactersMatched * GROWTH_ALLOWED,
      );
    },
  );
});

describe("the parser on a thousand damaged copies of each seed", () => {
  // One test per seed, each within the default hang guard: 2,000 parses took 32 s alone and 102 s at a load of 15–18.
  it.each(Object.entries(seeds).map(([name, text], index) => ({ name, text, seed: 0xc0ffee + index })))(
    "$name: never throws, stays within a linear work budget, and never drops a line it does not report",
    ({ text, seed }) => {
      const random = createRandom(seed);
      let accepted = 0;
      let refused = 0;
      for (let round = 0; round < DOCUMENTS_PER_SEED; round++) {
        const damaged = round % 2 === 0 ? mutate(text, random) : mutateCharacters(text, random);
        let work: ParseWork | undefined;
        expect(() => {
          work = countParseWork(damaged);
        }).not.toThrow();
        if (work === undefined) throw new Error("no trace");
        expectNothingSilentlyDropped(damaged, work.trace);
        expectWellFormedRefusal(damaged, work.trace);
        if (work.trace.result.ok) accepted++;
        else refused++;
        expectLinearWork(damaged, work);
      }
      // Both outcomes must be exercised for the properties to mean anything.
      expect(accepted).toBeGreaterThan(150);
      expect(refused).toBeGreaterThan(150);
    },
  );
});
