/** Deterministic random edits of documents, for the parser's fuzz tests. */

/** xorshift32: a tiny deterministic generator so the fuzz cases are the same on every run. */
export function createRandom(seed: number): { next(): number; int(limit: number): number; pick<T>(values: readonly T[]): T } {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const int = (limit: number): number => Math.floor(next() * limit);
  const pick = <T>(values: readonly T[]): T => {
    const value = values[int(values.length)];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  };
  return { next, int, pick };
}

export const FRAGMENTS = [
  "Week ",
  "Weeks ",
  "1",
  "2-3",
  "0",
  "5-3",
  "99999999999",
  ": ",
  "Title",
  "\n",
  "\n",
  "\n",
  "- [ ] ",
  "- [x] ",
  "- ",
  "Required",
  "Optional",
  "Reference",
  "Mandatory",
  " -- ",
  " — ",
  "(",
  ")",
  "30 min",
  "1.5 hours",
  "abc",
  "Checkpoint",
  "Estimated reading time: ",
  "---",
  "# ",
  "## ",
  "### Phase 1: X (Weeks 1-4)",
  "**",
  "Choose one path:",
  "**For all:** x",
  "‚Äî",
  "üöÄ",
  "\uF8FF",
  "√",
  "é",
  "🚀",
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\r",
  "\t",
  " ",
  "```",
  "Checklist",
  "(Weeks 2-1)",
];

export function mutate(text: string, random: ReturnType<typeof createRandom>): string {
  const lines = text.split("\n");
  const edits = 1 + random.int(4);
  for (let edit = 0; edit < edits; edit++) {
    const at = random.int(lines.length + 1);
    switch (random.int(6)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, lines[random.int(lines.length)] ?? "");
        break;
      case 2: {
        const other = random.int(lines.length);
        const swapped = lines[other] ?? "";
        lines[other] = lines[at] ?? "";
        lines[at] = swapped;
        break;
      }
      case 3: {
        const line = lines[at] ?? "";
        const position = random.int(line.length + 1);
        lines[at] = line.slice(0, position) + random.pick(FRAGMENTS) + line.slice(position);
        break;
      }
      case 4: {
        const line = lines[at] ?? "";
        lines[at] = line.slice(0, random.int(line.length + 1));
        break;
      }
      default:
        lines.length = Math.min(lines.length, at);
    }
  }
  return lines.join("\n");
}

const CHARACTERS = ["-", "#", "`", "~", "*", "[", "]", " ", ":", "(", ")", "\n", "x", "1", "—", "é", "🚀", "\t"];

/** Character-level damage anywhere in the text: deletions, insertions and a duplicated run. */
export function mutateCharacters(text: string, random: ReturnType<typeof createRandom>): string {
  let result = text;
  const edits = 1 + random.int(6);
  for (let edit = 0; edit < edits; edit++) {
    const at = random.int(result.length + 1);
    switch (random.int(3)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + 1 + random.int(3));
        break;
      case 1:
        result = result.slice(0, at) + random.pick(CHARACTERS) + result.slice(at);
        break;
      default:
        result = result.slice(0, at) + result.slice(at, at + random.int(200)) + result.slice(at);
    }
  }
  return result;
}
