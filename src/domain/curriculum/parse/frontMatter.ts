/** YAML-ish front matter ("---" … "---") at the top of a Markdown path: only flat `key: value` entries are read. */
import { ProblemCode } from "./problemCodes.js";
import type { ProblemList } from "./ProblemList.js";
import { readsAsSectionHeading } from "./weekHeading.js";
import { SkipReason, type LineLedger, type SourceLine } from "./sourceLines.js";

const FRONT_MATTER_ENTRY = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value.trim());
  return match === null ? value.trim() : (match[2] ?? "");
}

export interface FrontMatter {
  readonly entries: ReadonlyMap<string, string>;
  /** Index of the first line after it (the first content line when there is none). */
  readonly bodyStart: number;
}

/** Reads the front matter; null (after reporting) when it is never closed. */
export function readFrontMatter(lines: readonly SourceLine[], problems: ProblemList, ledger: LineLedger): FrontMatter | null {
  const entries = new Map<string, string>();
  const start = lines.findIndex((line) => line.text.trim() !== "");
  const opening = lines[start];
  if (opening === undefined || opening.text.trim() !== "---") return { entries, bodyStart: start };
  const close = lines.findIndex((line, position) => position > start && (line.text.trim() === "---" || line.text.trim() === "..."));
  if (close < 0) {
    problems.add(opening.number, ProblemCode.FrontMatterUnclosed);
    return null;
  }
  for (const line of lines.slice(start, close + 1)) {
    ledger.skip(line.number, SkipReason.FrontMatter);
    // A heading the author meant for the path must not vanish into the metadata.
    if (readsAsSectionHeading(line.text.trim())) problems.add(line.number, ProblemCode.FrontMatterHidesSection);
    const entry = FRONT_MATTER_ENTRY.exec(line.text);
    if (entry !== null) entries.set(entry[1] ?? "", unquote(entry[2] ?? ""));
  }
  return { entries, bodyStart: close + 1 };
}
