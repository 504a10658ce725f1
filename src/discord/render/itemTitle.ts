import { markup, type Markup, type Translator } from "../i18n/Translator.js";

/** What a title line needs: a "choose one" slot lists its tracks (see `choiceSlots.ts`). */
export interface TitledItem {
  readonly title: string;
  readonly choice?: readonly { readonly title: string; readonly track?: string | null }[];
}

/** An item's title as a message parameter: its own (user text, escaped by the translator), or "Choose one: Python Path / Go Path". */
export function itemTitle(t: Translator, item: TitledItem): string | Markup {
  if (item.choice === undefined) return item.title;
  // The track names are user text: passed as a parameter, the translator escapes them.
  return markup(t.t("item.chooseOne", { tracks: item.choice.map((track) => track.track ?? track.title).join(" / ") }));
}
