import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { traceCurriculum, type CurriculumTrace } from "../../src/domain/curriculum/parse/parseCurriculum.js";
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

function timeParse(text: string): number {
  const started = performance.now();
  traceCurriculum(text);
  return performance.now() - started;
}

/**
 * "Never takes more than 100 ms", checked so that the machine's speed cannot
 * decide it: a parse measured under 100 ms passes (a fast measurement is
 * never wrong). A slower one may be the machine (two shared cores, other
 * test files running), so the document is then timed against the unmutated
 * seed, interleaved, five times: it must cost at most 20 times what the seed
 * costs per character at the same moment. Only work that grows faster than
 * the text (backtracking, rescanning) can fail that, whatever the machine.
 */
function expectFastEnough(damaged: string, seed: string): void {
  if (timeParse(damaged) <= 100) return;
  const scale = Math.max(1, damaged.length / seed.length);
  let bestRatio = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const document = timeParse(damaged);
    bestRatio = Math.min(bestRatio, document / (timeParse(seed) * scale));
  }
  expect(bestRatio, `parse of a ${damaged.length}-character document against its seed`).toBeLessThanOrEqual(20);
}

describe("the parser on thousands of damaged copies of both seeds", () => {
  it("never throws, stays within a linear time budget, and never drops a line it does not report", () => {
    const random = createRandom(0xc0ffee);
    let accepted = 0;
    let refused = 0;
    for (const text of Object.values(seeds)) {
      for (let round = 0; round < DOCUMENTS_PER_SEED; round++) {
        const damaged = round % 2 === 0 ? mutate(text, random) : mutateCharacters(text, random);
        let trace: CurriculumTrace | undefined;
        expect(() => {
          trace = traceCurriculum(damaged);
        }).not.toThrow();
        if (trace === undefined) throw new Error("no trace");
        expectNothingSilentlyDropped(damaged, trace);
        expectWellFormedRefusal(damaged, trace);
        if (trace.result.ok) accepted++;
        else refused++;
        expectFastEnough(damaged, text);
      }
    }
    // Both outcomes must be exercised for the properties to mean anything.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  }, 180_000);
});
