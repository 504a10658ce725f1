import { ButtonStyle, ComponentType, type APIButtonComponent } from "discord.js";
import { AuditAction, changedKeys, type AuditValues } from "../../domain/audit/auditAction.js";
import type { AuditView, CreditView } from "../../services/FacilitatorService.js";
import type { ExportFile } from "../../services/ExportService.js";
import { NudgeOutcome, type NudgeView } from "../../services/NudgeService.js";
import { RosterGroup, rosterGroupOrder, type RosterMemberView, type RosterView } from "../../services/RosterService.js";
import type { PrivateReply, Reply } from "../commandTypes.js";
import { durationText, localDateText } from "../i18n/formatters.js";
import { languageEntry } from "../i18n/languages.js";
import type { CommandTexts } from "../i18n/localizeCommand.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { renderCompletion, renderUndo } from "./renderCompletion.js";
import { checkpointTitles } from "./checkpointTitles.js";
import { StreakOwner } from "./renderStreak.js";
import { numberedNames } from "./numberedNames.js";
import { chunkLines } from "./postMessage.js";
import { button, buttonRows, colors, limits, timestamp, truncate } from "./format.js";

const groupOrder = [RosterGroup.Behind, RosterGroup.Quiet, RosterGroup.NotYet, RosterGroup.OnTrack, RosterGroup.Finished] as const;

function mention(userId: string) {
  return markup(`<@${userId}>`);
}

function rosterLine(t: Translator, member: RosterMemberView, name: string): string {
  const pace =
    member.behindItems > 0
      ? t.t("roster.paceBehind", {
          items: member.behindItems,
          // Topics without estimates (the 36-week path): no "(0 min)".
          timed: member.behindMinutes > 0 ? "yes" : "no",
          time: markup(durationText(t, member.behindMinutes)),
        })
      : t.t("roster.paceOnTrack");
  // The latest posting's checkpoints answered "Not yet" (what lists the member under Not yet), as counts.
  const { total, notYet } = member.latestCheckpoints;
  return t.t("roster.line", {
    member: mention(member.userId),
    name,
    pace: markup(pace),
    logged: member.lastCompletedAt === null ? "no" : "yes",
    last: markup(member.lastCompletedAt === null ? "" : timestamp(member.lastCompletedAt, "R")),
    streak: member.streak,
    confident: member.answers.confident,
    partly: member.answers.partly,
    notYet: member.answers.notYet,
    hasLatest: notYet > 0 ? "yes" : "no",
    latest: markup(notYet > 0 ? t.t("roster.latestNotYet", { count: notYet, total }) : ""),
    daysOff: member.daysOffUntil === null ? "no" : "yes",
    until: markup(member.daysOffUntil === null ? "" : localDateText(t, member.daysOffUntil)),
    nudgesOff: member.nudgesOff ? "yes" : "no",
  });
}

/** `/cohort roster`: one page, grouped, with a Nudge button per behind or quiet member and page buttons. */
export function renderRoster(t: Translator, view: RosterView): Reply {
  const names = numberedNames(
    t,
    view.cohortNames,
    view.members.map((member) => member.memberId),
  );
  const nameOf = (member: RosterMemberView) => names.get(member.memberId) ?? member.displayName;
  const title = truncate(t.t("roster.title", { name: view.cohort.name }), limits.title);
  const footer = truncate(
    t.plain("roster.footer", { page: view.page + 1, pages: view.pageCount, filter: t.plain(`roster.filter.${view.filter}`) }),
    limits.footer,
  );
  const { shown, descriptions } = fittingPage(t, view, nameOf, title.length + footer.length);
  const cut = shown.length < view.members.length;
  const nudges = shown
    .filter((member) => member.nudgeable)
    .map((member) => button(`nudge:${view.cohort.id}:${member.memberId}`, t.plain("roster.nudge", { name: nameOf(member) })));
  const first = shown[0];
  const last = shown.at(-1);
  const pages: APIButtonComponent[] =
    first === undefined || last === undefined || !(view.hasPrevious || view.hasNext || cut)
      ? []
      : [
          pageButton(t, rosterAnchorArgs(`roster:${view.cohort.id}:${view.filter}`, "before", first), "roster.previous", !view.hasPrevious),
          // ▶ starts after the last member shown here, so a member the 6,000 characters left off opens the next page.
          pageButton(t, rosterAnchorArgs(`roster:${view.cohort.id}:${view.filter}`, "after", last), "roster.next", !(view.hasNext || cut)),
        ];
  return {
    embeds: descriptions.map((description, index) => ({
      color: colors.brand,
      ...(index === 0 ? { title } : {}),
      description,
      ...(index === descriptions.length - 1 ? { footer: { text: footer } } : {}),
    })),
    components: [...buttonRows(nudges).slice(0, limits.rows - 1), ...(pages.length === 0 ? [] : buttonRows(pages))],
    ephemeral: true,
  };
}

