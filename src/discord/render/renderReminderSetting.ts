import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { messages } from "../../messages.js";
import { ReminderChange, type ReminderSettingView } from "../../services/CohortService.js";
import type { Reply } from "../commandTypes.js";
import { colors, limits, timestamp, truncate } from "./format.js";

/** `/remind`: the member's reminder setting after the change (or as it is). */
export function renderReminderSetting(view: ReminderSettingView): Reply {
  const name = view.cohort.name;
  const next = view.nextAt === null ? "" : `${timestamp(view.nextAt, "f")} (${timestamp(view.nextAt, "R")})`;
  const lines: string[] = [];
  if (view.change === ReminderChange.TurnedOff) lines.push(messages.remind.turnedOff(name));
  else if (view.change === ReminderChange.AlreadyOff) lines.push(messages.remind.alreadyOff(name));
  else if (view.time === null || view.timeZone === null) lines.push(messages.remind.isOff(name));
  else if (view.change === ReminderChange.Set) lines.push(messages.remind.set(name, view.time, view.timeZone, next), messages.remind.directMessages);
  else lines.push(messages.remind.isOn(name, view.time, view.timeZone, next));
  if (view.cohort.status === CohortStatus.Paused && view.time !== null) lines.push(messages.remind.pausedNote);
  return {
    embeds: [
      {
        color: view.time === null ? colors.neutral : colors.success,
        title: "⏰ Daily reminder",
        description: truncate(lines.join("\n\n"), limits.description),
      },
    ],
    ephemeral: true,
  };
}
