import { ButtonStyle, type APIEmbed } from "discord.js";
import type { MemberExportFile } from "../../services/memberExportFile.js";
import {
  isExportRefused,
  isExportTooLarge,
  type MemberExportRefusal,
  type PrivacySettingsView,
  type StoredCounts,
} from "../../services/PrivacyService.js";
import type { Reply } from "../commandTypes.js";
import type { Translator } from "../i18n/Translator.js";
import { button, buttonRows, colors } from "./format.js";

/** How long a delete confirmation can be pressed: a button left open for longer must not erase what came since. */
export const deleteConfirmationMs = 15 * 60 * 1000;

/** The custom id of the delete confirmation: only the member who asked may press it, and only while it is fresh. */
export function privacyDeleteId(userId: string, askedAt: Date): string {
  return `privacy:delete:${userId}:${askedAt.getTime()}`;
}

/** Whether a confirmation asked at `askedAtMs` (from its custom id; missing in older buttons) can still be pressed at `now`. */
export function deleteConfirmationFresh(askedAtMs: string, now: Date): boolean {
  const askedAt = Number(askedAtMs);
  if (askedAtMs === "" || !Number.isSafeInteger(askedAt)) return false;
  const age = now.getTime() - askedAt;
  return age >= 0 && age <= deleteConfirmationMs;
}

/** `/privacy` without a request, or after changing a setting: what is set now, for all the member's cohorts here. */
export function renderPrivacySettings(t: Translator, view: PrivacySettingsView): string[] {
  return [...savedSettingsLines(t, view), "", t.t("privacy.cohortRule"), t.t("privacy.help")];
}

/** "Saved: …" when the request changed them, then the settings now. */
function savedSettingsLines(t: Translator, view: PrivacySettingsView): string[] {
  const lines = [t.t("privacy.settings", { cohorts: view.cohorts, leaderboard: view.boardVisibility, nudges: view.nudges ? "on" : "off" })];
  if (view.changed) lines.unshift(t.t("privacy.updated"));
  return lines;
}

/** `/privacy`: the settings and, when asked, the export as a JSON attachment. */
export function renderPrivacy(
  t: Translator,
  settings: PrivacySettingsView | null,
  exported: MemberExportFile | MemberExportRefusal | null,
): Reply {
  const lines = settings === null ? [] : renderPrivacySettings(t, settings);
  const files: { name: string; data: Buffer }[] = [];
  if (exported !== null) {
    if (lines.length > 0) lines.push("");
    if (isExportRefused(exported)) lines.push(exportRefusalText(t, exported));
    else {
      lines.push(t.t(exported.empty ? "privacy.nothingStored" : "privacy.exported"));
      files.push(exportFile(exported));
    }
  }
  const embed: APIEmbed = { color: colors.brand, title: t.plain("privacy.title"), description: lines.join("\n") };
  return { embeds: [embed], files, ephemeral: true };
}

/** The export as the JSON attachment `/privacy export:True` sends. */
function exportFile(exported: MemberExportFile): { name: string; data: Buffer } {
  return { name: `cohort-bot-data-${exported.guildId}.json`, data: exported.file };
}

/**
 * `/privacy delete:True`: what will go, and the one button that erases it; with `export:True` too, the copy comes
 * along. `changed`: the leaderboard or nudges choice sent with it, saved already: said first, so dismissing the
 * question keeps it.
 */
export function renderDeleteConfirmation(
  t: Translator,
  userId: string,
  stored: StoredCounts,
  askedAt: Date,
  exported: MemberExportFile | MemberExportRefusal | null = null,
  changed: PrivacySettingsView | null = null,
): Reply {
  const { memberships } = stored;
  // An admin who never joined is still named as a cohort's creator, in the audit trail, on nudges and imports: that is data too.
  if (memberships === 0 && stored.adminRows === 0) return { content: t.t("privacy.nothingStored"), ephemeral: true };
  const refused = exported !== null && isExportRefused(exported) ? ["", exportRefusalText(t, exported)] : [];
  const saved = changed === null ? [] : [...savedSettingsLines(t, changed), ""];
  const description = [...saved, t.t("privacy.deleteConfirm", { cohorts: memberships }), ...refused].join("\n");
  return {
    embeds: [{ color: colors.danger, title: t.plain("privacy.title"), description }],
    components: buttonRows([button(privacyDeleteId(userId, askedAt), t.plain("privacy.deleteButton"), ButtonStyle.Danger)]),
    ...(exported === null || isExportRefused(exported) ? {} : { files: [exportFile(exported)] }),
    ephemeral: true,
  };
}

function exportRefusalText(t: Translator, refusal: MemberExportRefusal): string {
  if (!isExportTooLarge(refusal)) return t.t("privacy.exportAlreadyRunning");
  return t.t("privacy.exportTooLarge", { maxMb: refusal.tooLargeMaxMb });
}

/** After the button: what was erased, or that nothing was left (a second confirmation of the same request). */
export function renderDeleted(t: Translator, result: { readonly memberships: number; readonly erased: boolean }): Reply {
  const content = result.erased ? t.t("privacy.deleted", { cohorts: result.memberships }) : t.t("privacy.nothingStored");
  return { content, embeds: [], components: [], ephemeral: true };
}
