import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { compileMessage } from "../../src/discord/i18n/compileMessage.js";
import { languageCodes, languageEntry } from "../../src/discord/i18n/languages.js";
import type { MessageKey } from "../../src/discord/i18n/locales/en.js";
import { markup, translatorFor, type MessageParam } from "../../src/discord/i18n/Translator.js";
import { messageParameters } from "../helpers/messageParameters.js";

const numbers = [0, 1, 2, 5, 21, 1234, 1234567, 2.5];
const choices = ["yes", "no", "week", "finished", "notStarted", "other", "zzz"];

/** What intl-messageformat words on its own: the translator's compiled messages and shared formatters must not change a word. */
function plainFormat(message: string, locale: string, values: Record<string, string | number>): string {
  try {
    return String(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(values));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe("the translator's compiled messages and Intl formatters, built once per language", () => {
  it.each(languageCodes)("word every %s message as intl-messageformat does, for many numbers and choices", (code) => {
    const t = translatorFor(code);
    const catalogue: Readonly<Record<string, string>> = languageEntry(code).catalogue;
    let compared = 0;
    for (const [key, message] of Object.entries(catalogue)) {
      const parameters = [...messageParameters(message)];
      // Variant -1 leaves every parameter out: the same error either way.
      for (let variant = -1; variant < numbers.length; variant++) {
        const raw: Record<string, string | number> = {};
        const params: Record<string, MessageParam> = {};
        parameters.forEach(([name, kind], index) => {
          if (variant < 0) return;
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

describe("compileMessage", () => {
  it.each(languageCodes)("compiles nearly every %s catalogue message (the rest are worded by intl-messageformat)", (code) => {
    const { locale } = translatorFor(code);
    const shared = {
      getNumberFormat: (_locales?: string | string[], options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
      getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
      getPluralRules: (_locales?: string | string[], options?: Intl.PluralRulesOptions) => new Intl.PluralRules(locale, options),
    };
    const messages = Object.values(languageEntry(code).catalogue as Readonly<Record<string, string>>);
    const handedBack = messages.filter(
      (message) => compileMessage(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst(), locale, shared) === null,
    );
    // Only messages with styled numbers or dates go back to intl-messageformat: a handful, not the catalogue.
    expect(handedBack.length).toBeLessThan(messages.length / 20);
  });

  const locale = "en-GB";
  const formatters = {
    getNumberFormat: (_locales?: string | string[], options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
    getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
    getPluralRules: (_locales?: string | string[], options?: Intl.PluralRulesOptions) => new Intl.PluralRules(locale, options),
  };
  const compiled = (message: string) =>
    compileMessage(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst(), locale, formatters);

  it("words plurals with offsets and exact matches, selects (where # is nothing) and numbers as intl-messageformat does", () => {
    const messages = [
      "{n, plural, offset:1 =0 {none} =1 {just {who}} one {{who} and # other} other {{who} and # others}}",
      "{n, plural, one {# {s, select, a {x #} other {y}}} other {# z <b>{s}</b>}}",
      "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} of {total, number}",
    ];
    for (const message of messages) {
      const format = compiled(message);
      expect(format).not.toBeNull();
      for (const n of [0, 1, 2, 3, 11, 22, 1234]) {
        for (const s of ["a", "b"]) {
          const values = { n, s, who: "Ada", total: 12345 };
          expect(format?.(values)).toBe(plainFormat(message, locale, values));
        }
      }
    }
  });

  it("words a number it has worded before the same way again (small integers are remembered, others are not)", () => {
    const message = "{n, plural, one {# item} other {# items}}, {m, number} min";
    const format = compiled(message);
    for (const round of [1, 2]) {
      for (const n of [0, 1, 2, 1023, 1024, 5000, -1, -0, 2.5]) {
        const values = { n, m: n };
        expect(format?.(values), `round ${round}, ${Object.is(n, -0) ? "-0" : n}`).toBe(plainFormat(message, locale, values));
      }
    }
  });

  it("leaves dates, styled numbers and missing values to intl-messageformat", () => {
    expect(compiled("{d, date, short}")).toBeNull();
    expect(compiled("{n, number, percent}")).toBeNull();
    expect(compiled("{n, plural, one {#} other {# items}} for {who}")?.({ n: 2 })).toBeNull();
    expect(compiled("{s, select, a {x} other {y}}")?.({})).toBeNull();
  });
});
