import type { SeedDocument } from "../domain/curriculum/seedDocument.js";
import { echoedValue } from "../domain/text/characters.js";
import { createHash } from "node:crypto";
import { importCounts, type ParsedCurriculum, type ParseProblem, type ParseResult } from "../domain/curriculum/curriculumModel.js";
import { sameCurriculumTitle } from "../domain/curriculum/sameCurriculumTitle.js";
import { parseCurriculum } from "../domain/curriculum/parse/parseCurriculum.js";
import { isImporterProblem, ProblemCode } from "../domain/curriculum/parse/problemCodes.js";
import type { ItemDiff } from "../domain/curriculum/matchCurriculumVersions.js";
import type { CurriculumSummary, ImportSummary, PendingImport, StoredCurriculum } from "../domain/curriculum/storedCurriculum.js";
import { ImportOutcome, ImportRefusal, PendingImportStatus } from "../domain/curriculum/storedCurriculum.js";
import type { CurriculumRepository, ImportAuditLines } from "../db/repositories/CurriculumRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { matchScore } from "../domain/search/matchScore.js";
import { maxChoices, truncateChoiceName, type Choice } from "./CohortService.js";
import { findCurriculumByOption, usableCurricula, type UsableCurriculum } from "./findCurriculumByOption.js";
import type { PlanService } from "./PlanService.js";
import { AuditAction } from "../domain/audit/auditAction.js";
import type { AuditLog, AuditRecordInput } from "./AuditLog.js";
import { rowIdOf } from "../domain/rowId.js";
import { CohortStatus, type Cohort } from "../domain/cohort/cohortModel.js";
import { endedByShorterCourse } from "../domain/schedule/cohortBreaks.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";

export type ImportResult =
  { readonly ok: true; readonly summary: ImportSummary } | { readonly ok: false; readonly problems: readonly ParseProblem[] };

/**
 * Part of a stored document's hash: raise it when the parser reads the same
 * text differently (2: a phase's Objective became its checkpoint), so the
 * built-in curricula are read again once at the next start.
 */
const parseRevision = 2;
/** A re-import waiting for Confirm: what it would change, before anything is written. */
export interface ImportConfirmationView {
  readonly pendingId: number;
  readonly curriculum: CurriculumSummary;
  readonly sections: number;
  readonly items: number;
  /** The document gives time estimates (readings); without, its items are topics (`importCounts`). */
  readonly timed: boolean;
  readonly diff: ItemDiff;
  /** Completions of removed items: kept (the items are retired) but members no longer see those items. */
  readonly retiredCompletions: number;
  readonly affectedMembers: number;
  readonly expiresAt: Date;
  /**
   * A shorter version's weeks against the current one, and the server's running (active or paused) cohorts on it
   * whose course it would end at once: past its new last week, not past the current one. Null when no cohort is.
   */
  readonly endingCohorts: {
    readonly weeks: number;
    readonly previousWeeks: number;
    readonly names: readonly string[];
    /** How many of them are paused: their courses end when they are resumed (the closing post goes out then). */
    readonly paused: number;
  } | null;
  /** The server's finished cohorts on it when the new version is longer: they keep the course they finished (0 otherwise). */
  readonly finishedCohorts: number;
}

/** /curriculum import: refused, done at once (new or unchanged), or waiting for Confirm. */
export type ImportStart = ImportResult | { readonly ok: "confirm"; readonly confirmation: ImportConfirmationView };

/** How long an admin has to confirm a re-import. */
export const pendingImportLifetimeMs = 15 * 60_000;

interface PendingRequest {
  readonly guildId: string;
  readonly userId: string;
  readonly pendingId: string;
  readonly now: Date;
}

/** Parses a document; the app passes one that runs off the main thread (workers/CurriculumParserThread). */
export type ParseDocument = (text: string) => Promise<ParseResult>;

export class CurriculumService {
  constructor(
    private readonly curricula: CurriculumRepository,
    private readonly logger: Logger,
    /** Cached plans of a curriculum are dropped when an import changes it. */
    private readonly plans?: Pick<PlanService, "invalidate">,
    private readonly parse: ParseDocument = (text) => Promise.resolve(parseCurriculum(text)),
    /** Admins' imports write an audit line (seeding and the CLI have no admin); a shorter course, one on each cohort it ends. */
    private readonly audit?: AuditLog,
    /** A re-import's diff names the server's running cohorts a shorter version would end. */
    private readonly cohorts?: Pick<CohortRepository, "listInGuild">,
  ) {}

