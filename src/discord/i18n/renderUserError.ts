import type { LocalDateParam, UserError } from "../../errors.js";
import { inertText } from "./inertText.js";
import { markup, type MessageParam, type Translator } from "./Translator.js";
import { localDateText, weeksText } from "./formatters.js";

function isLocalDate(value: unknown): value is LocalDateParam {
  return typeof value === "object" && value !== null && "localDate" in value;
}

/** Names in a sentence: each bold and inert, comma-separated. */
function boldList(t: Translator, values: readonly string[]): string {
  return values.map((value) => `**${t.user(value)}**`).join(", ");
}

/** A typed error worded in the translator's language. */
export function renderUserError(t: Translator, error: UserError): string {
  const values: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(error.params as Record<string, unknown>)) {
    if (name === "channelId") values.channel = markup(`<#${String(value)}>`);
    else if (name === "problem") values.problem = markup(String(value));
    else if (name === "userId") values.member = markup(`<@${String(value)}>`);
    else if (name === "choices") {
      const choices = value as Extract<UserError["params"], { choices: unknown }>["choices"];
      values.choices = markup(
        choices
          .map((choice) =>
            t.t("item.choice", {
              title: choice.title,
              section: choice.sectionTitle,
              weeks: markup(weeksText(t, choice.weekStart, choice.weekEnd, "upper")),
            }),
          )
          .join("; "),
      );
    } else if (isLocalDate(value)) values[name] = markup(localDateText(t, value.localDate));
    else if (Array.isArray(value)) values[name] = markup(boldList(t, value as string[]));
    else if (typeof value === "number" || typeof value === "string") values[name] = value;
    else values[name] = inertText(String(value));
  }
  return t.t(error.code, values);
}
