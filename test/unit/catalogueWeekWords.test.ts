import { describe, expect, it } from "vitest";
import { catalogueWeekWords } from "../../src/discord/i18n/catalogueWeekWords.js";
import { weeksText } from "../../src/discord/i18n/formatters.js";
import { languageCodes } from "../../src/discord/i18n/languages.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { detailsFit, readsAs, type ItemDetails } from "../../src/domain/curriculum/typedItem.js";

describe("the words for weeks, read from the message catalogue", () => {
  it("are each language's words for one week and for several", () => {
    expect(catalogueWeekWords()).toEqual(
      expect.arrayContaining([
        { one: "week", several: "weeks" },
        { one: "semana", several: "semanas" },
      ]),
    );
  });

  it.each(languageCodes)("read back every weeks text %s writes as a typed detail of exactly those weeks", (code) => {
    const t = translatorFor(code);
    const words = catalogueWeekWords();
    const item: ItemDetails = { sectionTitle: "Basics", group: null, weekStart: 3, weekEnd: 4, ordinal: 1 };
    for (const style of ["upper", "lower"] as const) {
      for (const [start, end] of [
        [3, 3],
        [4, 4],
        [3, 4],
      ] as const) {
        const text = readsAs(weeksText(t, start, end, style));
        expect([text, detailsFit(text, item, words)]).toEqual([text, true]);
      }
      const outside = readsAs(weeksText(t, 2, 4, style));
      expect([outside, detailsFit(outside, item, words)]).toEqual([outside, false]);
    }
  });
});
