import type { BreakView } from "../../services/CohortBreakService.js";
import type { Reply } from "../commandTypes.js";
import { localDateText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { colors, limits, truncate } from "./format.js";

/** `/cohort break`: what changed, the break weeks now, and the course's new last day. */
export function renderBreakChange(t: Translator, view: BreakView): Reply {
  const values = { name: view.cohort.name, week: view.week, total: view.totalWeeks, end: localDateText(t, view.courseEndDate) };
  const lines = [t.t(view.undo ? "break.undone" : "break.set", values)];
  lines.push(
    view.breakWeeks.length === 0
      ? t.t("break.noneLeft")
      : t.t("break.weeks", { weeks: markup(view.breakWeeks.join(", ")), count: view.breakWeeks.length }),
  );
  return {
    embeds: [{ color: colors.brand, title: t.t("break.title"), description: truncate(lines.join("\n\n"), limits.description) }],
    ephemeral: true,
  };
}
