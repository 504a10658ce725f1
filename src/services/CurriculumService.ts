import { createHash } from "node:crypto";
import type { ParseProblem } from "../domain/curriculum/curriculumModel.js";
import { parseCurriculum } from "../domain/curriculum/parseCurriculum.js";
import type { CurriculumSummary, ImportSummary, StoredCurriculum } from "../domain/curriculum/storedCurriculum.js";
import type { CurriculumRepository } from "../db/repositories/CurriculumRepository.js";
import type { Logger } from "../logging/createLogger.js";

export type ImportResult =
  | { readonly ok: true; readonly summary: ImportSummary }
  | { readonly ok: false; readonly problems: readonly ParseProblem[] };

export interface SeedDocument {
  readonly name: string;
  readonly text: string;
}

export class CurriculumService {
  constructor(
    private readonly curricula: CurriculumRepository,
    private readonly logger: Logger,
  ) {}

  /**
   * Parses and stores a learning-path document. A malformed document is
   * refused whole (nothing is written); the same document twice changes nothing.
   * `scope` is "" for built-in curricula, or the importing guild's id.
   */
  async importDocument(text: string, scope: string): Promise<ImportResult> {
    const parsed = parseCurriculum(text);
    if (!parsed.ok) {
      return { ok: false, problems: parsed.problems };
    }
    const sourceHash = createHash("sha256").update(text).digest("hex");
    const summary = await this.curricula.applyImport(parsed.curriculum, sourceHash, scope);
    this.logger.info(
      { slug: summary.curriculum.slug, scope, outcome: summary.outcome, items: summary.items, retired: summary.retiredItems },
      "curriculum imported",
    );
    return { ok: true, summary };
  }

  /** Imports the built-in documents; a broken one is logged and skipped so the bot still starts. */
  async seed(documents: readonly SeedDocument[]): Promise<ImportSummary[]> {
    const summaries: ImportSummary[] = [];
    for (const document of documents) {
      const result = await this.importDocument(document.text, "");
      if (result.ok) {
        summaries.push(result.summary);
      } else {
        this.logger.error({ document: document.name, problems: result.problems.slice(0, 10) }, "built-in curriculum refused");
      }
    }
    return summaries;
  }

  list(guildId: string | null): Promise<CurriculumSummary[]> {
    return this.curricula.listVisible(guildId);
  }

  async show(slug: string, guildId: string | null): Promise<StoredCurriculum | null> {
    const summary = await this.curricula.findVisibleBySlug(slug, guildId);
    return summary === null ? null : this.curricula.load(summary.id);
  }
}