  /**
   * Parses and stores a learning-path document. A malformed document is
   * refused whole (nothing is written); the same document twice changes nothing.
   * `scope` is "" for built-in curricula, or the importing guild's id.
   */
  async importDocument(text: string, scope: string): Promise<ImportResult> {
    return this.store(await this.parse(text), text, scope);
  }

  /**
   * The audit lines an import writes in its own transaction: an admin's (`actorId`) import that creates or
   * updates writes one guild-wide line; any import, the bot's line on each running cohort its shorter course ends.
   */
  private auditLines(scope: string, actorId: string | null, now?: Date): ImportAuditLines | undefined {
    const audit = this.audit;
    if (audit === undefined) return undefined;
    return {
      now: now ?? audit.now(),
      ...(actorId === null ? {} : { importLine: (summary: ImportSummary) => audit.line(importAuditInput(summary, scope, actorId)) }),
      shortenedLine: (cohort, { curriculum }, previousWeeks) =>
        audit.line({
          guildId: cohort.guildId,
          cohortId: cohort.id,
          actorId: "",
          action: AuditAction.CourseShortened,
          after: { curriculum: curriculum.slug, title: curriculum.title, weeks: curriculum.totalWeeks, previousWeeks },
        }),
    };
  }

  private async store(parsed: ParseResult, text: string, scope: string): Promise<ImportResult> {
    if (!parsed.ok) {
      return { ok: false, problems: parsed.problems };
    }
    await this.refuseTakenSlug(parsed.curriculum, scope);
    const summary = await this.curricula.applyImport(parsed.curriculum, hashOf(text), scope, undefined, this.auditLines(scope, null));
    return { ok: true, summary: this.imported(summary, scope) };
  }

  /**
   * Refuses, writing nothing, a document whose title only slugs like the title of the curriculum it would update
   * or, from a server, of the built-in one it would shadow ("C# Path" and "C Path", two Cyrillic titles, two long
   * titles alike at the start): it would replace that other curriculum. A title differing only in case or spacing
   * is the same curriculum.
   */
  private async refuseTakenSlug(curriculum: ParsedCurriculum, scope: string): Promise<void> {
    const taken = await this.curricula.findVisibleBySlug(curriculum.slug, scope === "" ? null : scope);
    if (taken !== null && !sameCurriculumTitle(taken.title, curriculum.title)) {
      throw new UserError("curriculumImport.slugTaken", { title: taken.title, slug: taken.slug });
    }
  }

  private imported(summary: ImportSummary, scope: string): ImportSummary {
    if (summary.outcome === ImportOutcome.Updated) this.plans?.invalidate(summary.curriculum.id);
    this.logger.info(
      { slug: summary.curriculum.slug, scope, outcome: summary.outcome, items: summary.items, retired: summary.retiredItems },
      "curriculum imported",
    );
    return summary;
  }

  /**
   * /curriculum import from a server: a new curriculum is stored at once and
   * the same document again changes nothing, but a changed re-import only
   * shows its diff and waits (as a pending import) for its admin's Confirm.
   */
  async startImport(text: string, scope: string, userId: string, now: Date): Promise<ImportStart> {
    const parsed = await this.parse(text);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const { curriculum } = parsed;
    await this.refuseTakenSlug(curriculum, scope);
    const sourceHash = hashOf(text);
    const counts = importCounts(curriculum);
    const preview = await this.curricula.previewImport(curriculum, sourceHash, scope);
    if (preview === null) {
      const guard = { baseVersion: null, now };
      const result = await this.curricula.applyImport(curriculum, sourceHash, scope, guard, this.auditLines(scope, userId, now));
      if ("refused" in result) throw new UserError("curriculumImport.stale");
      const summary = this.imported(result, scope);
      const builtIns = await this.curricula.listVisible(null);
      return { ok: true, summary: { ...summary, replacesBuiltIn: builtIns.some((entry) => entry.slug === summary.curriculum.slug) } };
    }
    if (preview.kind === "unchanged") {
      return {
        ok: true,
        summary: { outcome: ImportOutcome.Unchanged, curriculum: preview.curriculum, ...counts, retiredItems: 0, removedItems: 0 },
      };
    }
    const pending = await this.curricula.createPendingImport({
      scope,
      userId,
      slug: curriculum.slug,
      baseVersion: preview.baseVersion,
      document: text,
      createdAt: now,
      expiresAt: new Date(now.getTime() + pendingImportLifetimeMs),
    });
    const { diff, retiredCompletions, affectedMembers } = preview;
    const endingCohorts = await this.cohortsEndedBy(scope, preview.curriculum, curriculum.totalWeeks, now);
    const finishedCohorts = await this.finishedCohortsKeeping(scope, preview.curriculum, curriculum.totalWeeks);
    return {
      ok: "confirm",
      confirmation: {
        pendingId: pending.id,
        curriculum: preview.curriculum,
        ...counts,
        diff,
        retiredCompletions,
        affectedMembers,
        expiresAt: pending.expiresAt,
        endingCohorts,
        finishedCohorts,
      },
    };
  }

