import type { SeedDocument } from "../domain/curriculum/seedDocument.js";
import { createHash } from "node:crypto";
import type { ParseProblem, ParseResult } from "../domain/curriculum/curriculumModel.js";
import { parseCurriculum } from "../domain/curriculum/parse/parseCurriculum.js";
import type { CurriculumSummary, ImportSummary, StoredCurriculum } from "../domain/curriculum/storedCurriculum.js";
import { ImportOutcome } from "../domain/curriculum/storedCurriculum.js";
import type { CurriculumRepository } from "../db/repositories/CurriculumRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { maxChoices, matchScore, truncateChoiceName, type Choice } from "./CohortService.js";
import { findCurriculumByOption } from "./findCurriculumByOption.js";
import type { PlanService } from "./PlanService.js";
import { AuditAction } from "../domain/audit/auditAction.js";
import type { AuditLog } from "./AuditLog.js";

export type ImportResult =
  { readonly ok: true; readonly summary: ImportSummary } | { readonly ok: false; readonly problems: readonly ParseProblem[] };

/** Parses a document; the app passes one that runs off the main thread (workers/CurriculumParserThread). */
export type ParseDocument = (text: string) => Promise<ParseResult>;

export class CurriculumService {
  constructor(
    private readonly curricula: CurriculumRepository,
    private readonly logger: Logger,
    /** Cached plans of a curriculum are dropped when an import changes it. */
    private readonly plans?: Pick<PlanService, "invalidate">,
    private readonly parse: ParseDocument = (text) => Promise.resolve(parseCurriculum(text)),
    /** Admins' imports write an audit line (seeding and the CLI have no admin). */
    private readonly audit?: AuditLog,
  ) {}

  /**
   * Parses and stores a learning-path document. A malformed document is
   * refused whole (nothing is written); the same document twice changes nothing.
   * `scope` is "" for built-in curricula, or the importing guild's id.
   */
  async importDocument(text: string, scope: string, actorId?: string): Promise<ImportResult> {
    const result = await this.store(await this.parse(text), text, scope);
    if (result.ok && actorId !== undefined && this.audit !== undefined) {
      const { curriculum, outcome } = result.summary;
      await this.audit.record({
        guildId: scope,
        cohortId: null,
        actorId,
        action: AuditAction.Import,
        after: { curriculum: curriculum.slug, title: curriculum.title, outcome },
      });
    }
    return result;
  }

  private async store(parsed: ParseResult, text: string, scope: string): Promise<ImportResult> {
    if (!parsed.ok) {
      return { ok: false, problems: parsed.problems };
    }
    const sourceHash = createHash("sha256").update(text).digest("hex");
    const summary = await this.curricula.applyImport(parsed.curriculum, sourceHash, scope);
    if (summary.outcome === ImportOutcome.Updated) this.plans?.invalidate(summary.curriculum.id);
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
      // Built-in documents are parsed here: seeding runs before the bot serves anyone.
      const result = await this.store(parseCurriculum(document.text), document.text, "");
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

  /** The curriculum an option names (slug from autocomplete, or a slug or title typed by hand); a UserError when none. */
  async resolve(guildId: string, option: string): Promise<CurriculumSummary> {
    const found = findCurriculumByOption(await this.curricula.listVisible(guildId), option);
    if (found === null) throw new UserError("curriculum.unknown", { value: option.trim().slice(0, 100) });
    return found;
  }

  /** /curriculum show: the option's curriculum, or the only one the guild sees. */
  async outline(guildId: string, option: string | null): Promise<StoredCurriculum> {
    let summary: CurriculumSummary;
    if (option !== null && option.trim() !== "") {
      summary = await this.resolve(guildId, option);
    } else {
      const visible = await this.curricula.listVisible(guildId);
      const [only] = visible;
      if (only === undefined) throw new UserError("curriculum.none");
      if (visible.length > 1) throw new UserError("curriculum.pickOne", { titles: visible.map((entry) => entry.title) });
      summary = only;
    }
    const curriculum = await this.curricula.load(summary.id);
    if (curriculum === null) throw new UserError("curriculum.unknown", { value: summary.slug });
    return curriculum;
  }

  /** Autocomplete for `curriculum` options: slug values, title names, the guild's own imports shadowing built-ins. */
  async suggest(guildId: string, query: string): Promise<Choice[]> {
    const visible = await this.curricula.listVisible(guildId);
    const bySlug = new Map<string, CurriculumSummary>();
    for (const entry of visible) {
      const seen = bySlug.get(entry.slug);
      if (seen === undefined || (seen.scope === "" && entry.scope !== "")) bySlug.set(entry.slug, entry);
    }
    return [...bySlug.values()]
      .map((entry) => ({ entry, score: Math.max(matchScore(entry.title, query), matchScore(entry.slug, query)) }))
      .filter(({ score }) => score >= 0)
      .sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title))
      .slice(0, maxChoices)
      .map(({ entry }) => ({ name: truncateChoiceName(entry.title), value: entry.slug }));
  }
}
