import type { APIEmbed } from "discord.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { AnnounceKind, type AnnounceResult, type PreviewPost, type PreviewView } from "../../services/Announcer.js";
import type { HeldChannel } from "../../services/CohortInfoService.js";
import type { PostMessage } from "../../services/PostRenderer.js";
import type { Reply } from "../commandTypes.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { embedLength } from "./fitLines.js";
import { channelMention } from "../i18n/mentions.js";
import { colors, limits, timestamp, truncate } from "./format.js";
import { heldChannelText } from "./heldChannelText.js";

/** Discord allows 10 embeds and 2,000 content characters in one message. */
const maxEmbeds = 10;
const maxContent = 2000;

/**
 * `/cohort preview`: the posts of one week exactly as the scheduler renders
 * them (checkpoint buttons disabled), each announced by when it goes out.
 */
function postLabel(t: Translator, post: PreviewPost, weekNumber: number): string {
  if (post.kind === "week") return t.t("preview.weekLabel", { week: weekNumber });
  if (post.kind === "checkpoint") return t.t("preview.checkpointLabel", { section: post.sectionTitle ?? "" });
  return t.t("preview.closingLabel");
}

/** Which header the posts' counts call for: all out, all missed, some missed and none to come, some missed and some to come, … */
function headerChoice(sent: number, toCome: number, total: number): string {
  if (toCome === 0) return sent === total ? "all" : sent === 0 ? "allMissed" : "missed";
  if (sent + toCome < total) return sent === 0 ? "missedToCome" : "postedMissedToCome";
  return sent === 0 ? "none" : "some";
}

/** `held`: the cohort's flagged channel as it stands now (CohortInfoService.heldChannel), null when not flagged. */
export function renderPreview(t: Translator, view: PreviewView, held: HeldChannel | null): Reply {
  const { cohort } = view;
  const sent = view.posts.filter((post) => post.sentAt !== null).length;
  // Posts the scheduler skipped (too late) or gave up on will not go out: never "what the bot will post".
  const toCome = view.posts.filter((post) => post.sentAt === null && !post.missed).length;
  const header = [
    t.t("posts.previewHeader", {
      week: view.weekNumber,
      totalWeeks: view.totalWeeks,
      cohort: cohort.name,
      channel: channelMention(cohort),
      // Posts already out are shown as posted: "what the bot will post" would say they are still to come.
      posted: headerChoice(sent, toCome, view.posts.length),
    }),
  ];
  for (const post of view.posts) {
    const at = post.sentAt ?? post.dueAt;
    header.push(
      t.t("preview.post", {
        label: markup(postLabel(t, post, view.weekNumber)),
        parts: post.rendered.messages.length,
        posted: post.sentAt !== null ? "yes" : post.missed ? "missed" : "no",
        at: markup(timestamp(at, "F")),
        relative: markup(timestamp(at, "R")),
      }),
    );
  }
  if (cohort.status === CohortStatus.Paused) header.push(t.t("posts.previewInactive"));
  // The scheduler holds the posts until the channel works again: "what the bot will post" alone would hide that. Worded
  // as /cohort info words it: the permissions to give back, or that they were given back.
  if (held !== null) header.push(heldChannelText(t, cohort, held));
  const embeds: APIEmbed[] = [];
  const components: NonNullable<Reply["components"]>[number][] = [];
  // The posts' pictures with their alt text (a chart each at most: far under Discord's 10 attachments), each with
  // its message: a message whose embeds the limits leave out shows no chart either, which would read as another's.
  const files: NonNullable<PostMessage["files"]>[number][] = [];
  let total = 0;
  let hidden = 0;
  for (const post of view.posts) {
    for (const message of post.rendered.messages) {
      let shown = message.embeds.length === 0;
      for (const embed of message.embeds) {
        const length = embedLength(embed);
        if (embeds.length >= maxEmbeds || total + length > limits.embedTotal) {
          hidden += 1;
          continue;
        }
        embeds.push(embed);
        total += length;
        shown = true;
      }
      if (shown) files.push(...(message.files ?? []));
      for (const row of message.components ?? []) if (components.length < limits.rows) components.push(row);
    }
  }
  if (hidden > 0) header.push(t.t("posts.previewHidden", { hidden, maxEmbeds, maxCharacters: limits.embedTotal }));
  return { content: truncate(header.join("\n"), maxContent), embeds, components, ...(files.length > 0 ? { files } : {}), ephemeral: true };
}

/** The confirmation of `/cohort announce`. */
function announcedWhat(t: Translator, result: AnnounceResult): string {
  if (result.kind === AnnounceKind.Week) return t.t("posts.announcedWeek", { week: result.weekNumber ?? 0 });
  if (result.kind === AnnounceKind.Checkpoint) return t.t("posts.announcedCheckpoint", { section: result.sectionTitle ?? "" });
  return t.t("posts.announcedLeaderboard");
}

export function renderAnnounced(t: Translator, result: AnnounceResult): Reply {
  const what = markup(announcedWhat(t, result));
  const channel = channelMention(result.cohort);
  const parts = result.messageIds.length;
  // The rest of an announcement that went out in part: only its missing messages were posted now.
  // Every message was already there (an attempt stopped before it was recorded as done): nothing was posted now.
  const description =
    result.alreadyPosted >= parts
      ? t.t("posts.announcedAlready", { what, channel, parts })
      : result.alreadyPosted > 0
        ? t.t("posts.announcedRest", { what, channel, parts, missing: parts - result.alreadyPosted, already: result.alreadyPosted })
        : t.t("posts.announced", { what, channel, messages: parts });
  return { embeds: [{ color: colors.success, description }], ephemeral: true };
}
