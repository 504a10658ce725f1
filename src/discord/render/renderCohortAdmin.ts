import type { APIEmbed, APIEmbedField } from "discord.js";
import { CohortStatus, isRunning, type Cohort } from "../../domain/cohort/cohortModel.js";
import type { ChannelTrouble, CohortInfoView, CohortListView, CohortSummaryView, InfoField } from "../../services/CohortInfoService.js";
import type { StatusChangeView } from "../../services/CohortService.js";
import type { Reply } from "../commandTypes.js";
import { localDateText, weekdayName } from "../i18n/formatters.js";
import { languages } from "../i18n/languages.js";
import { channelMention, roleMention } from "../i18n/mentions.js";
import { permissionList } from "../i18n/renderUserError.js";
import { markup, type Translator } from "../i18n/Translator.js";
import type { MessageKey } from "../i18n/locales/en.js";
import { embedLength, fitLines } from "./fitLines.js";
import { heldChannelText } from "./heldChannelText.js";
import { colors, limits, timestamp, truncate } from "./format.js";

const statusColors: Record<CohortStatus, number> = {
  [CohortStatus.Active]: colors.brand,
  [CohortStatus.Paused]: colors.warning,
  [CohortStatus.Ended]: colors.neutral,
  [CohortStatus.Finished]: colors.success,
};

function statusLabel(t: Translator, status: CohortStatus): string {
  return t.plain(`cohortAdmin.status.${status}`);
}

function weekText(t: Translator, view: CohortSummaryView): string {
  const total = view.totalWeeks;
  // Ended early: where it stopped, not where its calendar would be now (nor "not started" for one that never will).
  if (view.endedInWeek !== null)
    return view.endedInWeek <= 0
      ? t.t("cohortAdmin.weekEndedBeforeStart", { total })
      : t.t("cohortAdmin.weekEndedIn", { week: Math.min(view.endedInWeek, total), total });
  if (view.currentWeek <= 0) return t.t("cohortAdmin.weekNotStarted", { total });
  if (view.currentWeek > total) return t.t("cohortAdmin.weekFinished", { total });
  return t.t("cohortAdmin.weekCurrent", { week: view.currentWeek, total });
}

/**
 * A cohort name (at most 80 characters) whole in /cohort list: each character takes at most two UTF-16 units,
 * escaped ("\\*") or not ("𝐁", an emoji).
 */
const maxListedName = 160;

/** `narrowed`: the list was asked for one cohort, so its length is not the server's count. */
export function renderCohortList(t: Translator, views: readonly CohortListView[], narrowed = false): Reply {
  if (views.length === 0) return { content: t.t("cohort.noneInServer"), ephemeral: true };
  const entries = views.map((view) => {
    const { cohort } = view;
    return [
      [
        t.t("cohortAdmin.listName", {
          name: markup(truncate(t.user(cohort.name), maxListedName)),
          status: markup(statusLabel(t, view.shownStatus)),
          channel: channelMention(cohort),
        }),
        // A running cohort whose posts wait for its channel (flagged when a post failed there): /cohort info says what to
        // fix, unless the bot can post there again already (the scheduler's next look sends them).
        ...(isRunning(cohort.status) && cohort.channelProblem !== null ? [listHoldText(t, view)] : []),
      ].join(" · "),
      t.t("cohortAdmin.listDetail", {
        curriculum: markup(truncate(t.user(view.curriculum.title), 100)),
        start: localDateText(t, cohort.settings.startDate),
        week: markup(weekText(t, view)),
        members: markup(t.t("cohortAdmin.members", { count: view.memberCount })),
      }),
    ].join("\n");
  });
  const embed: APIEmbed = {
    color: colors.brand,
    title: narrowed ? t.t("cohortAdmin.listOneTitle") : t.t("cohortAdmin.listTitle", { count: views.length }),
    description: fitLines(entries, limits.description, (count) => t.t("cohortAdmin.moreCohorts", { count })),
  };
  return { embeds: [embed], ephemeral: true };
}

function listHoldText(t: Translator, { cohort, channelUsableAgain }: CohortListView): string {
  if (!channelUsableAgain) return t.t("cohortAdmin.listOnHold");
  return t.t("cohortAdmin.listResuming", { paused: cohort.status === CohortStatus.Paused ? "yes" : "no" });
}

