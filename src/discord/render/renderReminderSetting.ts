import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { ReminderChange, type ReminderSettingView } from "../../services/CohortService.js";
import type { Reply } from "../commandTypes.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { localDateText } from "../i18n/formatters.js";
import { colors, limits, timestamp, truncate } from "./format.js";

// A paused cohort sends none: naming the time one would come only after a resume would promise it.
function nextReminder(t: Translator, view: ReminderSettingView): string {
  if (view.cohort.status === CohortStatus.Paused) return t.t("remind.nextPaused");
  if (view.nextAt === null) return t.t("remind.nextNone");
  return t.t("remind.next", { at: markup(timestamp(view.nextAt, "f")), relative: markup(timestamp(view.nextAt, "R")) });
}

function settingLines(t: Translator, view: ReminderSettingView): string[] {
  const cohort = view.cohort.name;
  // Off keeps a zone the member chose: say so, since turning it on again without `timezone:` uses it.
  const chosen = { chosen: view.chosenZone === null ? "no" : "yes", zone: markup(view.chosenZone ?? "") };
  if (view.change === ReminderChange.TurnedOff) return [t.t("remind.turnedOff", { cohort, ...chosen })];
  // No more reminders come: no "turn it back on", which /remind time: would then refuse.
  if (view.change === ReminderChange.TurnedOffForGood) return [t.t("remind.turnedOffForGood", { cohort })];
  if (view.change === ReminderChange.FollowsCohort)
    return [t.t("remind.followsCohort", { cohort, zone: markup(view.cohort.settings.timeZone) })];
  if (view.change === ReminderChange.AlreadyOff) return [t.t("remind.alreadyOff", { cohort })];
  if (view.time === null || view.timeZone === null) return [t.t("remind.isOff", { cohort, ...chosen })];
  const next = markup(nextReminder(t, view));
  const values = { cohort, time: markup(view.time), zone: markup(view.timeZone), next };
  if (view.change === ReminderChange.Set) return [t.t("remind.set", values), t.t("remind.directMessages")];
  return [t.t("remind.isOn", values)];
}

/** `/remind`: the member's reminder setting after the change (or as it is). */
export function renderReminderSetting(t: Translator, view: ReminderSettingView): Reply {
  const lines = settingLines(t, view);
  // After a move west: their day stays the one they were in (memberToday), said where the zone changed.
  const moved = view.change === ReminderChange.Set || view.change === ReminderChange.FollowsCohort;
  if (moved && view.dayHeld !== null) lines.push(t.t("remind.dayHeld", { day: localDateText(t, view.dayHeld) }));
  if (view.cohort.status === CohortStatus.Paused && view.time !== null) lines.push(t.t("remind.pausedNote"));
  return {
    embeds: [
      {
        color: view.time === null ? colors.neutral : colors.success,
        title: t.t("remind.title"),
        description: truncate(lines.join("\n\n"), limits.description),
      },
    ],
    ephemeral: true,
  };
}
