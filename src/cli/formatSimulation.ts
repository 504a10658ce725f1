import { DateTime } from "luxon";
import { postText } from "../discord/render/postText.js";
import { renderPost } from "../discord/render/renderPost.js";
import { translatorFor, type Translator } from "../discord/i18n/Translator.js";
import { localDateText, shortWeekdayName, weekdayName } from "../discord/i18n/formatters.js";
import type { SimulationView } from "../services/PostService.js";

const kindLabels = { week: "weekly assignment", checkpoint: "checkpoint prompt", closing: "closing post" } as const;
const heavyRule = "═".repeat(72);
const lightRule = "─".repeat(72);

function studyDaysText(t: Translator, days: readonly number[]): string {
  return days.map((day) => shortWeekdayName(t, day)).join(", ");
}

/**
 * The `simulate` dry run as text: a header with the cohort's settings, then
 * every post in order with its cohort-local date and time (and UTC) and a
 * text form of exactly what the bot would post. English, with dates and weekdays
 * worded by the message catalogue's rules, as the bot's replies word them.
 */
export function formatSimulation(simulation: SimulationView): string {
  const t = translatorFor("en");
  const date = (localDate: string): string => localDateText(t, localDate);
  const { cohort } = simulation;
  const settings = cohort.settings;
  const lines: string[] = [
    `Dry run for ${simulation.fromDatabase ? `cohort ${cohort.id} "${cohort.name}"` : `"${cohort.name}"`}: nothing is sent to Discord.`,
    `${simulation.curriculumTitle} · ${t.plain("curriculumAdmin.weeks", { weeks: simulation.totalWeeks })} · starts ${date(settings.startDate)} · time zone ${settings.timeZone}`,
    `Weekly assignment ${weekdayName(t, settings.announceDay)} ${settings.announceTime} · checkpoint prompts ${settings.checkpointTime} · study days ${studyDaysText(t, settings.studyDays)}${settings.includeOptional ? " · optional items included" : ""}`,
    `${simulation.posts.length} post${simulation.posts.length === 1 ? "" : "s"}:`,
  ];
  for (const [index, { post }] of simulation.posts.entries()) {
    lines.push(
      `  ${String(index + 1).padStart(2)}. ${date(post.localDate)} ${post.localTime}  ${kindLabels[post.kind].padEnd(18)} ${post.period}`,
    );
  }
  for (const [index, { post, view }] of simulation.posts.entries()) {
    const utc = DateTime.fromJSDate(post.dueAt, { zone: "UTC" }).toFormat("yyyy-MM-dd HH:mm");
    lines.push(
      "",
      heavyRule,
      `#${index + 1} · ${kindLabels[post.kind]} · ${post.period}`,
      `   ${date(post.localDate)} ${post.localTime} ${settings.timeZone}  ·  ${utc} UTC`,
      lightRule,
      postText(renderPost(t, view).messages, settings.timeZone),
    );
  }
  return lines.join("\n");
}