  /** The running cohorts of the server on `current` whose course `weeks` weeks would end at `now` (see ImportConfirmationView). */
  private async cohortsEndedBy(
    scope: string,
    current: CurriculumSummary,
    weeks: number,
    now: Date,
  ): Promise<ImportConfirmationView["endingCohorts"]> {
    if (this.cohorts === undefined || weeks >= current.totalWeeks) return null;
    const running = (cohort: Cohort) =>
      cohort.curriculumId === current.id && (cohort.status === CohortStatus.Active || cohort.status === CohortStatus.Paused);
    const calendar = (cohort: Cohort) => ({
      startDate: cohort.settings.startDate,
      timeZone: cohort.settings.timeZone,
      breakWeeks: cohort.breakWeeks,
    });
    const ending = (await this.cohorts.listInGuild(scope)).filter(
      (cohort) => running(cohort) && endedByShorterCourse(calendar(cohort), weeks, current.totalWeeks, now),
    );
    if (ending.length === 0) return null;
    const paused = ending.filter((cohort) => cohort.status === CohortStatus.Paused).length;
    return { weeks, previousWeeks: current.totalWeeks, names: ending.map((cohort) => cohort.name), paused };
  }

  /** How many finished cohorts of the server on `current` a version of `weeks` weeks would have lengthened (they keep theirs). */
  private async finishedCohortsKeeping(scope: string, current: CurriculumSummary, weeks: number): Promise<number> {
    if (this.cohorts === undefined || weeks <= current.totalWeeks) return 0;
    const cohorts = await this.cohorts.listInGuild(scope);
    return cohorts.filter((cohort) => cohort.curriculumId === current.id && cohort.status === CohortStatus.Finished).length;
  }

  /**
   * Confirm under a re-import's diff: imports it once. Refused, writing
   * nothing, when it is not this admin's, was already confirmed or
   * cancelled, has expired, or the curriculum changed since the diff.
   */
  async confirmImport(request: PendingRequest): Promise<ImportSummary> {
    const pending = await this.pendingFor(request);
    const parsed = await this.parse(pending.document);
    if (!parsed.ok) throw confirmRefusal(parsed.problems);
    await this.refuseTakenSlug(parsed.curriculum, pending.scope);
    const guard = { baseVersion: pending.baseVersion, pendingId: pending.id, now: request.now };
    const lines = this.auditLines(pending.scope, request.userId, request.now);
    const result = await this.curricula.applyImport(parsed.curriculum, hashOf(pending.document), pending.scope, guard, lines);
    if ("refused" in result) {
      if (result.refused === ImportRefusal.Stale) throw new UserError("curriculumImport.stale");
      await this.pendingFor(request);
      throw new UserError("curriculumImport.expired");
    }
    return this.imported(result, pending.scope);
  }

  /** Cancel under a re-import's diff: nothing is written, and Confirm no longer works. */
  async cancelImport(request: PendingRequest): Promise<{ readonly slug: string }> {
    const pending = await this.pendingFor(request);
    if (!(await this.curricula.cancelPendingImport(pending.id))) await this.pendingFor(request);
    return { slug: pending.slug };
  }

  /** The caller's own pending import, still waiting; a UserError saying why not otherwise. */
  private async pendingFor({ guildId, userId, pendingId, now }: PendingRequest): Promise<PendingImport> {
    const id = rowIdOf(pendingId);
    const pending = id === null ? null : await this.curricula.findPendingImport(id);
    if (pending?.scope !== guildId) throw new UserError("curriculumImport.unknown");
    if (pending.userId !== userId) throw new UserError("curriculumImport.notYours");
    if (pending.status === PendingImportStatus.Applied) throw new UserError("curriculumImport.alreadyApplied");
    if (pending.status === PendingImportStatus.Cancelled) throw new UserError("curriculumImport.cancelled");
    if (pending.expiresAt.getTime() <= now.getTime()) throw new UserError("curriculumImport.expired");
    return pending;
  }

