import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * README: `/progress` lists every section with its bar, as many as Discord allows. An imported path of many long
 * section titles: the lines spread over "Sections (continued)" fields within the embed's 6,000 characters; only
 * past that does "…and N more" end them.
 */
describe("/progress of a path with many long section titles", () => {
  let bot: BotHarness;
  let few: APIEmbed | undefined;
  let many: APIEmbed | undefined;

  /** A path of `count` one-week sections, each with a long title and one item. */
  function longPath(name: string, count: number): string {
    const lines = [name];
    for (let week = 1; week <= count; week += 1) {
      lines.push(`Week ${week}: Section ${week} ${"of distributed systems, storage engines and replication ".repeat(2).trim()}`);
      lines.push(`- [ ] Required -- Reading ${week} (20 min)`);
    }
    return lines.join("\n");
  }

  async function progressOf(pathName: string, key: string, count: number): Promise<APIEmbed | undefined> {
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: `${key}.md`, content: longPath(pathName, count) } });
    await bot.createCohort({ name: pathName, start: "2027-01-04", curriculum: key });
    const ada = bot.member(`ada-${key}`);
    await bot.reply(ada.id, "join", { cohort: pathName });
    return (await bot.reply(ada.id, "progress", { cohort: pathName })).embeds[0];
  }

  function length(embed: APIEmbed | undefined): number {
    const fields = embed?.fields ?? [];
    return [embed?.title, embed?.description, embed?.footer?.text, ...fields.flatMap((field) => [field.name, field.value])].join("").length;
  }

  function sectionLines(embed: APIEmbed | undefined): string[] {
    return (embed?.fields ?? []).flatMap((field) => field.value.split("\n"));
  }

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    few = await progressOf("Long Titles", "long-titles", 16);
    many = await progressOf("Very Many Titles", "very-many-titles", 60);
  }, 120_000);
  afterAll(async () => bot.close());

  it("lists all sixteen sections over more than one field when they do not fit in one", () => {
    expect(few?.fields?.map((field) => field.name)).toEqual(["Sections", "Sections (continued)", "Sections (continued)"]);
    const lines = sectionLines(few);
    expect(lines).toHaveLength(16);
    expect(lines.at(-1)).toContain("Section 16 of distributed systems");
    expect(lines.join("\n")).not.toContain("more");
  });

  it("ends with '…and N more' only past the embed's 6,000 characters, keeping within them", () => {
    const lines = sectionLines(many);
    const more = /^…and (\d+) more$/.exec(lines.at(-1) ?? "");
    expect(Number(more?.[1])).toBe(60 - (lines.length - 1));
    expect(lines.length - 1).toBeGreaterThan(16);
    expect(length(many)).toBeLessThanOrEqual(6000);
    expect(length(many)).toBeGreaterThan(5000);
    for (const field of many?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
  });
});
