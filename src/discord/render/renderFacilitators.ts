import { ButtonStyle, ComponentType, type APIButtonComponent } from "discord.js";
import { AuditAction, changedKeys } from "../../domain/audit/auditAction.js";
import type { AuditView, CreditView } from "../../services/FacilitatorService.js";
import type { ExportFile } from "../../services/ExportService.js";
import { NudgeOutcome, type NudgeView } from "../../services/NudgeService.js";
import { RosterGroup, type RosterMemberView, type RosterView } from "../../services/RosterService.js";
import type { Reply } from "../commandTypes.js";
import { durationText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { languages } from "../i18n/languages.js";
import type { CommandTexts } from "../i18n/localizeCommand.js";
import { renderCompletion, renderUndo } from "./renderCompletion.js";
import { fitLines } from "./fitLines.js";
import { button, buttonRows, colors, limits, timestamp, truncate } from "./format.js";

const groupOrder = [RosterGroup.Behind, RosterGroup.Quiet, RosterGroup.NotYet, RosterGroup.OnTrack, RosterGroup.Finished] as const;

function mention(userId: string) {
  return markup(`<@${userId}>`);
}

function rosterLine(t: Translator, member: RosterMemberView): string {
  const pace =
    member.behindItems > 0
      ? t.t("roster.paceBehind", { items: member.behindItems, time: markup(durationText(t, member.behindMinutes)) })
      : t.t("roster.paceOnTrack");
  return t.t("roster.line", {
    member: mention(member.userId),
    name: member.displayName,
    pace: markup(pace),
    last: markup(member.lastCompletedAt === null ? t.t("roster.never") : timestamp(member.lastCompletedAt, "R")),
    streak: member.streak,
    confident: member.answers.confident,
    partly: member.answers.partly,
    notYet: member.answers.notYet,
  });
}

/** `/cohort roster`: one page, grouped, with a Nudge button per behind or quiet member and page buttons. */
export function renderRoster(t: Translator, view: RosterView): Reply {
  const lines: string[] = [
    t.t("roster.counts", {
      behind: view.counts.behind,
      quiet: view.counts.quiet,
      notYet: view.counts.not_yet,
      onTrack: view.counts.on_track,
      finished: view.counts.finished,
    }),
  ];
  for (const group of groupOrder) {
    const members = view.members.filter((member) => member.group === group);
    if (members.length === 0) continue;
    lines.push("", t.t(`roster.group.${group}`), ...members.map((member) => rosterLine(t, member)));
  }
  if (view.members.length === 0) lines.push("", t.t("roster.empty"));
  const nudges = view.members
    .filter((member) => member.nudgeable)
    .map((member) => button(`nudge:${view.cohort.id}:${member.memberId}`, t.plain("roster.nudge", { name: member.displayName })));
  const pages: APIButtonComponent[] =
    view.pageCount <= 1
      ? []
      : [
          pageButton(t, view, view.page - 1, "roster.previous", view.page === 0),
          pageButton(t, view, view.page + 1, "roster.next", view.page >= view.pageCount - 1),
        ];
  return {
    embeds: [
      {
        color: colors.brand,
        title: truncate(t.t("roster.title", { name: view.cohort.name }), limits.title),
        description: fitLines(lines, limits.description, (hidden) => t.t("format.more", { count: hidden })),
        footer: {
          text: truncate(
            t.plain("roster.footer", { page: view.page + 1, pages: view.pageCount, filter: t.plain(`roster.filter.${view.filter}`) }),
            limits.footer,
          ),
        },
      },
    ],
    components: [...buttonRows(nudges).slice(0, limits.rows - 1), ...(pages.length === 0 ? [] : buttonRows(pages))],
    ephemeral: true,
  };
}

function pageButton(
  t: Translator,
  view: RosterView,
  page: number,
  key: "roster.previous" | "roster.next",
  disabled: boolean,
): APIButtonComponent {
  // The page number is part of the id, so the two buttons of one message never share one.
  return {
    type: ComponentType.Button,
    custom_id: `roster:${view.cohort.id}:${view.filter}:${page}`,
    label: truncate(t.plain(key), limits.buttonLabel),
    style: ButtonStyle.Primary,
    disabled,
  };
}

/** The answer to a Nudge button. */
export function renderNudge(t: Translator, view: NudgeView): Reply {
  const member = mention(view.userId);
  const text =
    view.outcome === NudgeOutcome.Sent
      ? t.t("nudge.sent", { member })
      : view.outcome === NudgeOutcome.TooSoon
        ? t.t("nudge.tooSoon", { member, next: markup(timestamp(view.nextAt ?? new Date(), "R")) })
        : view.outcome === NudgeOutcome.OptedOut
          ? t.t("nudge.optedOut", { member })
          : t.t("nudge.dmClosed", { member });
  return { content: text, ephemeral: true };
}

/** An edit's stored setting → the `/cohort edit` option that sets it: the name admins know, not the column's. */
const editOptionOf: Readonly<Record<string, string>> = {
  name: "name",
  channelId: "channel",
  start: "start",
  timeZone: "timezone",
  announceDay: "announce_day",
  announceTime: "announce_time",
  includeOptional: "include_optional",
  language: "language",
  leaderboard: "leaderboard",
  excludeRoleId: "exclude_role",
};

/** The option as the reader's Discord client shows it (`zona_horaria` in Spanish). */
function editOptionName(t: Translator, key: string): string {
  const option = editOptionOf[key] ?? key;
  const texts: CommandTexts = languages[t.language].commands;
  return texts[`cohort edit ${option}`]?.[0] ?? option;
}

/** What an audit line's details say it was about: an announcement's kind in words, else the item, title or week. */
function auditLabel(t: Translator, entry: AuditView["entries"][number]): string | null {
  const after = entry.after ?? {};
  if (entry.action === AuditAction.Announce && typeof after.kind === "string") return t.t("audit.announceKind", { kind: after.kind });
  const label = after.item ?? after.title ?? after.kind ?? after.week ?? null;
  return label === null ? null : t.user(String(label));
}

/** `/cohort audit`: the last admin actions, newest first. */
export function renderAudit(t: Translator, view: AuditView): Reply {
  const lines = view.entries.map((entry) => {
    const details: string[] = [];
    if (entry.subjectUserId !== null) details.push(`<@${entry.subjectUserId}>`);
    const label = auditLabel(t, entry);
    if (label !== null) details.push(label);
    const fields = entry.action === AuditAction.Edit ? changedKeys(entry.before, entry.after).map((key) => editOptionName(t, key)) : [];
    if (fields.length > 0) details.push(`\`${fields.join("`, `")}\``);
    return t.t("audit.line", {
      when: markup(timestamp(entry.createdAt, "R")),
      actor: mention(entry.actorId === "" ? "0" : entry.actorId),
      action: markup(t.t(`audit.action.${entry.action}`)),
      details: markup(details.join(" · ")),
      hasDetails: details.length > 0 ? "yes" : "no",
    });
  });
  return {
    embeds: [
      {
        color: colors.neutral,
        title: truncate(t.t("audit.title", { name: view.cohort.name }), limits.title),
        description:
          lines.length === 0 ? t.t("audit.empty") : fitLines(lines, limits.description, (hidden) => t.t("format.more", { count: hidden })),
      },
    ],
    ephemeral: true,
  };
}

/** `/cohort credit`: the member's completion (or its removal) as they would see it, and who it was for. */
export function renderCredit(t: Translator, view: CreditView): Reply {
  // Nothing was logged: said to the admin about the member, not as the member's own "already done".
  if (!view.undo && view.completion.alreadyDone)
    return {
      content: t.t("credit.alreadyDone", { title: view.completion.item.title, member: mention(view.memberUserId) }),
      ephemeral: true,
    };
  const reply = view.undo ? renderUndo(t, view.removal) : renderCompletion(t, view.completion);
  return { ...reply, content: t.t(view.undo ? "credit.removedFor" : "credit.loggedFor", { member: mention(view.memberUserId) }) };
}

/** `/cohort export`: the file, and what is in it. */
export function renderExport(t: Translator, file: ExportFile): Reply {
  return {
    content: t.t("export.ready", { name: file.cohort.name, members: file.members, format: file.format.toUpperCase() }),
    files: [{ name: file.filename, data: file.data }],
    ephemeral: true,
  };
}
