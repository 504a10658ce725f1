import { describe, expect, it } from "vitest";
import { drawProgressCard, progressCardSize } from "../../src/discord/pictures/drawProgressCard.js";
import { PictureFonts } from "../../src/discord/pictures/PictureFonts.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { localDateText } from "../../src/discord/i18n/formatters.js";
import { cyrillicCardView } from "../helpers/stagedPictureViews.js";
import { printedBy } from "../helpers/printedBy.js";

const fonts = new PictureFonts();

/**
 * Before the course's first day the card's streak says when it starts; cut to "🔥 Starts…" it says
 * nothing. No freezes are held then (they are earned on study days); a late weekday and month of each language.
 */
describe("the card's streak before the course starts", () => {
  for (const language of ["en", "es"] as const) {
    it(`prints the whole start date (${language})`, () => {
      const t = translatorFor(language);
      const streakValue = t.plain("progressCard.streakStarts", { date: localDateText(t, "2027-09-29") });
      const view = { ...cyrillicCardView, streakDays: 0, freezesLeft: 0, labels: { ...cyrillicCardView.labels, streakValue, freezes: "" } };
      const printed = printedBy(progressCardSize, (context) => drawProgressCard(context, fonts, view));
      expect(printed).toContain(streakValue);
    });
  }
});
