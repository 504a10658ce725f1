import type { ItemKind } from "../../domain/curriculum/curriculumModel.js";
import { markup, type Markup, type Translator } from "../i18n/Translator.js";

/**
 * An item's kind as its line shows it. An item without an estimate is a topic (the 36-week path), which some
 * languages name with another gender than a reading (Spanish: "tema obligatorio", "lectura obligatoria").
 */
export function kindLabel(t: Translator, item: { readonly kind: ItemKind; readonly minutes: number | null }): Markup {
  return markup(t.t(item.minutes === null ? `kindTopic.${item.kind}` : `kind.${item.kind}`));
}
