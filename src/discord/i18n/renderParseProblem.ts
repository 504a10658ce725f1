import { IntlMessageFormat } from "intl-messageformat";
import type { ParseProblem } from "../../domain/curriculum/curriculumModel.js";
import { parseProblemMessages } from "./parseProblemMessages.js";

export type ParseProblemLanguage = keyof typeof parseProblemMessages;

const locales: Record<ParseProblemLanguage, string> = { en: "en-US", es: "es-ES" };
const compiled = new Map<string, IntlMessageFormat>();

/**
 * One curriculum problem as a sentence. A stopgap until the message catalogue
 * takes these texts in; the /curriculum import reply and the CLI use it.
 */
export function renderParseProblem(problem: ParseProblem, language: ParseProblemLanguage = "en"): string {
  const cacheKey = `${language}:${problem.code}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    format = new IntlMessageFormat(parseProblemMessages[language][problem.code], locales[language]);
    compiled.set(cacheKey, format);
  }
  return String(format.format(problem.params));
}
