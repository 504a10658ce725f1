import type { APIEmbed, APIEmbedField } from "discord.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { isItemDone } from "../../domain/schedule/choiceSlots.js";
import { addDays } from "../../domain/schedule/localTime.js";
import type { AssignedItem } from "../../domain/schedule/scheduleTypes.js";
import type { WeekView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { amountText, durationText, localDateText, weeksText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { itemTitle } from "./itemTitle.js";
import { kindLabel } from "./kindLabel.js";
import { quietWeekTotal } from "./renderWeekPost.js";
import { embedLength, fitLines, shareBudget } from "./fitLines.js";
import { colors, limits, truncate } from "./format.js";

/** Below Discord's 6,000-character embed total, with room for rounding. */
const embedBudget = limits.embedTotal - 200;
/** Every field shows at least its first line or "…and N more". */
const minimumFieldValue = 60;

function itemLine(t: Translator, item: AssignedItem, done: boolean): string {
  if (item.minutes === null)
    return t.t("week.itemTopic", { mark: markup(done ? "✅" : "⬜"), title: itemTitle(t, item), kind: kindLabel(t, item) });
  return t.t("week.item", {
    mark: markup(done ? "✅" : "⬜"),
    title: itemTitle(t, item),
    kind: kindLabel(t, item),
    minutes: markup(durationText(t, item.minutes)),
  });
}

function descriptionOf(t: Translator, view: WeekView): string[] {
  const { cohort, week } = view;
  const settings = cohort.settings;
  const description: string[] = [
    t.t("week.range", {
      from: localDateText(t, week.startDate),
      to: localDateText(t, addDays(week.endDate, -1)),
      own: view.ownZone ? "yes" : "no",
      zone: markup(view.zone),
    }),
  ];
  // A cohort an admin ended before its first day will never start: its weeks never ran, before its start date or after.
  if (view.endedBeforeStart) description.push(t.t("week.endedBeforeStart"));
  // Before the start only week 1 is "its first week": a later one asked for just names the start day.
  else if (view.currentWeek === 0)
    description.push(t.t(week.number === 1 ? "week.beforeStart" : "week.startsOn", { start: localDateText(t, settings.startDate) }));
  else if (view.currentWeek > view.totalWeeks && week.number === view.totalWeeks) description.push(t.t("week.afterEnd"));
  if (view.breakResumesOn !== null) {
    description.push("", t.t("week.breakWeek", { date: localDateText(t, view.breakResumesOn) }));
    return description;
  }
  description.push(
    "",
    ...week.sections.map((section) =>
      t.t("week.section", { title: section.title, weeks: markup(weeksText(t, section.weekStart, section.weekEnd)) }),
    ),
  );
  const assigned = week.days.flatMap((day) => day.items);
  const done = assigned.filter((item) => isItemDone(item, view.doneItemIds)).length;
  // A week with nothing assigned says so as the weekly post does; one without estimates counts topics: never "0 min".
  if (assigned.length === 0) description.push("", t.t(quietWeekTotal(week)));
  else if (week.totalMinutes === 0) {
    description.push("", t.t("week.totalTopics", { items: assigned.length, done }));
  } else {
    description.push("", t.t("week.total", { minutes: markup(durationText(t, week.totalMinutes)), items: assigned.length, done }));
    if (week.unestimatedItems > 0) description.push(t.t("week.unestimated", { count: week.unestimatedItems }));
  }
  return description;
}

/** `/week`: the week's sections, its items day by day with done marks, Reference items, and the total time. */
export function renderWeek(t: Translator, view: WeekView): Reply {
  const { cohort, week } = view;
  const blocks: { name: string; lines: string[] }[] = week.days.map((day) => ({
    name: t.plain("week.dayName", {
      date: localDateText(t, day.date),
      minutes: day.items.length === 0 ? t.plain("weekPost.free") : amountText(t, day.minutes, day.items.length),
    }),
    lines:
      day.items.length === 0
        ? [t.t("week.nothingAssigned")]
        : day.items.map((item) => itemLine(t, item, isItemDone(item, view.doneItemIds))),
  }));
  if (view.references.length > 0) {
    blocks.push({
      name: t.plain("week.referenceName", { count: view.references.length }),
      lines: [
        t.t("week.referenceIntro"),
        ...view.references.map((item) =>
          t.t("week.referenceItem", { title: itemTitle(t, item), minutes: markup(durationText(t, item.minutes)) }),
        ),
      ],
    });
  }

  const embed: APIEmbed = {
    color: view.isCurrent ? colors.brand : colors.neutral,
    title: truncate(
      t.t("week.title", { cohort: cohort.name, week: week.number, total: view.totalWeeks, current: view.isCurrent ? "yes" : "no" }),
      limits.title,
    ),
    description: truncate(descriptionOf(t, view).join("\n"), 1500),
  };
  // A break week lists nothing: no marks to explain. An ended cohort refuses /done: its footer only explains the marks.
  // A week without estimates lists topics, which some languages mark with another gender ("hecho", not "hecha").
  if (view.breakResumesOn === null) {
    const topics = week.totalMinutes === 0;
    const ended = cohort.status === CohortStatus.Ended;
    const key = ended ? (topics ? "week.footerEndedTopics" : "week.footerEnded") : topics ? "week.footerTopics" : "week.footer";
    embed.footer = { text: truncate(t.plain(key), limits.footer) };
  }
  const shown = blocks.slice(0, limits.fields);
  const names = shown.map((block) => truncate(block.name, limits.fieldName));
  const room = embedBudget - embedLength(embed) - names.reduce((sum, name) => sum + name.length, 0);
  const shares = shareBudget(
    shown.map((block) => block.lines.join("\n").length),
    room,
  );
  const moreLine = (hidden: number) => t.t("format.more", { count: hidden });
  const fields: APIEmbedField[] = shown.map((block, index) => ({
    name: names[index] ?? "",
    value: fitLines(block.lines, Math.min(limits.fieldValue, Math.max(minimumFieldValue, shares[index] ?? 0)), moreLine),
  }));
  embed.fields = fields;
  return { embeds: [embed], ephemeral: true };
}