  /** Imports the built-in documents; a broken one is logged and skipped so the bot still starts. */
  async seed(documents: readonly SeedDocument[]): Promise<ImportSummary[]> {
    const summaries: ImportSummary[] = [];
    for (const document of documents) {
      // Built-in documents are parsed here: seeding runs before the bot serves anyone.
      let result: ImportResult;
      try {
        result = await this.store(parseCurriculum(document.text), document.text, "");
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        this.logger.error({ document: document.name, code: error.code }, "built-in curriculum refused");
        continue;
      }
      if (result.ok) {
        summaries.push(result.summary);
      } else {
        this.logger.error({ document: document.name, problems: result.problems.slice(0, 10) }, "built-in curriculum refused");
      }
    }
    return summaries;
  }

  /** Every curriculum the guild sees, a built-in one its own import shadows included (cohorts on it keep it). */
  list(guildId: string | null): Promise<CurriculumSummary[]> {
    return this.curricula.listVisible(guildId);
  }

  /**
   * /curriculum list: the curricula the guild can pick, as `/cohort create` resolves them, or only the one
   * `option` names (a UserError when it names none).
   */
  async listUsable(guildId: string, option: string | null = null): Promise<UsableCurriculum[]> {
    const visible = await this.curricula.listVisible(guildId);
    const usable = usableCurricula(visible);
    if (option === null || option.trim() === "") return usable;
    const named = namedBy(visible, option);
    return usable.filter((entry) => entry.id === named.id);
  }

  async show(slug: string, guildId: string | null): Promise<StoredCurriculum | null> {
    const summary = await this.curricula.findVisibleBySlug(slug, guildId);
    return summary === null ? null : this.curricula.load(summary.id);
  }

  /** The curriculum an option names (slug from autocomplete, or a slug or title typed by hand); a UserError when none. */
  async resolve(guildId: string, option: string): Promise<CurriculumSummary> {
    return namedBy(await this.curricula.listVisible(guildId), option);
  }

  /** /curriculum show: the option's curriculum, or the only one the guild sees. */
  async outline(guildId: string, option: string | null): Promise<StoredCurriculum> {
    let summary: CurriculumSummary;
    if (option !== null && option.trim() !== "") {
      summary = await this.resolve(guildId, option);
    } else {
      const visible = await this.listUsable(guildId);
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
    return (await this.listUsable(guildId))
      .map((entry) => ({ entry, score: Math.max(matchScore(entry.title, query), matchScore(entry.slug, query)) }))
      .filter(({ score }) => score >= 0)
      .sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title))
      .slice(0, maxChoices)
      .map(({ entry }) => ({ name: truncateChoiceName(entry.title), value: entry.slug }));
  }
}

/** An import's audit line: guild-wide (every cohort's trail lists it), naming the curriculum and what became of it. */
function importAuditInput({ curriculum, outcome }: ImportSummary, scope: string, actorId: string): AuditRecordInput {
  return {
    guildId: scope,
    cohortId: null,
    actorId,
    action: AuditAction.Import,
    after: { curriculum: curriculum.slug, title: curriculum.title, outcome },
  };
}

/**
 * What identifies a document's text: the same file saved with Windows line breaks, or with more or fewer
 * line breaks at its end, is the same file (re-importing it changes nothing and asks for no confirmation).
 */
function hashOf(text: string): string {
  return createHash("sha256").update(canonicalText(text)).update(`\0${parseRevision}`).digest("hex");
}

/** "\n" line breaks and exactly one at the end; linear (no regex over a run of line breaks). */
function canonicalText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n");
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "\n") end -= 1;
  return `${lines.slice(0, end)}\n`;
}

/**
 * Why a document read fine for the preview is refused on confirm: the importer's own fault (its worker
 * restarting, failed, or out of time: the pending import stays, Confirm may work later), or else a parser
 * changed by an update in between, under which the diff no longer holds.
 */
function confirmRefusal(problems: readonly ParseProblem[]): UserError {
  const [problem] = problems;
  if (problem?.code === ProblemCode.ImporterUnavailable) {
    return new UserError("curriculumImport.importerUnavailable", { seconds: Number(problem.params.seconds ?? 1) });
  }
  if (problem !== undefined && isImporterProblem(problem.code)) return new UserError("curriculumImport.importerFailed");
  return new UserError("curriculumImport.stale");
}

/** The curriculum of `visible` an option names; a UserError when none. */
function namedBy(visible: readonly CurriculumSummary[], option: string): CurriculumSummary {
  const found = findCurriculumByOption(visible, option);
  if (found === null) throw new UserError("curriculum.unknown", { value: echoedValue(option.trim()) });
  return found;
}
