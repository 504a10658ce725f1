import { ButtonStyle, type APIEmbedField } from "discord.js";
import type { ItemDiff } from "../../domain/curriculum/matchCurriculumVersions.js";
import type { ImportSummary } from "../../domain/curriculum/storedCurriculum.js";
import type { ImportConfirmationView, ImportStart } from "../../services/CurriculumService.js";
import { pendingImportLifetimeMs } from "../../services/CurriculumService.js";
import type { Reply } from "../commandTypes.js";
import { weeksText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { fitLines } from "./fitLines.js";
import { button, buttonRows, colors, limits, truncate } from "./format.js";
import { renderImportResult } from "./renderCurriculumAdmin.js";

const maxTitleLength = 120;

/** The custom ids under a re-import's diff: "import:confirm:<pendingId>" and "import:cancel:<pendingId>". */
export const importButtonPrefix = "import";
export const ImportAction = { Confirm: "confirm", Cancel: "cancel" } as const;

/** /curriculum import: problems, the result, or the diff of a re-import with Confirm and Cancel. */
export function renderImportStart(t: Translator, start: ImportStart): Reply {
  return start.ok === "confirm" ? renderImportConfirmation(t, start.confirmation) : renderImportResult(t, start);
}

function titlesField(
  t: Translator,
  key: "curriculumImport.addedField" | "curriculumImport.removedField" | "curriculumImport.changedField",
  count: number,
  titles: readonly string[],
  timed: "yes" | "no",
): APIEmbedField[] {
  if (count === 0) return [];
  const lines = titles.map((title) => truncate(t.t("curriculumImport.titleLine", { title }), maxTitleLength));
  const hidden = count - titles.length;
  if (hidden > 0) lines.push(t.t("curriculumImport.more", { count: hidden }));
  return [
    {
      name: t.plain(key, { count, timed }),
      value: fitLines(lines, limits.fieldValue, (more) => t.t("curriculumImport.more", { count: more + hidden })),
    },
  ];
}

/** Sections that keep their items but move to other weeks or take another title: the schedule changes all the same. */
function sectionsField(t: Translator, diff: ItemDiff): APIEmbedField[] {
  if (diff.sectionChanges === 0) return [];
  const lines = diff.sectionChangeExamples.map((change) => {
    const moved = change.weeks.start !== change.previousWeeks.start || change.weeks.end !== change.previousWeeks.end;
    const line = t.t("curriculumImport.sectionLine", {
      title: change.title,
      previousTitle: change.previousTitle,
      moved: moved ? "yes" : "no",
      renamed: change.title === change.previousTitle ? "no" : "yes",
      weeks: markup(weeksText(t, change.weeks.start, change.weeks.end)),
      previousWeeks: markup(weeksText(t, change.previousWeeks.start, change.previousWeeks.end)),
    });
    return truncate(line, maxTitleLength * 2);
  });
  const hidden = diff.sectionChanges - lines.length;
  if (hidden > 0) lines.push(t.t("curriculumImport.more", { count: hidden }));
  return [
    {
      name: t.plain("curriculumImport.sectionsField", { count: diff.sectionChanges }),
      value: fitLines(lines, limits.fieldValue, (more) => t.t("curriculumImport.more", { count: more + hidden })),
    },
  ];
}

/** Cohort names a warning lists; the rest are counted. */
const maxEndingNames = 5;
const maxEndingNameLength = 60;

/** A shorter version that would end running cohorts at once says so, naming them. */
function endingLine(t: Translator, ending: ImportConfirmationView["endingCohorts"]): string[] {
  if (ending === null) return [];
  const shown = ending.names.slice(0, maxEndingNames).map((name) => truncate(name, maxEndingNameLength));
  return [
    t.t("curriculumImport.endingCohorts", {
      weeks: ending.weeks,
      previous: ending.previousWeeks,
      count: ending.names.length,
      names: shown.join(", "),
      more: ending.names.length - shown.length,
      paused: ending.paused,
    }),
  ];
}

/** What a re-import would change, before anything is written; only Confirm writes. */
export function renderImportConfirmation(t: Translator, view: ImportConfirmationView): Reply {
  const { diff } = view;
  const timed = view.timed ? "yes" : "no";
  const description = [
    t.t("curriculumImport.intro", {
      title: view.curriculum.title,
      slug: markup(view.curriculum.slug),
      minutes: Math.round(pendingImportLifetimeMs / 60_000),
    }),
    t.t("curriculumImport.summary", { added: diff.added, removed: diff.removed, changed: diff.changed, kept: diff.kept, timed }),
    t.t("curriculumImport.affected", { completions: view.retiredCompletions, members: view.affectedMembers, timed }),
    ...endingLine(t, view.endingCohorts),
    ...(view.finishedCohorts === 0 ? [] : [t.t("curriculumImport.finishedCohortsKeep", { count: view.finishedCohorts })]),
  ].join("\n\n");
  const fields = [
    ...titlesField(t, "curriculumImport.addedField", diff.added, diff.addedTitles, timed),
    ...titlesField(t, "curriculumImport.removedField", diff.removed, diff.removedTitles, timed),
    ...titlesField(t, "curriculumImport.changedField", diff.changed, diff.changedTitles, timed),
    ...sectionsField(t, diff),
  ];
  const id = String(view.pendingId);
  return {
    embeds: [
      { color: colors.warning, title: t.plain("curriculumImport.heading"), description: truncate(description, limits.description), fields },
    ],
    components: buttonRows([
      button(`${importButtonPrefix}:${ImportAction.Confirm}:${id}`, t.plain("curriculumImport.confirm"), ButtonStyle.Success),
      button(`${importButtonPrefix}:${ImportAction.Cancel}:${id}`, t.plain("curriculumImport.cancel"), ButtonStyle.Secondary),
    ]),
    ephemeral: true,
  };
}

/** After Confirm: the result replaces the diff, and its buttons go. */
export function renderImportConfirmed(t: Translator, summary: ImportSummary): Reply {
  return { ...renderImportResult(t, { ok: true, summary }), components: [] };
}

/** After Cancel: the diff message says nothing changed, without buttons. */
export function renderImportCancelled(t: Translator, slug: string): Reply {
  return {
    embeds: [
      {
        color: colors.neutral,
        title: t.plain("curriculumImport.cancelledHeading"),
        description: t.t("curriculumImport.cancelledBody", { slug: markup(slug) }),
      },
    ],
    components: [],
    ephemeral: true,
  };
}
