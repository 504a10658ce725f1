import { describe, expect, it } from "vitest";
import { nameKeyOf } from "../../src/domain/text/plainUserText.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { namesakeLabelIn, numberedNames } from "../../src/discord/render/numberedNames.js";
import { namesToNumber, type MemberName } from "../../src/services/RosterService.js";

const en = translatorFor("en");
const label = namesakeLabelIn(en);

function cohortOf(displayNames: readonly string[]): MemberName[] {
  return displayNames.map((displayName, index) => ({ memberId: index + 1, displayName }));
}

/** A read by name key over `cohort` as the database answers it (join order), counting its calls. */
function readerOver(cohort: readonly MemberName[]) {
  const counted = { reads: 0 };
  const read = (keys: readonly string[]) => {
    counted.reads += 1;
    const wanted = new Set(keys);
    return Promise.resolve(cohort.filter((member) => wanted.has(nameKeyOf(member.displayName))));
  };
  return { counted, read };
}

/** A small deterministic generator (mulberry32): the same cohorts on every run. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("the names a roster page reads to number its namesakes", () => {
  it("reads a chain of taken labels in a few rounds that double, not one round per label", async () => {
    const chain = 1_600;
    // Two Sams, and members named "Sam #1"…"Sam #1600": the Sams are "Sam #1601" and "Sam #1602".
    const cohort = cohortOf(["Sam", ...Array.from({ length: chain }, (_, index) => `Sam #${index + 1}`), "Sam"]);
    const lastSam = cohort.at(-1) ?? { memberId: 0, displayName: "" };
    const { counted, read } = readerOver(cohort);
    const needed = await namesToNumber([lastSam], label, read);
    expect(numberedNames(en, needed, [lastSam.memberId]).get(lastSam.memberId)).toBe(`Sam #${chain + 2}`);
    // The namesakes, then labels 2, 2, 4, 8… at a time: about log2(chain) rounds.
    expect(counted.reads).toBeLessThanOrEqual(Math.ceil(Math.log2(chain)) + 3);
  });

  it("numbers any shown members as the whole cohort's numbering does (random cohorts)", async () => {
    const random = randomFrom(14);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const bases = ["Sam", "Sam #1", "Lee", "Sam #2", "Lee #1", "Sam #1 #1", "Jose\u0301", "Jos\u00e9 #1", " Lee\u200b"];
    for (let round = 0; round < 200; round += 1) {
      const names = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        random() < 0.2 ? `Sam #${1 + Math.floor(random() * 8)}` : pick(bases),
      );
      const cohort = cohortOf(names);
      const whole = numberedNames(
        en,
        cohort,
        cohort.map((member) => member.memberId),
      );
      const shown = cohort.filter(() => random() < 0.3);
      const needed = await namesToNumber(shown, label, readerOver(cohort).read);
      const ids = shown.map((member) => member.memberId);
      expect(numberedNames(en, needed, ids), names.join(" | ")).toEqual(new Map(ids.map((id) => [id, whole.get(id)])));
    }
  });
});
