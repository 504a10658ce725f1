/**
 * How many bytes of document text `/privacy export` copies: 4 MiB, well under Discord's 10 MB upload
 * limit, leaving room for the rest of the export (memberships, audit lines). A preview keeps up to
 * 256 KB for about a day, so an admin's previews could otherwise push the file past the limit.
 */
export const exportDocumentBudgetBytes = 4 * 1024 * 1024;

/** A document an export may copy: its hash, its text's bytes as written in the file (JSON-escaped), and what copying it adds to the file. */
export interface DocumentCandidate {
  readonly sha256: string;
  readonly textBytes: number;
  readonly fileBytes: number;
}

/** The bytes of `text` as written in the file: escapes ("\n", "\u0000") take more than the characters they stand for. */
export function documentTextBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), "utf8");
}

/**
 * The hashes of the documents copied: each distinct one once, in the order given, while the texts copied
 * fit `budgetBytes` and what they add to the file fits `roomBytes`; one that does not fit is left out
 * (named by size and hash only) and a later, smaller one may still fit.
 */
export function documentsWithinBudget(
  candidates: readonly DocumentCandidate[],
  budgetBytes: number,
  roomBytes: number = Number.POSITIVE_INFINITY,
): Set<string> {
  const seen = new Set<string>();
  const kept = new Set<string>();
  let text = 0;
  let file = 0;
  for (const candidate of candidates) {
    if (seen.has(candidate.sha256)) continue;
    seen.add(candidate.sha256);
    if (text + candidate.textBytes > budgetBytes || file + candidate.fileBytes > roomBytes) continue;
    text += candidate.textBytes;
    file += candidate.fileBytes;
    kept.add(candidate.sha256);
  }
  return kept;
}
