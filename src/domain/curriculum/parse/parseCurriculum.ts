/**
 * Reads a curriculum document into plain data, or refuses it whole with
 * problems (codes with line numbers and parameters) an author can fix. Two
 * formats are understood, each in its own module over the shared line model:
 *
 * - the plain learning-path format (learningPathFormat.ts),
 * - the Markdown mastery-path format (masteryPathFormat.ts).
 *
 * Pure and deterministic: no I/O, no clock, and it never throws.
 */
import type { ParseResult } from "../curriculumModel.js";
import { repairMojibake } from "../repairMojibake.js";
import { finishCurriculum } from "./finishCurriculum.js";
import { parseLearningPath } from "./learningPathFormat.js";
import { MAX_CURRICULUM_CHARACTERS } from "./limits.js";
import { parseMarkdownPath } from "./masteryPathFormat.js";
import { ProblemCode, type ParseProblem } from "./problemCodes.js";
import { ProblemList } from "./ProblemList.js";
import { LineLedger, looksLikeMarkdown, reportControlCharacters, splitLines, type SkipReason } from "./sourceLines.js";

/** The result plus what became of each line: for tests that check nothing vanishes unreported. */
export interface CurriculumTrace {
  readonly result: ParseResult;
  /** Lines whose content is in the result. */
  readonly usedLines: ReadonlySet<number>;
  /** Lines deliberately left out of the outline, with the reason. */
  readonly skippedLines: ReadonlyMap<number, SkipReason>;
  /** Every line with a problem, including those beyond the reported cap. */
  readonly reportedLines: ReadonlySet<number>;
}

export function parseCurriculum(text: string): ParseResult {
  return traceCurriculum(text).result;
}

export function traceCurriculum(text: string): CurriculumTrace {
  const ledger = new LineLedger();
  const problems = new ProblemList();
  let result: ParseResult;
  try {
    result = parseText(text, ledger, problems);
  } catch (error) {
    // A bug in the importer must still reach the author as a refusal, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    result = refuse([{ line: 1, code: ProblemCode.ImporterFailed, params: { reason } }]);
  }
  return { result, usedLines: ledger.usedLines, skippedLines: ledger.skippedLines, reportedLines: problems.reportedLines };
}

function refuse(problems: readonly ParseProblem[]): ParseResult {
  return { ok: false, problems };
}

function parseText(text: unknown, ledger: LineLedger, problems: ProblemList): ParseResult {
  if (typeof text !== "string") return refuse([{ line: 1, code: ProblemCode.NotText, params: {} }]);
  if (text.length > MAX_CURRICULUM_CHARACTERS) {
    return refuse([{ line: 1, code: ProblemCode.FileTooLarge, params: { characters: text.length, limit: MAX_CURRICULUM_CHARACTERS } }]);
  }
  // Repairing never touches ASCII, so line numbers stay those of the original file.
  const repaired = repairMojibake(text).replace(/^\uFEFF/, "");
  const lines = splitLines(repaired, problems);
  if (lines.every((line) => line.text.trim() === "")) return refuse([{ line: 1, code: ProblemCode.FileEmpty, params: {} }]);
  reportControlCharacters(lines, problems);
  const draft = looksLikeMarkdown(lines) ? parseMarkdownPath(lines, problems, ledger) : parseLearningPath(lines, problems, ledger);
  return finishCurriculum(draft, problems);
}