/** How a flagged channel holds a post already due: until it is fixed, or until the scheduler's next look at it. */
type Hold = "none" | "onHold" | "resuming";

const catchingUpKeys = {
  none: "cohortAdmin.postCatchingUp",
  onHold: "cohortAdmin.postOnHold",
  resuming: "cohortAdmin.postResuming",
} as const satisfies Record<Hold, MessageKey>;

/**
 * `sentUntil` (not null): due already, the scheduler sends it at its next tick (a cohort set up after its time), or,
 * while the channel is flagged, once it is fixed if that is before `sentUntil` (`onHold`), or at its next look at the
 * channel, fixed already (`resuming`).
 */
function postText(t: Translator, dueAt: Date, detail: string, sentUntil: Date | null, hold: Hold) {
  if (sentUntil !== null)
    return t.t(catchingUpKeys[hold], {
      at: markup(timestamp(dueAt, "F")),
      until: markup(timestamp(sentUntil, "F")),
      detail: markup(detail),
    });
  return t.t("cohortAdmin.postAt", { at: markup(timestamp(dueAt, "F")), relative: markup(timestamp(dueAt, "R")), detail: markup(detail) });
}

function languageLabel(code: string): string {
  return languages.get(code)?.label ?? code;
}

function scheduleFields(t: Translator, view: CohortInfoView): APIEmbedField[] {
  const next = view.nextWeekPost;
  const checkpoint = view.nextCheckpoint;
  const hold: Hold = view.cohort.channelProblem === null ? "none" : view.channelUsableAgain ? "resuming" : "onHold";
  return [
    {
      name: t.plain("cohortAdmin.field.nextWeeklyPost"),
      value:
        next === null
          ? t.t("cohortAdmin.noMorePosts")
          : postText(
              t,
              next.dueAt,
              t.t("cohortAdmin.postWeek", { week: String(next.weekNumber ?? "?") }),
              view.nextWeekPostSentUntil,
              hold,
            ),
    },
    {
      name: t.plain("cohortAdmin.field.nextCheckpoint"),
      value:
        checkpoint === null
          ? t.t("cohortAdmin.noMoreCheckpoints")
          : truncate(postText(t, checkpoint.post.dueAt, t.user(checkpoint.sectionTitle), checkpoint.sentUntil, hold), limits.fieldValue),
    },
  ];
}

