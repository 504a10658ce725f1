import type { ItemChoice, LocalDateParam, UserError, UserErrorCode } from "../../errors.js";
import { inertText } from "./inertText.js";
import { channelMention } from "./mentions.js";
import { markup, type MessageParam, type Translator } from "./Translator.js";
import type { MessageKey } from "./locales/en.js";
import { localDateText, weeksText } from "./formatters.js";

function isLocalDate(value: unknown): value is LocalDateParam {
  return typeof value === "object" && value !== null && "localDate" in value;
}

/** Room for the choices in an error message, under Discord's 2,000 characters with the sentence around them. */
const maxChoicesLength = 1_500;

/** How many of `pieces`, from the first, fit in `maxChoicesLength` joined by two-character separators. */
function fittingCount(pieces: readonly string[]): number {
  let shown = 0;
  let length = 0;
  while (shown < pieces.length && length + (pieces[shown]?.length ?? 0) <= maxChoicesLength) length += (pieces[shown++]?.length ?? 0) + 2;
  return shown;
}

/**
 * Names in a sentence: each bold and inert, comma-separated; as many as fit in one message, then how many more
 * (thirty cohorts of 80-character names would pass Discord's 2,000 characters, and Discord would refuse the reply).
 */
function boldList(t: Translator, values: readonly string[]): string {
  const names = values.map((value) => `**${t.user(value)}**`);
  const shown = fittingCount(names);
  const listed = names.slice(0, shown).join(", ");
  return shown === names.length ? listed : `${listed} ${t.t("format.more", { count: names.length - shown })}`;
}

/**
 * Names as a list in the reader's language, each bold: "**A**, **B** and **C**", or with "or". Joined
 * before they are bolded, so Spanish picks "e" before "**Insertar enlaces**" as it would before "Insertar".
 */
function boldListIn(t: Translator, names: readonly string[], type: "conjunction" | "disjunction"): string {
  return new Intl.ListFormat(t.locale, { type })
    .formatToParts(names)
    .map((part) => (part.type === "element" ? `**${part.value}**` : part.value))
    .join("");
}

/** Discord's names of permissions, bold, as a list in the reader's language ("**View Channel** and **Send Messages**"). */
export function permissionList(t: Translator, codes: readonly string[]): string {
  return boldListIn(
    t,
    codes.map((code) => t.t("permission.name", { code })),
    "conjunction",
  );
}

/**
 * Same-titled items, each with its weeks and section, then its group or place ("#2") where the service found
 * those needed: the member types one back as shown ("Title (Weeks 1-2 · Basics)") and it picks that item.
 * `unlisted` more items are counted with those that do not fit.
 */
function itemChoicesText(t: Translator, choices: readonly ItemChoice[], unlisted: number): string {
  const lines = choices.map((choice) =>
    t.t("item.choice", {
      title: choice.title,
      section: choice.sectionTitle,
      weeks: markup(weeksText(t, choice.weekStart, choice.weekEnd, "upper")),
      withGroup: choice.group === null ? "no" : "yes",
      group: choice.group ?? "",
      ordinal: choice.ordinal ?? 0,
    }),
  );
  // A title can repeat in every week: as many as fit in one message, then how many more (their weeks or place pick them).
  const shown = fittingCount(lines);
  const more = lines.length - shown + unlisted;
  return [...lines.slice(0, shown), ...(more > 0 ? [t.t("item.moreChoices", { count: more })] : [])].join("; ");
}

/**
 * The sentences of errors about an item without an estimate (`timed: "no"`, a topic): some languages word a
 * topic with another gender ("hecho", not "hecha" as a reading), as the completion replies' `…Topic` keys do.
 */
const topicKeys: Partial<Readonly<Record<UserErrorCode, MessageKey>>> = {
  "item.notDone": "item.notDoneTopic",
  "credit.notDone": "credit.notDoneTopic",
};

function wordingKey(error: UserError): MessageKey {
  const timed = (error.params as { readonly timed?: unknown }).timed;
  return (timed === "no" ? topicKeys[error.code] : undefined) ?? error.code;
}

/**
 * A typed error worded in the translator's language; `key` words it for another surface with the same
 * parameters (the CLI's advice where Discord's, such as autocomplete, would not apply).
 */
export function renderUserError(t: Translator, error: UserError, key: MessageKey = wordingKey(error)): string {
  const values: Record<string, MessageParam> = {};
  const params = error.params as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (name === "channelId") values.channel = channelMention({ channelId: String(value) });
    else if (name === "problem") values.problem = markup(String(value));
    else if (name === "userId") values.member = markup(`<@${String(value)}>`);
    else if (name === "permissions") {
      values.permissions = markup(permissionList(t, value as readonly string[]));
      values.count = (value as readonly string[]).length;
    } else if (name === "suggestions")
      values.suggestions = markup(
        boldListIn(
          t,
          (value as readonly string[]).map((zone) => t.user(zone)),
          "disjunction",
        ),
      );
    else if (name === "choices") values.choices = markup(itemChoicesText(t, value as readonly ItemChoice[], Number(params.unlisted ?? 0)));
    else if (isLocalDate(value)) values[name] = markup(localDateText(t, value.localDate));
    else if (Array.isArray(value)) values[name] = markup(boldList(t, value as string[]));
    else if (typeof value === "number" || typeof value === "string") values[name] = value;
    else values[name] = inertText(String(value));
  }
  return t.t(key, values);
}
