import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { languageCodes, languages } from "../../src/discord/i18n/languages.js";
import type { MessageKey } from "../../src/discord/i18n/locales/en.js";
import { markup, translatorFor, type MessageParam } from "../../src/discord/i18n/Translator.js";
import { messageParameters } from "../helpers/messageParameters.js";

const numbers = [0, 1, 2, 5, 21, 1234, 1234567, 2.5];
const choices = ["yes", "no", "week", "finished", "notStarted", "other", "zzz"];

/** What intl-messageformat words on its own, with its own formatter cache: the translator's shared formatters must not change a word. */
function plainFormat(message: string, locale: string, values: Record<string, string | number>): string {
  try {
    return String(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(values));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe("the translator's Intl formatters, built once per language", () => {
  it.each(languageCodes)("word every %s message as intl-messageformat's own do, for many numbers and choices", (code) => {
    const t = translatorFor(code);
    const catalogue: Readonly<Record<string, string>> = languages[code].catalogue;
    let compared = 0;
    for (const [key, message] of Object.entries(catalogue)) {
      const parameters = [...messageParameters(message)];
      for (let variant = 0; variant < numbers.length; variant++) {
        const raw: Record<string, string | number> = {};
        const params: Record<string, MessageParam> = {};
        parameters.forEach(([name, kind], index) => {
          const value =
            kind === "plural" || kind === "number"
              ? (numbers[(variant + index) % numbers.length] ?? 0)
              : kind === "select"
                ? (choices[(variant + index) % choices.length] ?? "other")
                : `v${index}`;
          raw[name] = value;
          params[name] = typeof value === "string" ? markup(value) : value;
        });
        const expected = plainFormat(message, t.locale, raw);
        let actual: string;
        try {
          actual = t.t(key as MessageKey, params);
        } catch (error) {
          actual = `error: ${(error as Error).message}`;
        }
        expect(actual, `${key} with ${JSON.stringify(raw)}`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