function settingsFields(t: Translator, view: CohortInfoView): APIEmbedField[] {
  const { cohort } = view;
  const { settings } = cohort;
  const field = (key: Parameters<Translator["plain"]>[0], value: string, inline = true): APIEmbedField => ({
    name: t.plain(key),
    value,
    inline,
  });
  const fields: APIEmbedField[] = [
    field("cohortAdmin.field.status", statusLabel(t, view.shownStatus)),
    field("cohortAdmin.field.channel", channelMention(cohort).text),
    field("cohortAdmin.field.members", String(view.memberCount)),
    {
      name: t.plain("cohortAdmin.field.curriculum"),
      value: truncate(
        t.t("cohortAdmin.curriculumValue", {
          title: view.curriculum.title,
          slug: markup(view.curriculum.slug),
          weeks: view.curriculum.totalWeeks,
        }),
        limits.fieldValue,
      ),
    },
    field("cohortAdmin.field.start", `${localDateText(t, settings.startDate)} · ${timestamp(view.startsAt, "R")}`),
    field("cohortAdmin.field.lastDay", localDateText(t, view.lastDate)),
    field("cohortAdmin.field.progress", weekText(t, view)),
    field("cohortAdmin.field.timeZone", settings.timeZone),
    field(
      "cohortAdmin.field.weeklyPost",
      t.t("cohortAdmin.weeklyPostValue", { weekday: weekdayName(t, settings.announceDay), time: markup(settings.announceTime) }),
    ),
    field("cohortAdmin.field.optional", t.t("cohortAdmin.optionalAssigned", { assigned: settings.includeOptional ? "yes" : "no" })),
    field("cohortAdmin.field.language", languageLabel(cohort.language)),
    ...(view.breakWeeks.length === 0 ? [] : [field("cohortAdmin.field.breaks", view.breakWeeks.join(", "))]),
    field("cohortAdmin.field.leaderboard", t.t("cohortAdmin.leaderboardValue", { board: cohort.leaderboard })),
    field(
      "cohortAdmin.field.excludeRole",
      cohort.excludeRoleId === null
        ? t.t("cohortAdmin.excludeRoleNone")
        : // Not its mention: Discord shows a deleted role's as "@deleted-role".
          view.excludeRoleDeleted
          ? t.t("cohortAdmin.excludeRoleDeletedValue")
          : roleMention(cohort.excludeRoleId).text,
    ),
    ...scheduleFields(t, view),
  ];
  if (cohort.status === CohortStatus.Paused) fields.push(field("cohortAdmin.field.note", t.t("cohortAdmin.pausedNote"), false));
  if (cohort.status === CohortStatus.Ended) fields.push(field("cohortAdmin.field.note", t.t("cohortAdmin.endedNote"), false));
  if (cohort.status === CohortStatus.Finished) fields.push(field("cohortAdmin.field.note", t.t("cohortAdmin.finishedNote"), false));
  if (view.finalEditWaiting)
    fields.push(
      field(
        "cohortAdmin.field.channelProblem",
        truncate(t.t("cohortAdmin.finalEditWaiting", { channel: channelMention(cohort) }), limits.fieldValue),
        false,
      ),
    );
  else if (view.finalEditChannelGone)
    fields.push(
      field(
        "cohortAdmin.field.channelProblem",
        truncate(t.t("cohortAdmin.finalEditChannelGone", { channel: channelMention(cohort) }), limits.fieldValue),
        false,
      ),
    );
  else if (view.postsOnHold && view.heldChannel !== null)
    fields.push(
      field("cohortAdmin.field.channelProblem", truncate(heldChannelText(t, cohort, view.heldChannel), limits.fieldValue), false),
    );
  if (view.channelTrouble !== null)
    fields.push(
      field("cohortAdmin.field.channelProblem", truncate(channelTroubleText(t, cohort, view.channelTrouble), limits.fieldValue), false),
    );
  if (view.picturesBlocked)
    fields.push(
      field(
        "cohortAdmin.field.picturesBlocked",
        truncate(t.t("cohortAdmin.picturesBlocked", { channel: channelMention(cohort) }), limits.fieldValue),
        false,
      ),
    );
  if (view.threadsBlocked)
    fields.push(
      field(
        "cohortAdmin.field.threadsBlocked",
        truncate(t.t("cohortAdmin.threadsBlocked", { channel: channelMention(cohort) }), limits.fieldValue),
        false,
      ),
    );
  if (view.boardsBlocked.length > 0)
    fields.push(
      field(
        "cohortAdmin.field.boardsBlocked",
        truncate(
          t.t("cohortAdmin.boardsBlocked", {
            channel: channelMention(cohort),
            permissions: markup(permissionList(t, view.boardsBlocked)),
            count: view.boardsBlocked.length,
          }),
          limits.fieldValue,
        ),
        false,
      ),
    );
  if (view.excludeRoleDeletedWarning)
    fields.push(field("cohortAdmin.field.excludeRoleDeleted", truncate(t.t("cohortAdmin.excludeRoleDeleted"), limits.fieldValue), false));
  if (view.excludeRoleUnlisted && cohort.excludeRoleId !== null)
    fields.push(
      field(
        "cohortAdmin.field.excludeRoleUnlisted",
        truncate(t.t("cohortAdmin.excludeRoleUnlisted", { role: roleMention(cohort.excludeRoleId) }), limits.fieldValue),
        false,
      ),
    );
  return fields;
}

/** What keeps the bot from posting in the channel now, naming the permissions it lacks there. */
function channelTroubleText(t: Translator, cohort: Cohort, trouble: ChannelTrouble): string {
  return t.t("cohortAdmin.channelTrouble", {
    check: trouble.check,
    channel: channelMention(cohort),
    permissions: markup(permissionList(t, trouble.missing)),
    count: trouble.missing.length,
  });
}

