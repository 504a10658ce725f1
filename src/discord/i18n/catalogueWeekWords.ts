import { readsAs, type WeekWords, type WeekWordsOfLanguages } from "../../domain/curriculum/typedItem.js";
import { weeksText } from "./formatters.js";
import { languageCodes } from "./languages.js";
import { translatorFor } from "./Translator.js";

// Numbers no week word holds, so the word is what comes before them.
const oneWeek = /^(\D*?)\s*7$/u;
const weekRange = /^(\D*?)\s*7\s*[-–]\s*9$/u;

/** The word `text` (read with `readsAs`) puts before its numbers; a language whose weeks text puts them elsewhere is refused. */
function wordBefore(text: string, numbers: RegExp, key: string): string {
  const word = numbers.exec(readsAs(text))?.[1];
  if (word === undefined) throw new Error(`${key} must write its word for weeks before the numbers: "${text}"`);
  return word;
}

/**
 * How each language's replies write weeks, read from its catalogue (`format.weeksUpper`, as the "several items
 * match" lines and autocomplete show weeks, and `format.weeksLower`): the words an item typed by hand may put
 * before its week numbers, in any language. A new language's words come with its catalogue.
 */
export function catalogueWeekWords(): WeekWordsOfLanguages {
  const all = languageCodes.flatMap((code) =>
    (["upper", "lower"] as const).map((style): WeekWords => {
      const t = translatorFor(code);
      const key = `${code} format.weeks${style === "upper" ? "Upper" : "Lower"}`;
      return { one: wordBefore(weeksText(t, 7, 7, style), oneWeek, key), several: wordBefore(weeksText(t, 7, 9, style), weekRange, key) };
    }),
  );
  const distinct = [...new Map(all.map((words) => [JSON.stringify([words.one, words.several]), words])).values()];
  const [first, ...others] = distinct;
  if (first === undefined) throw new Error("no language to read week words from");
  return [first, ...others];
}
