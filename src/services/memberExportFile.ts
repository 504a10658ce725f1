import { indentedArrayBytes, indentedFieldPieces, indentedJson, indentedObjectEnd } from "../domain/export/indentedJson.js";
import { documentsWithinBudget, exportDocumentBudgetBytes, type DocumentCandidate } from "../domain/privacy/documentsWithinBudget.js";
import type { ImportPreviewSummary, PrivacyRepository } from "../db/repositories/PrivacyRepository.js";
import { BoundedFile } from "./boundedFile.js";

/** The export's version: bump it when the shape in the README changes. */
export const exportFormatVersion = 8;

/** `/privacy export`'s JSON file (the README documents its shape). */
export interface MemberExportFile {
  readonly guildId: string;
  /** Nothing is stored about the caller here: every list of the file is empty. */
  readonly empty: boolean;
  readonly file: Buffer;
}

/** Counts the rows of a list as they are written. */
async function* counted<T>(rows: AsyncIterable<T>, tally: { rows: number }): AsyncGenerator<T> {
  for await (const row of rows) {
    tally.rows += 1;
    yield row;
  }
}

async function* listed<T>(values: readonly T[]): AsyncGenerator<T> {
  yield* values;
}

/** The import preview as the file says it, in the README's field order. */
function previewEntry(preview: ImportPreviewSummary, documentInExport: boolean) {
  return {
    curriculum: preview.curriculum,
    status: preview.status,
    documentBytes: preview.documentBytes,
    documentSha256: preview.documentSha256,
    documentInExport,
    createdAt: preview.createdAt,
    expiresAt: preview.expiresAt,
  };
}

const previewsField = `,\n  "pendingImports": `;
const documentsField = `,\n  "importDocuments": `;
const documentEnd = indentedObjectEnd(0, false);
/** What follows the previews at the least: no document copied, and the file's end. */
const fileEndBytes = documentsField.length + "[]".length + documentEnd.length;
/** What each further element adds to a list in the file's top object (its separator), and what a first one adds beside it. */
const elementSeparatorBytes = indentedArrayBytes(2, 0, 1) - indentedArrayBytes(1, 0, 1);
const firstElementBytes = indentedArrayBytes(1, 0, 1) - indentedArrayBytes(0, 0, 1) - elementSeparatorBytes;
/** A copied document's entry beside its text (its hash, keys and indentation). */
const documentEntryBytes = Buffer.byteLength(indentedJson({ sha256: "0".repeat(64), text: "" }, 2)) - '""'.length;
/** A preview whose document is copied says `true`, a byte shorter than `false`. */
const copiedPreviewSaving = "false".length - "true".length;

/**
 * The user's import previews while the file has room for them (each said with `false`, its longest) and
 * for its end after them (no document copied); null, having stopped reading them, once it has not.
 */
async function previewsWithin(previews: AsyncIterable<ImportPreviewSummary>, room: number): Promise<ImportPreviewSummary[] | null> {
  const kept: ImportPreviewSummary[] = [];
  let entryBytes = 0;
  for await (const preview of previews) {
    kept.push(preview);
    entryBytes += Buffer.byteLength(indentedJson(previewEntry(preview, false), 2));
    if (previewsField.length + indentedArrayBytes(kept.length, entryBytes, 1) + fileEndBytes > room) return null;
  }
  return kept;
}

/**
 * Which documents to copy: each distinct one once within the 4 MiB budget, and within what the file still
 * has room for after the previews and the end, exactly (a copied document's entry, less a byte for each
 * preview that then says `true`). When everything fits this copies what the budget alone would.
 */
function documentsCopied(previews: readonly ImportPreviewSummary[], room: number): Set<string> {
  const naming = new Map<string, number>();
  let previewBytes = 0;
  for (const preview of previews) {
    naming.set(preview.documentSha256, (naming.get(preview.documentSha256) ?? 0) + 1);
    previewBytes += Buffer.byteLength(indentedJson(previewEntry(preview, false), 2));
  }
  const withoutDocuments = previewsField.length + indentedArrayBytes(previews.length, previewBytes, 1) + fileEndBytes;
  const candidates: DocumentCandidate[] = previews.map((preview) => ({
    sha256: preview.documentSha256,
    textBytes: preview.textBytes,
    fileBytes:
      elementSeparatorBytes + documentEntryBytes + preview.textBytes - copiedPreviewSaving * (naming.get(preview.documentSha256) ?? 0),
  }));
  return documentsWithinBudget(candidates, exportDocumentBudgetBytes, room - withoutDocuments - firstElementBytes);
}

