/** A document stored for the user (an import preview's upload), named by the SHA-256 of its text in UTF-8. */
export interface ExportedDocument {
  readonly sha256: string;
  readonly text: string;
}

/**
 * How many bytes of document text `/privacy export` copies: 4 MiB, well under Discord's 10 MB upload
 * limit, leaving room for the rest of the export (memberships, audit lines). A preview keeps up to
 * 256 KB for about a day, so an admin's previews could otherwise push the file past the limit.
 */
export const exportDocumentBudgetBytes = 4 * 1024 * 1024;

/**
 * Each distinct document once, in the order given, while its JSON-escaped text still fits the budget;
 * one that does not fit is left out (named by size and hash only) and a later, smaller one may still fit.
 */
export function documentsWithinBudget(documents: readonly ExportedDocument[], budgetBytes: number): ExportedDocument[] {
  const seen = new Set<string>();
  const kept: ExportedDocument[] = [];
  let used = 0;
  for (const document of documents) {
    if (seen.has(document.sha256)) continue;
    seen.add(document.sha256);
    // Measured as written in the file: escapes ("\n", "\u0000") take more than the characters they stand for.
    const size = Buffer.byteLength(JSON.stringify(document.text), "utf8");
    if (used + size > budgetBytes) continue;
    used += size;
    kept.push(document);
  }
  return kept;
}
