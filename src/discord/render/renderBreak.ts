import { BreakChange, type BreakView } from "../../services/MemberPlanService.js";
import type { Reply } from "../commandTypes.js";
import { localDateText } from "../i18n/formatters.js";
import type { MessageKey } from "../i18n/locales/en.js";
import type { Translator } from "../i18n/Translator.js";
import { colors, limits, truncate } from "./format.js";

const keys: Record<BreakChange, MessageKey> = {
  added: "break.added",
  ended: "break.ended",
  called_off: "break.calledOff",
  nothing_to_end: "break.nothingToEnd",
};

/** `/break`: the days off taken, or the break ended. */
export function renderBreak(t: Translator, view: BreakView): Reply {
  return {
    embeds: [
      {
        color: view.change === BreakChange.NothingToEnd ? colors.neutral : colors.success,
        description:
          view.change === BreakChange.Ended && view.daysOffGoOn !== undefined
            ? t.t("break.endedDaysOffGoOn", {
                until: localDateText(t, view.daysOffGoOn.until),
                back: localDateText(t, view.daysOffGoOn.backOn),
                own: view.daysOffGoOn.ownDaysOff ? "yes" : "no",
              })
            : t.t(keys[view.change], { from: localDateText(t, view.from), to: localDateText(t, view.to) }),
        footer: { text: truncate(t.plainUser(view.cohort.name), limits.footer) },
      },
    ],
    ephemeral: true,
  };
}