/** Documents read again at once: a few, each up to 256 KB. */
const documentsPerRead = 4;

/**
 * The copied documents' texts, each once, in the order of the first preview naming it, read again a few at
 * a time by the first preview naming each; one cleared in between (a day past its expiry, mid-export) is read
 * by the next preview naming the same document. Cleared with every preview naming it, its text is left out,
 * though its previews say it is copied; the file stays within its limit.
 */
async function* copiedDocuments(
  privacy: PrivacyRepository,
  previews: readonly ImportPreviewSummary[],
  copied: ReadonlySet<string>,
): AsyncGenerator<{ sha256: string; text: string }> {
  const naming = new Map<string, number[]>();
  for (const preview of previews) {
    if (!copied.has(preview.documentSha256)) continue;
    const ids = naming.get(preview.documentSha256);
    if (ids === undefined) naming.set(preview.documentSha256, [preview.id]);
    else ids.push(preview.id);
  }
  const documents = [...naming];
  for (let start = 0; start < documents.length; start += documentsPerRead)
    yield* documentsOf(privacy, documents.slice(start, start + documentsPerRead));
}

/** The texts of these documents (each with the ids of the previews naming it), in order, each read by the first preview still there. */
async function* documentsOf(
  privacy: PrivacyRepository,
  documents: readonly (readonly [string, readonly number[]])[],
): AsyncGenerator<{ sha256: string; text: string }> {
  const texts = new Map<string, string>();
  for (let attempt = 0; ; attempt += 1) {
    const asked = new Map<number, string>();
    for (const [sha256, ids] of documents) {
      const id = ids[attempt];
      if (!texts.has(sha256) && id !== undefined) asked.set(id, sha256);
    }
    if (asked.size === 0) break;
    for await (const { id, text } of privacy.importDocumentTexts([...asked.keys()])) texts.set(asked.get(id) ?? "", text);
  }
  for (const [sha256] of documents) {
    const text = texts.get(sha256);
    if (text !== undefined) yield { sha256, text };
  }
}

/**
 * `/privacy export`'s file, written as its rows are read a page at a time (PrivacyRepository.exportPages)
 * and counted as written: null, having stopped reading, as soon as it would pass `limitBytes`. Only the
 * file itself (under the limit) and the import previews' sizes and hashes are held, never the history.
 * Byte for byte `JSON.stringify(document, null, 2)` of the whole document (see indentedJson).
 */
export async function memberExportFile(
  privacy: PrivacyRepository,
  request: { readonly guildId: string; readonly userId: string; readonly now: Date },
  limitBytes: number,
): Promise<MemberExportFile | null> {
  const { guildId, userId, now } = request;
  const file = new BoundedFile(limitBytes);
  const tally = { rows: 0 };
  // Rows as they stood when the export began: one changed mid-export is written once (see MemberExportCeiling).
  const ceiling = await privacy.exportCeiling(now);
  const pages = privacy.exportPages(guildId, userId, ceiling);
  const head: [string, unknown][] = [
    ["format", "cohort-bot/member-export"],
    ["version", exportFormatVersion],
    ["exportedAt", now],
    ["guildId", guildId],
    ["userId", userId],
    ["memberships", counted(pages.memberships, tally)],
    ["cohortsCreated", counted(pages.cohortsCreated, tally)],
    ["adminActions", counted(pages.adminActions, tally)],
    ["nudgesSent", counted(pages.nudgesSent, tally)],
  ];
  if (!file.write("{")) return null;
  for (const [index, [key, value]] of head.entries())
    if (!(await file.writeAll(indentedFieldPieces(key, value, 0, index === 0)))) return null;
  const previews = await previewsWithin(privacy.importPreviews(guildId, userId, ceiling), file.room);
  if (previews === null) return null;
  const copied = documentsCopied(previews, file.room);
  const entries = previews.map((preview) => previewEntry(preview, copied.has(preview.documentSha256)));
  const written =
    (await file.writeAll(indentedFieldPieces("pendingImports", listed(entries), 0, false))) &&
    (await file.writeAll(indentedFieldPieces("importDocuments", copiedDocuments(privacy, previews, copied), 0, false))) &&
    file.write(documentEnd);
  if (!written) return null;
  return { guildId, empty: tally.rows + previews.length === 0, file: file.toBuffer() };
}
