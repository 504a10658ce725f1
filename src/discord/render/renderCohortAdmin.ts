import type { APIEmbed, APIEmbedField } from "discord.js";
import { CohortStatus, type Cohort } from "../../domain/cohort/cohortModel.js";
import { messages } from "../../messages.js";
import type { CohortInfoView, CohortSummaryView } from "../../services/CohortInfoService.js";
import type { Reply } from "../commandTypes.js";
import { embedLength, fitLines } from "./fitLines.js";
import { colors, escapeText, limits, localDateText, timestamp, truncate, weekdayName } from "./format.js";

const statusLabels: Record<CohortStatus, string> = {
  [CohortStatus.Active]: "🟢 Active",
  [CohortStatus.Paused]: "⏸️ Paused",
  [CohortStatus.Ended]: "🏁 Ended",
};

const statusColors: Record<CohortStatus, number> = {
  [CohortStatus.Active]: colors.brand,
  [CohortStatus.Paused]: colors.warning,
  [CohortStatus.Ended]: colors.neutral,
};

function weekText(view: CohortSummaryView): string {
  const total = view.curriculum.totalWeeks;
  if (view.currentWeek <= 0) return `Not started · ${total} weeks`;
  if (view.currentWeek > total) return `Finished · ${total} weeks`;
  return `Week ${view.currentWeek} of ${total}`;
}

function membersText(count: number): string {
  return `${count} member${count === 1 ? "" : "s"}`;
}

export function renderCohortList(views: readonly CohortSummaryView[]): Reply {
  if (views.length === 0) return { content: messages.cohort.noneInServer, ephemeral: true };
  const entries = views.map((view) => {
    const { cohort } = view;
    return [
      `**${truncate(escapeText(cohort.name), 100)}** · ${statusLabels[cohort.status]} · <#${cohort.channelId}>`,
      `↳ ${truncate(escapeText(view.curriculum.title), 100)} · starts ${localDateText(cohort.settings.startDate)} · ${weekText(view)} · ${membersText(view.memberCount)}`,
    ].join("\n");
  });
  const embed: APIEmbed = {
    color: colors.brand,
    title: `Cohorts in this server (${views.length})`,
    description: fitLines(entries, limits.description, messages.cohortAdmin.moreCohorts),
  };
  return { embeds: [embed], ephemeral: true };
}

function postText(dueAt: Date, detail: string): string {
  return `${timestamp(dueAt, "F")} (${timestamp(dueAt, "R")}) · ${detail}`;
}

function settingsFields(view: CohortInfoView): APIEmbedField[] {
  const { cohort } = view;
  const { settings } = cohort;
  const fields: APIEmbedField[] = [
    { name: "Status", value: statusLabels[cohort.status], inline: true },
    { name: "Channel", value: `<#${cohort.channelId}>`, inline: true },
    { name: "Members", value: String(view.memberCount), inline: true },
    {
      name: "Curriculum",
      value: truncate(`${escapeText(view.curriculum.title)} (\`${view.curriculum.slug}\`) · ${view.curriculum.totalWeeks} weeks`, limits.fieldValue),
    },
    { name: "Start", value: `${localDateText(settings.startDate)} · ${timestamp(view.startsAt, "R")}`, inline: true },
    { name: "Last day", value: localDateText(view.lastDate), inline: true },
    { name: "Progress", value: weekText(view), inline: true },
    { name: "Time zone", value: settings.timeZone, inline: true },
    { name: "Weekly post", value: `${weekdayName(settings.announceDay)}s at ${settings.announceTime}`, inline: true },
    { name: "Optional items", value: settings.includeOptional ? "Assigned" : "Not assigned", inline: true },
    {
      name: "Next weekly post",
      value:
        view.nextWeekPost === null
          ? messages.cohortAdmin.noMorePosts
          : postText(view.nextWeekPost.dueAt, `week ${view.nextWeekPost.weekNumber ?? "?"}`),
    },
    {
      name: "Next checkpoint",
      value:
        view.nextCheckpoint === null
          ? messages.cohortAdmin.noMorePosts
          : truncate(postText(view.nextCheckpoint.post.dueAt, escapeText(view.nextCheckpoint.sectionTitle)), limits.fieldValue),
    },
  ];
  if (cohort.status === CohortStatus.Paused) fields.push({ name: "Note", value: messages.cohortAdmin.pausedNote });
  if (cohort.status === CohortStatus.Ended) fields.push({ name: "Note", value: messages.cohortAdmin.endedNote });
  if (cohort.channelProblem !== null) {
    fields.push({
      name: "⚠️ Channel problem",
      value: truncate(messages.cohortAdmin.channelProblem(escapeText(cohort.channelProblem)), limits.fieldValue),
    });
  }
  return fields;
}

/** /cohort info (and the confirmation of create/edit, with `description`). */
export function renderCohortInfo(view: CohortInfoView, description?: string): Reply {
  const embed: APIEmbed = {
    color: statusColors[view.cohort.status],
    title: truncate(escapeText(view.cohort.name), limits.title),
    ...(description === undefined ? {} : { description: truncate(description, limits.description) }),
    fields: settingsFields(view),
    footer: { text: `Cohort id ${view.cohort.id}` },
  };
  // Extensions (e.g. checkpoint self-assessments) come last and give way when the embed is full.
  for (const extra of view.extraFields) {
    const fields = embed.fields ?? [];
    if (fields.length >= limits.fields) break;
    const field: APIEmbedField = {
      name: truncate(extra.name === "" ? "\u200b" : extra.name, limits.fieldName),
      value: truncate(extra.value === "" ? "\u200b" : extra.value, limits.fieldValue),
      ...(extra.inline === undefined ? {} : { inline: extra.inline }),
    };
    if (embedLength(embed) + field.name.length + field.value.length > limits.embedTotal) break;
    fields.push(field);
  }
  return { embeds: [embed], ephemeral: true };
}

export function renderCohortCreated(view: CohortInfoView): Reply {
  return renderCohortInfo(view, messages.cohortAdmin.created(escapeText(view.cohort.name), `<#${view.cohort.channelId}>`));
}

export function renderCohortEdited(view: CohortInfoView): Reply {
  return renderCohortInfo(view, messages.cohortAdmin.edited(escapeText(view.cohort.name)));
}

/** The answer to pause, resume and end. */
export function renderCohortStatus(cohort: Cohort): Reply {
  const name = escapeText(cohort.name);
  const description =
    cohort.status === CohortStatus.Paused
      ? messages.cohortAdmin.paused(name)
      : cohort.status === CohortStatus.Ended
        ? messages.cohortAdmin.ended(name)
        : messages.cohortAdmin.resumed(name);
  return { embeds: [{ color: statusColors[cohort.status], title: statusLabels[cohort.status], description }], ephemeral: true };
}
