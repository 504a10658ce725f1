import type { APIEmbed } from "discord.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import type { AnnounceResult, PreviewView } from "../../scheduler/Announcer.js";
import { messages } from "../../messages.js";
import type { Reply } from "../commandTypes.js";
import { embedLength } from "./fitLines.js";
import { colors, escapeText, limits, timestamp, truncate } from "./format.js";

/** Discord allows 10 embeds and 2,000 content characters in one message. */
const maxEmbeds = 10;
const maxContent = 2000;

/**
 * `/cohort preview`: the posts of one week exactly as the scheduler renders
 * them (checkpoint buttons disabled), each announced by when it goes out.
 */
export function renderPreview(view: PreviewView): Reply {
  const { cohort } = view;
  const header = [messages.posts.previewHeader(view.weekNumber, view.totalWeeks, escapeText(cohort.name), `<#${cohort.channelId}>`)];
  for (const post of view.posts) {
    const parts = post.rendered.messages.length > 1 ? ` (${post.rendered.messages.length} messages)` : "";
    header.push(`• ${escapeText(post.label)}${parts}: ${timestamp(post.dueAt, "F")} (${timestamp(post.dueAt, "R")})`);
  }
  if (cohort.status === CohortStatus.Paused) header.push(messages.posts.previewInactive(cohort.status));
  if (cohort.status === CohortStatus.Ended) header.push(messages.posts.previewEnded);
  const embeds: APIEmbed[] = [];
  const components: NonNullable<Reply["components"]>[number][] = [];
  let total = 0;
  let hidden = 0;
  for (const post of view.posts) {
    for (const message of post.rendered.messages) {
      for (const embed of message.embeds) {
        const length = embedLength(embed);
        if (embeds.length >= maxEmbeds || total + length > limits.embedTotal) {
          hidden += 1;
          continue;
        }
        embeds.push(embed);
        total += length;
      }
      for (const row of message.components ?? []) if (components.length < limits.rows) components.push(row);
    }
  }
  if (hidden > 0) header.push(messages.posts.previewHidden(hidden, maxEmbeds, limits.embedTotal));
  return { content: truncate(header.join("\n"), maxContent), embeds, components, ephemeral: true };
}

/** The confirmation of `/cohort announce`. */
export function renderAnnounced(result: AnnounceResult): Reply {
  return {
    embeds: [
      {
        color: colors.success,
        description: messages.posts.announced(escapeText(result.what), `<#${result.cohort.channelId}>`, result.messageIds.length),
      },
    ],
    ephemeral: true,
  };
}