function rosterLines(
  t: Translator,
  view: RosterView,
  shown: readonly RosterMemberView[],
  nameOf: (member: RosterMemberView) => string,
): string[] {
  const lines: string[] = [
    t.t("roster.counts", {
      behind: view.counts.behind,
      quiet: view.counts.quiet,
      notYet: view.counts.not_yet,
      onTrack: view.counts.on_track,
      finished: view.counts.finished,
    }),
  ];
  // What "🤔 3/5" on a line means, said once a page rather than on each line (the page must fit 6,000 characters).
  if (shown.some((member) => member.latestCheckpoints.notYet > 0)) lines.push(t.t("roster.latestLegend"));
  for (const group of groupOrder) {
    const members = shown.filter((member) => member.group === group);
    if (members.length === 0) continue;
    // A path without estimates is behind on topics (Spanish: "temas obligatorios", not "lecturas obligatorias").
    const heading = group === RosterGroup.Behind && !view.timed ? "roster.group.behindTopics" : (`roster.group.${group}` as const);
    lines.push("", t.t(heading), ...members.map((member) => rosterLine(t, member, nameOf(member))));
  }
  if (view.members.length === 0) lines.push("", t.t("roster.empty"));
  const hidden = view.members.length - shown.length;
  if (hidden > 0) lines.push(t.t("format.more", { count: hidden }));
  return lines;
}

/**
 * A page's lines in one embed's description, or, when 20 long lines (long names, Spanish, days off) pass its 4,096
 * characters, in more embeds within the message's 6,000. Should even that not hold them, the page shows fewer
 * members, whole, and its ▶ starts after the last one shown: no member is left off every page.
 */
function fittingPage(
  t: Translator,
  view: RosterView,
  nameOf: (member: RosterMemberView) => string,
  titleAndFooter: number,
): { shown: readonly RosterMemberView[]; descriptions: string[] } {
  for (let count = view.members.length; count >= 1; count -= 1) {
    const shown = view.members.slice(0, count);
    const chunks = chunkLines(rosterLines(t, view, shown, nameOf), limits.description);
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, titleAndFooter);
    if (total <= limits.embedTotal) return { shown, descriptions: chunks };
  }
  const shown = view.members.slice(0, 1);
  const lines = rosterLines(t, view, shown, nameOf);
  const descriptions = chunkLines(lines, limits.description);
  return { shown, descriptions: descriptions.length === 0 ? [""] : descriptions.slice(0, 1) };
}

function pageButton(t: Translator, customId: string, key: "roster.previous" | "roster.next", disabled: boolean): APIButtonComponent {
  // The row the page starts next to, not a page number: members joining or leaving meanwhile shift no one on or off
  // the next page, and a member whose place changed shows at their new place. The two buttons of one message page
  // from its first and its last row.
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: truncate(t.plain(key), limits.buttonLabel),
    style: ButtonStyle.Primary,
    disabled,
  };
}

/**
 * The ◀ / ▶ button's id parts after "roster:<cohortId>:<filter>" for the page before or after `member`'s row: its
 * place in the roster's order, the name last (it may hold ":"), whole ("n") or, when the whole would pass Discord's
 * 100 characters, as much of its start as fits ("p"): paging from a prefix repeats at most the members whose names
 * share it, never skips one (`RosterSortKey.namePrefix`).
 */
export function rosterAnchorArgs(prefix: string, direction: "before" | "after", member: RosterMemberView): string {
  const group = rosterGroupOrder.indexOf(member.group);
  const head = `${prefix}:${direction}:${group}:${member.behindMinutes}:${member.behindItems}:${member.memberId}`;
  const whole = `${head}:n:${member.displayName}`;
  if (whole.length <= limits.customId) return whole;
  let start = "";
  for (const character of member.displayName) {
    if (head.length + 3 + start.length + character.length > limits.customId) break;
    start += character;
  }
  return `${head}:p:${start}`;
}

