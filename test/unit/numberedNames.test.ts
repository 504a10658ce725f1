import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { numberedNames } from "../../src/discord/render/numberedNames.js";
import type { MemberName } from "../../src/services/RosterService.js";

const en = translatorFor("en");

function cohortOf(displayNames: readonly string[]): MemberName[] {
  return displayNames.map((displayName, index) => ({ memberId: index + 1, displayName }));
}

describe("namesakes' numbers on a roster page and in a Nudge answer", () => {
  // Join order is member id order; readers in between, as in a real cohort.
  const cohort = cohortOf(["Reader 1", "Alex", "Sam", "Jos\u00e9", "Reader 2", "Alex\u200b", "Sam #1", "Jose\u0301", "Sam", "Lee", "Alex"]);
  const everyone = cohort.map((member) => member.memberId);

  it("gives each shown member the label the whole cohort's numbering gives them, whoever else is shown", () => {
    const whole = numberedNames(en, cohort, everyone);
    expect(cohort.map((member) => whole.get(member.memberId))).toEqual([
      "Reader 1",
      "Alex #1",
      "Sam #2",
      "Jos\u00e9 #1",
      "Reader 2",
      "Alex\u200b #2",
      "Sam #1",
      "Jose\u0301 #2",
      "Sam #3",
      "Lee",
      "Alex #3",
    ]);
    for (const member of cohort)
      expect(numberedNames(en, cohort, [member.memberId])).toEqual(new Map([[member.memberId, whole.get(member.memberId)]]));
    // A page of three: only their labels, the same numbers.
    expect(numberedNames(en, cohort, [11, 3, 10])).toEqual(
      new Map([
        [3, "Sam #2"],
        [10, "Lee"],
        [11, "Alex #3"],
      ]),
    );
  });

  it("labels only the shown members of a big cohort, as the whole cohort's numbering does", () => {
    // 5,000 pairs of namesakes; a page shows one of each of 20 pairs.
    const cohort = cohortOf(Array.from({ length: 10_000 }, (_, index) => `Reader ${Math.floor(index / 2)}`));
    const page = Array.from({ length: 20 }, (_, index) => 1 + index * 500);
    const whole = numberedNames(
      en,
      cohort,
      cohort.map((member) => member.memberId),
    );
    expect(whole.get(2)).toBe("Reader 0 #2");
    const labels = numberedNames(en, cohort, page);
    expect(labels.get(1)).toBe("Reader 0 #1");
    expect(labels.get(9_501)).toBe("Reader 4750 #1");
    expect(labels).toEqual(new Map(page.map((memberId) => [memberId, whole.get(memberId)])));
  });
});
