import type { ParseProblem } from "../../domain/curriculum/curriculumModel.js";
import type { Language } from "./languages.js";
import type { MessageKey } from "./locales/en.js";
import { translatorFor } from "./Translator.js";

/** The catalogue key of a curriculum problem: `parse.<code>`, one per code in every language. */
export function parseProblemKey(problem: ParseProblem): MessageKey {
  return `parse.${problem.code}`;
}

/**
 * One curriculum problem as a plain sentence in `language`; the parameters
 * (excerpts of the document) are made inert like any user text. The
 * /curriculum import reply and the CLI use it.
 */
export function renderParseProblem(problem: ParseProblem, language: Language = "en"): string {
  return translatorFor(language).plain(parseProblemKey(problem), problem.params);
}
