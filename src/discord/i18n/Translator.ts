import { IntlMessageFormat, type Formatters } from "intl-messageformat";
import { compileMessage } from "./compileMessage.js";
import { inertText, TextTarget } from "./inertText.js";
import { defaultLanguage, isLanguage, languageEntry, type Language } from "./languages.js";
import type { MessageKey } from "./locales/en.js";

/** Text the bot built itself (a channel mention, a `<t:…>` timestamp, another message): passed on as is. */
export class Markup {
  constructor(readonly text: string) {}
}
export function markup(text: string): Markup {
  return new Markup(text);
}

/**
 * A message parameter. Strings are user text unless wrapped in `markup()`:
 * the translator makes every bare string inert, so a forgotten escape is
 * impossible and a forgotten `markup()` only shows a harmless backslash.
 */
export type MessageParam = string | number | Markup;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** Words every sentence in one language; `plain` for text Discord does not render as Markdown (footers, labels). */
export interface Translator {
  readonly language: Language;
  /** The `Intl` locale of dates and numbers ("en-GB", "es-ES"). */
  readonly locale: string;
  t(key: MessageKey, params?: MessageParams): string;
  plain(key: MessageKey, params?: MessageParams): string;
  /** One user-provided string on its own, inert for Markdown. */
  user(text: string): string;
  /** One user-provided string for plain text (footers, labels, thread names). */
  plainUser(text: string): string;
}

/** The values of a message without parameters: one object for every such call. */
const noValues: Readonly<Record<string, string | number>> = Object.freeze({});

// A reply words dozens of messages: no [name, value] pair per parameter (Object.entries), and nothing for none.
function valuesFor(params: MessageParams | undefined, target: TextTarget): Readonly<Record<string, string | number>> {
  if (params === undefined) return noValues;
  const values: Record<string, string | number> = {};
  for (const name of Object.keys(params)) {
    const value = params[name] as MessageParam;
    values[name] = value instanceof Markup ? value.text : typeof value === "string" ? inertText(value, target) : value;
  }
  return values;
}

/**
 * The Intl formatters of one language's messages, each built once. intl-messageformat's own cache
 * looks them up by JSON.stringify of the arguments on every number and plural a message formats;
 * here the locale is fixed, and the options are the message's own (the same object every call)
 * but for plural rules, which only vary by type.
 */
function formattersFor(locale: string): Formatters {
  const numberFormats = new WeakMap<object, Intl.NumberFormat>();
  const dateTimeFormats = new WeakMap<object, Intl.DateTimeFormat>();
  const pluralRules = new Map<string | undefined, Intl.PluralRules>();
  let plainNumberFormat: Intl.NumberFormat | undefined;
  let plainDateTimeFormat: Intl.DateTimeFormat | undefined;
  return {
    getNumberFormat(_locales, options) {
      if (options === undefined) return (plainNumberFormat ??= new Intl.NumberFormat(locale));
      let format = numberFormats.get(options);
      if (format === undefined) numberFormats.set(options, (format = new Intl.NumberFormat(locale, options)));
      return format;
    },
    getDateTimeFormat(_locales, options) {
      if (options === undefined) return (plainDateTimeFormat ??= new Intl.DateTimeFormat(locale));
      let format = dateTimeFormats.get(options);
      if (format === undefined) dateTimeFormats.set(options, (format = new Intl.DateTimeFormat(locale, options)));
      return format;
    },
    getPluralRules(_locales, options) {
      let rules = pluralRules.get(options?.type);
      if (rules === undefined) pluralRules.set(options?.type, (rules = new Intl.PluralRules(locale, { type: options?.type })));
      return rules;
    },
  };
}

/** A message parsed once; `compiled` words it when it can (see compileMessage), else intl-messageformat does. */
interface CompiledMessage {
  readonly parsed: IntlMessageFormat;
  readonly compiled: ReturnType<typeof compileMessage>;
}

class CatalogueTranslator implements Translator {
  readonly locale: string;
  private readonly formats = new Map<MessageKey, CompiledMessage>();
  private readonly formatters: Formatters;

  constructor(readonly language: Language) {
    this.locale = languageEntry(language).intlLocale;
    this.formatters = formattersFor(this.locale);
  }

  t(key: MessageKey, params?: MessageParams): string {
    return this.format(key, valuesFor(params, TextTarget.Markdown));
  }

  plain(key: MessageKey, params?: MessageParams): string {
    return this.format(key, valuesFor(params, TextTarget.Plain));
  }

  user(text: string): string {
    return inertText(text);
  }

  plainUser(text: string): string {
    return inertText(text, TextTarget.Plain);
  }

  private format(key: MessageKey, values: Readonly<Record<string, string | number>>): string {
    let format = this.formats.get(key);
    if (format === undefined) {
      // ignoreTag: "<" in a message is text, not a rich-text tag.
      const parsed = new IntlMessageFormat(languageEntry(this.language).catalogue[key], this.locale, undefined, {
        ignoreTag: true,
        formatters: this.formatters,
      });
      format = { parsed, compiled: compileMessage(parsed.getAst(), this.locale, this.formatters) };
      this.formats.set(key, format);
    }
    return format.compiled?.(values) ?? String(format.parsed.format(values));
  }
}

const translators = new Map<Language, Translator>();

/** The translator of a language, built once: compiled messages are cached. */
export function translatorFor(language: Language = defaultLanguage): Translator {
  let translator = translators.get(language);
  if (translator === undefined) {
    translator = new CatalogueTranslator(language);
    translators.set(language, translator);
  }
  return translator;
}

/** A cohort's language as a translator; a language no longer shipped falls back to English. */
export function cohortTranslator(language: string): Translator {
  return translatorFor(isLanguage(language) ? language : defaultLanguage);
}
