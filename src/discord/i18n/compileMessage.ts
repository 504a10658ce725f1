import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Formatters } from "intl-messageformat";

type Values = Readonly<Record<string, string | number>>;
type Piece = (values: Values, pluralValue: number | undefined) => string;

class Unsupported extends Error {}
/** Thrown by a compiled message for anything it leaves to intl-messageformat (a missing value, no matching option); one instance, no stack to build. */
const notHere = new Unsupported("intl-messageformat words this one");

/** Integers below this (minutes, counts, weeks) are worded by ICU once per message piece, then reused. */
const rememberedIntegersBelow = 1024;

/**
 * `word` for a non-negative integer below `rememberedIntegersBelow` asked once, then answered from
 * memory: Intl's number formatting costs about a microsecond a call, and a `/today` words some twenty
 * numbers. Same locale and options every call, so the same text; anything else goes to `word` each time.
 */
function rememberSmallIntegers<T>(word: (value: number) => T): (value: number) => T {
  const known: T[] = [];
  return (value) => {
    if (!Number.isInteger(value) || value < 0 || value >= rememberedIntegersBelow || Object.is(value, -0)) return word(value);
    return (known[value] ??= word(value));
  };
}

function valueOf(values: Values, name: string): string | number {
  if (!(name in values)) throw notHere;
  return values[name] as string | number;
}

function option(options: Readonly<Record<string, Piece>>, key: string): Piece {
  const chosen = Object.hasOwn(options, key) ? options[key] : options.other;
  if (chosen === undefined) throw notHere;
  return chosen;
}

function compileOptions(
  options: Readonly<Record<string, { value: MessageFormatElement[] }>>,
  locale: string,
  formatters: Formatters,
): Record<string, Piece> {
  const compiled = Object.create(null) as Record<string, Piece>;
  for (const [key, { value }] of Object.entries(options)) compiled[key] = compileElements(value, locale, formatters);
  return compiled;
}

function compileElement(element: MessageFormatElement, locale: string, formatters: Formatters): Piece {
  switch (element.type) {
    case TYPE.literal: {
      const text = element.value;
      return () => text;
    }
    case TYPE.pound: {
      const numbers = formatters.getNumberFormat(locale);
      const formatNumber = rememberSmallIntegers((value) => numbers.format(value));
      return (_values, pluralValue) => (typeof pluralValue === "number" ? formatNumber(pluralValue) : "");
    }
    case TYPE.argument: {
      const name = element.value;
      return (values) => {
        const value: unknown = valueOf(values, name);
        if (typeof value === "string" || typeof value === "number") return String(value);
        if (!value) return "";
        throw notHere;
      };
    }
    case TYPE.number: {
      if (element.style !== null && element.style !== undefined) throw new Unsupported();
      const name = element.value;
      const numbers = formatters.getNumberFormat(locale);
      const formatNumber = rememberSmallIntegers((value) => numbers.format(value));
      return (values) => formatNumber(valueOf(values, name) as number);
    }
    case TYPE.select: {
      const name = element.value;
      const options = compileOptions(element.options, locale, formatters);
      // A select's branch words "#" as nothing, as intl-messageformat does.
      return (values) => option(options, String(valueOf(values, name)))(values, undefined);
    }
    case TYPE.plural: {
      const name = element.value;
      const offset = element.offset || 0;
      const options = compileOptions(element.options, locale, formatters);
      const rules = formatters.getPluralRules(locale, { type: element.pluralType });
      const pluralCategory = rememberSmallIntegers((value) => rules.select(value));
      return (values) => {
        const value = valueOf(values, name) as number;
        const exact = `=${value}`;
        const chosen = Object.hasOwn(options, exact) ? options[exact] : undefined;
        return (chosen ?? option(options, pluralCategory(value - offset)))(values, value - offset);
      };
    }
    default:
      throw new Unsupported();
  }
}

function compileElements(elements: readonly MessageFormatElement[], locale: string, formatters: Formatters): Piece {
  const pieces = elements.map((element) => compileElement(element, locale, formatters));
  if (pieces.length === 1 && pieces[0] !== undefined) return pieces[0];
  return (values, pluralValue) => {
    let text = "";
    for (const piece of pieces) text += piece(values, pluralValue);
    return text;
  };
}

/**
 * A message's syntax tree as one function over its values, wording exactly what intl-messageformat's
 * `format` words for the kinds of element the catalogue uses (text, arguments, plain numbers, plurals,
 * selects), without its per-call parts lists. Null for a message with anything else (dates, styled
 * numbers, tags); the function returns null where intl-messageformat must decide (a missing value, no
 * matching option), so its errors stay its own.
 */
export function compileMessage(
  ast: readonly MessageFormatElement[],
  locale: string,
  formatters: Formatters,
): ((values: Values) => string | null) | null {
  let piece: Piece;
  try {
    piece = compileElements(ast, locale, formatters);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  return (values) => {
    try {
      return piece(values, undefined);
    } catch (error) {
      if (error === notHere) return null;
      throw error;
    }
  };
}