/** One line per section of an extension field: checkpoint totals, or the confidence map (on track / behind). */
function extraLines(t: Translator, extra: InfoField): string[] {
  if (extra.kind === "confidenceMap")
    return extra.sections.map((section) =>
      t.t("confidence.line", {
        section: section.sectionTitle,
        confident: section.onTrack.confident,
        confidentBehind: section.behind.confident,
        partly: section.onTrack.partly,
        partlyBehind: section.behind.partly,
        notYet: section.onTrack.notYet,
        notYetBehind: section.behind.notYet,
      }),
    );
  return extra.sections.map((section) =>
    t.t("cohortAdmin.tallyLine", {
      section: section.sectionTitle,
      confident: section.confident,
      partly: section.partly,
      notYet: section.notYet,
    }),
  );
}

/**
 * An extension field's lines, in curriculum order, to fit one field: when they do not all fit the latest
 * sections' stay (the checkpoints a facilitator acts on now) after "…and N earlier sections".
 */
function tallyValue(t: Translator, extra: InfoField): string {
  const lines = extraLines(t, extra);
  if (lines.length === 0) return t.t("cohortAdmin.tallyNone");
  const earlier = (count: number) => (count === 0 ? [] : [t.t("cohortAdmin.tallyEarlier", { count })]);
  // From the latest back: a line stays while it, the lines after it and the note on those before it fit.
  let first = lines.length;
  while (first > 0 && [...earlier(first - 1), ...lines.slice(first - 1)].join("\n").length <= limits.fieldValue) first -= 1;
  return [...earlier(first), ...lines.slice(first)].join("\n");
}

/** /cohort info (and the confirmation of create/edit, with `description`). */
export function renderCohortInfo(t: Translator, view: CohortInfoView, description?: string): Reply {
  const embed: APIEmbed = {
    color: statusColors[view.shownStatus],
    title: truncate(t.user(view.cohort.name), limits.title),
    ...(description === undefined ? {} : { description: truncate(description, limits.description) }),
    fields: settingsFields(t, view),
    footer: { text: t.plain("cohortAdmin.footer", { id: String(view.cohort.id) }) },
  };
  // Extensions (e.g. checkpoint self-assessments) come last and give way when the embed is full.
  for (const extra of view.extraFields) {
    const fields = embed.fields ?? [];
    if (fields.length >= limits.fields) break;
    const field: APIEmbedField = {
      name: truncate(t.plain(extra.kind === "confidenceMap" ? "confidence.name" : "cohortAdmin.tallyName"), limits.fieldName),
      value: truncate(tallyValue(t, extra), limits.fieldValue),
    };
    if (embedLength(embed) + field.name.length + field.value.length > limits.embedTotal) break;
    fields.push(field);
  }
  return { embeds: [embed], ephemeral: true };
}

export function renderCohortCreated(t: Translator, view: CohortInfoView): Reply {
  return renderCohortInfo(t, view, t.t("cohortAdmin.created", { name: view.cohort.name, channel: channelMention(view.cohort) }));
}

/**
 * `weekPostsLeftUp`: weeks whose post went out before a start-date edit moved them (the bot does not delete it).
 * `changed`: false when every value given was the cohort's already.
 */
export function renderCohortEdited(t: Translator, view: CohortInfoView, weekPostsLeftUp: readonly number[] = [], changed = true): Reply {
  const edited = t.t(changed ? "cohortAdmin.edited" : "cohortAdmin.unchanged", { name: view.cohort.name });
  const leftUp =
    weekPostsLeftUp.length === 0
      ? []
      : [t.t("cohortAdmin.weekPostsLeftUp", { count: weekPostsLeftUp.length, weeks: weekPostsLeftUp.join(", ") })];
  return renderCohortInfo(t, view, [edited, ...leftUp].join("\n\n"));
}

const statusKeys = {
  paused: "cohortAdmin.paused",
  ended: "cohortAdmin.ended",
  active: "cohortAdmin.resumed",
  finished: "cohortAdmin.finished",
} as const satisfies Record<CohortStatus, string>;

/** The answer to pause, resume and end. */
export function renderCohortStatus(t: Translator, { cohort, closingSent }: StatusChangeView): Reply {
  const description = t.t(statusKeys[cohort.status], { name: cohort.name, posted: closingSent ? "yes" : "no" });
  return { embeds: [{ color: statusColors[cohort.status], title: statusLabel(t, cohort.status), description }], ephemeral: true };
}
