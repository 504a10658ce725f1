import { WeightedLruCache } from "../../shared/WeightedLruCache.js";
import type { Translator } from "./Translator.js";

/** "45 min", "2 h", "2 h 20 min"; "no estimate" for null. */
export function durationText(t: Translator, minutes: number | null): string {
  if (minutes === null) return t.t("format.noEstimate");
  if (minutes < 60) return t.t("format.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t.t("format.hours", { hours }) : t.t("format.hoursMinutes", { hours, minutes: rest });
}

/**
 * Time of several items: their minutes, or "2 topics" when none of them has
 * an estimate (the mastery path's topics), so no reply says "no estimate".
 */
export function amountText(t: Translator, minutes: number, items: number): string {
  if (minutes === 0 && items > 0) return t.t("format.topics", { count: items });
  return durationText(t, minutes);
}

/** "week 3", "weeks 3–4" (lower) or "Week 3", "Weeks 3-4" (upper, labels and choices). */
export function weeksText(t: Translator, start: number, end: number, style: "lower" | "upper" = "lower"): string {
  return t.t(style === "lower" ? "format.weeksLower" : "format.weeksUpper", {
    start: String(start),
    end: String(end),
    same: start === end ? "yes" : "no",
  });
}

// Building an Intl formatter costs about a millisecond: one per locale, reused.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

// Replies name the same few dates over and over (today, overdue items' days): each worded once per locale.
const dateTexts = new WeightedLruCache<string, string>(4096);

/** "Tue 19 Jan 2027" for a cohort-local calendar date (a date, not an instant, so no time-zone shift). */
export function localDateText(t: Translator, localDate: string): string {
  const key = `${t.locale} ${localDate}`;
  let text = dateTexts.get(key);
  if (text === undefined) {
    text = formatLocalDate(t.locale, localDate);
    dateTexts.set(key, text);
  }
  return text;
}

function formatLocalDate(locale: string, localDate: string): string {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  const [year, month, day] = localDate.split("-").map(Number);
  return format.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

/** "Mon" … "Sun" in the translator's language (ISO weekday 1–7), for charts and grids. */
export function shortWeekdayName(t: Translator, isoWeekday: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(t.locale, { weekday: "short", timeZone: "UTC" })
    .format(new Date(Date.UTC(2024, 0, isoWeekday)))
    .replace(/\.$/, "");
}

/** Monday … Sunday in the translator's language (ISO weekday 1–7). */
export function weekdayName(t: Translator, isoWeekday: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(t.locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}