/** The answer to a Nudge button. */
export function renderNudge(t: Translator, view: NudgeView): PrivateReply {
  // Named as the roster's line and button named them: "Alex #2" when two members show as Alex.
  const name = numberedNames(t, view.cohortNames, [view.memberId]).get(view.memberId) ?? view.displayName;
  const member = markup(t.t("nudge.member", { member: mention(view.userId), name }));
  const text =
    view.outcome === NudgeOutcome.Sent
      ? t.t("nudge.sent", {
          member,
          count: view.unansweredCheckpoints.length,
          checkpoints: markup(checkpointTitles(t, view.unansweredCheckpoints)),
        })
      : view.outcome === NudgeOutcome.TooSoon
        ? t.t("nudge.tooSoon", { member, next: markup(timestamp(view.nextAt ?? new Date(), "R")) })
        : view.outcome === NudgeOutcome.OptedOut
          ? t.t("nudge.optedOut", { member })
          : view.outcome === NudgeOutcome.DaysOff
            ? t.t("nudge.daysOff", { member, until: markup(localDateText(t, view.daysOffUntil ?? "")) })
            : view.outcome === NudgeOutcome.NotNeeded
              ? t.t("nudge.notNeeded", { member, finished: view.finished ? "yes" : "no", timed: view.timed ? "yes" : "no" })
              : t.t("nudge.dmClosed", { member });
  return { content: text, ephemeral: true };
}

/** `/cohort audit`: a page of the admin actions, newest first, with ◀ Newer / Older ▶ buttons. */
export function renderAudit(t: Translator, view: AuditView): Reply {
  const title = truncate(t.t("audit.title", { name: view.cohort.name }), limits.title);
  const lines = view.entries.map((entry) => auditLine(t, entry));
  // Lines that do not fit are left to the next page, never cut: the page ends at the last line it shows.
  // A page of newer lines keeps those next to the page it came from, its newest ones going to the next.
  const fromNewest = view.anchor?.direction !== "newer";
  const budget = Math.min(limits.description, limits.embedTotal - title.length);
  const shown = fittingCount(fromNewest ? lines : [...lines].reverse(), budget);
  const first = fromNewest ? 0 : lines.length - shown;
  const entries = view.entries.slice(first, first + shown);
  const newest = entries[0];
  const oldest = entries.at(-1);
  const moreNewer = view.hasNewer || (!fromNewest && shown < lines.length);
  const moreOlder = view.hasOlder || (fromNewest && shown < lines.length);
  const buttons =
    newest === undefined || oldest === undefined || !(moreNewer || moreOlder)
      ? []
      : [auditPageButton(t, view, "newer", newest.id, !moreNewer), auditPageButton(t, view, "older", oldest.id, !moreOlder)];
  return {
    embeds: [
      {
        color: colors.neutral,
        title,
        // truncate: only a single line longer than a whole page could pass the budget.
        description: entries.length === 0 ? t.t("audit.empty") : truncate(lines.slice(first, first + shown).join("\n"), budget),
      },
    ],
    components: buttonRows(buttons),
    ephemeral: true,
  };
}

function auditLine(t: Translator, entry: AuditEntryRecord): string {
  const details = auditDetails(t, entry);
  // A `/privacy delete` line keeps no one: it says only that a member deleted their data. The bot wrote a channel's
  // line, and a shortened course's, itself.
  const hasActor =
    entry.action !== AuditAction.PrivacyDelete &&
    entry.action !== AuditAction.ChannelUsable &&
    entry.action !== AuditAction.CourseShortened;
  return t.t("audit.line", {
    when: markup(timestamp(entry.createdAt, "R")),
    hasActor: hasActor ? "yes" : "no",
    actor: markup(hasActor ? auditActor(t, entry) : ""),
    action: markup(t.t(`audit.action.${entry.action}`)),
    details: markup(details.join(" · ")),
    hasDetails: details.length > 0 ? "yes" : "no",
  });
}

/** How many of `lines`, from the first, fit in `budget` characters joined by line breaks (at least one: a page always moves on). */
function fittingCount(lines: readonly string[], budget: number): number {
  let used = -1;
  let count = 0;
  for (const line of lines) {
    used += line.length + 1;
    if (used > budget) break;
    count += 1;
  }
  return Math.min(lines.length, Math.max(1, count));
}

function auditPageButton(
  t: Translator,
  view: AuditView,
  direction: "older" | "newer",
  entryId: number,
  disabled: boolean,
): APIButtonComponent {
  // The line the page starts next to, not a page number: lines written meanwhile shift nothing.
  return {
    type: ComponentType.Button,
    custom_id: `audit:${view.cohort.id}:${direction}:${entryId}`,
    label: truncate(t.plain(direction === "older" ? "audit.older" : "audit.newer"), limits.buttonLabel),
    style: ButtonStyle.Primary,
    disabled,
  };
}

