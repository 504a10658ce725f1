import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCurriculum } from "../../src/domain/curriculum/parse/parseCurriculum.js";

const seeds = ["backend-engineer-learning-path.txt", "backend-engineer-mastery-path.txt"] as const;

/**
 * The parsed form of both built-in curricula, recorded before the parser was
 * split into modules. Any change here changes what members see (titles, kinds,
 * minutes, groups) or which completions an item keeps (its key): review the diff.
 */
describe("the built-in curricula parse exactly as recorded", () => {
  it.each(seeds)("%s", async (name) => {
    const text = readFileSync(new URL(`../../prisma/seed/${name}`, import.meta.url), "utf8");
    const result = parseCurriculum(text);
    expect(result.ok).toBe(true);
    await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.parsed.json`);
  });
});
