import { MAX_REPORTED_PROBLEMS } from "./limits.js";
import { ProblemCode, type ParseProblem, type ProblemParams } from "./problemCodes.js";

/** Problems found so far; every one names its line. */
export class ProblemList {
  private readonly problems: ParseProblem[] = [];
  private readonly lines = new Set<number>();

  add(line: number, code: ProblemCode, params: ProblemParams = {}): void {
    this.problems.push({ line, code, params });
    this.lines.add(line);
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  /** The codes found so far. */
  get codes(): ReadonlySet<ProblemCode> {
    return new Set(this.problems.map((problem) => problem.code));
  }

  /** Lines with at least one problem. */
  get reportedLines(): ReadonlySet<number> {
    return this.lines;
  }

  /** In file order, capped at MAX_REPORTED_PROBLEMS (the last one says how many more there are). */
  report(): ParseProblem[] {
    const ordered = this.problems
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => a.problem.line - b.problem.line || a.index - b.index)
      .map(({ problem }) => problem);
    if (ordered.length <= MAX_REPORTED_PROBLEMS) return ordered;
    const shown = ordered.slice(0, MAX_REPORTED_PROBLEMS - 1);
    const firstHidden = ordered[MAX_REPORTED_PROBLEMS - 1];
    shown.push({ line: firstHidden?.line ?? 1, code: ProblemCode.MoreProblems, params: { count: ordered.length - shown.length } });
    return shown;
  }
}