type AuditEntryRecord = AuditView["entries"][number];

/** Who acted: a mention, or words when no id is kept (an admin who erased their data with `/privacy`). */
function auditActor(t: Translator, entry: AuditEntryRecord): string {
  return entry.actorId === "" ? t.t("audit.actor.erased") : `<@${entry.actorId}>`;
}

/** How much of a several-message announcement the line's attempt posted: nothing said of one posted whole at once. */
function announcedParts(t: Translator, after: AuditValues): string[] {
  const { parts, posted, complete } = after;
  const alreadyPosted = Number(after.alreadyPosted ?? 0);
  if (typeof parts !== "number" || typeof posted !== "number" || (complete === true && alreadyPosted === 0)) return [];
  return [t.t("audit.announcedParts", { complete: complete === false ? "no" : "yes", posted, parts, missing: parts - alreadyPosted })];
}

/** What the line was about: the member, the item or title, a break's week, an announcement's kind, an export's format, an edit's fields. */
function auditDetails(t: Translator, entry: AuditEntryRecord): string[] {
  const details: string[] = [];
  if (entry.subjectUserId !== null) details.push(`<@${entry.subjectUserId}>`);
  const after = entry.after ?? {};
  if (entry.action === AuditAction.Break) return [...details, ...breakChanges(t, entry)];
  if (entry.action === AuditAction.Announce && typeof after.kind === "string")
    return [
      ...details,
      t.t("audit.announced", { kind: after.kind, week: Number(after.week ?? 0), section: String(after.section ?? "") }),
      ...announcedParts(t, after),
    ];
  if (entry.action === AuditAction.Export && typeof after.format === "string")
    // Lines written before the upload's outcome was kept (or whose process stopped mid-upload) have no `upload`.
    return [
      ...details,
      t.t("audit.exported", { format: after.format, upload: typeof after.upload === "string" ? after.upload : "unknown" }),
    ];
  const label = after.item ?? after.title ?? after.kind ?? after.week ?? null;
  if (label !== null) details.push(t.user(String(label)));
  const fields = entry.action === AuditAction.Edit ? changedKeys(entry.before, entry.after).map((key) => editOptionName(t, key)) : [];
  if (fields.length > 0) details.push(`\`${fields.join("`, `")}\``);
  return details;
}

/** The `/cohort edit` option of each setting an edit line keeps (by its stored name). */
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

/** A changed setting as the admin's Discord names its `/cohort edit` option (localised), not the stored key. */
function editOptionName(t: Translator, key: string): string {
  const option = editOptionOf[key] ?? key;
  const commands: CommandTexts = languageEntry(t.language).commands;
  return commands[`cohort edit ${option}`]?.[0] ?? option;
}

/** A break line keeps the cohort's break weeks before and after: the weeks that became breaks, or reading weeks again. */
function breakChanges(t: Translator, entry: AuditEntryRecord): string[] {
  const weeks = (values: AuditEntryRecord["after"]) =>
    String(values?.breakWeeks ?? "")
      .split(",")
      .map((week) => Number(week.trim()))
      .filter((week) => Number.isInteger(week) && week > 0);
  const before = weeks(entry.before);
  const after = weeks(entry.after);
  return [
    ...after.filter((week) => !before.includes(week)).map((week) => t.t("audit.breakSet", { week })),
    ...before.filter((week) => !after.includes(week)).map((week) => t.t("audit.breakUndone", { week })),
  ];
}

/** `/cohort credit`: the member's completion (or its removal) as they would see it, and who it was for. */
export function renderCredit(t: Translator, view: CreditView): Reply {
  // Nothing was logged: said to the admin about the member, not as the member's own "already done".
  if (!view.undo && view.completion.alreadyDone)
    return {
      // A topic (no estimate) is "marcado" in Spanish, a reading "marcada", as the member's own replies say.
      content: t.t(view.completion.item.minutes === null ? "credit.alreadyDoneTopic" : "credit.alreadyDone", {
        title: view.completion.item.title,
        member: mention(view.memberUserId),
      }),
      ephemeral: true,
    };
  const reply = view.undo ? renderUndo(t, view.removal) : renderCompletion(t, view.completion, StreakOwner.Other);
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
