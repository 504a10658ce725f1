import { ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from "discord.js";
import { describe, expect, it } from "vitest";
import { chunkLines, packEmbeds } from "../../src/discord/render/postMessage.js";

/** What Discord counts towards an embed's 6,000 characters, written out independently of the renderer. */
function characters(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}): number {
  return (
    (embed.title ?? "").length +
    (embed.description ?? "").length +
    (embed.footer?.text ?? "").length +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

describe("packEmbeds", () => {
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = { type: ComponentType.ActionRow, components: [] };

  it("keeps one message when everything fits", () => {
    const messages = packEmbeds({ title: "Week 1", description: "Intro", footer: { text: "Cohort" } }, [{ name: "Mon", value: "• A" }], {
      continuationTitle: "Week 1 (continued)",
      components: [row],
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds[0]).toEqual({
      title: "Week 1",
      description: "Intro",
      footer: { text: "Cohort" },
      fields: [{ name: "Mon", value: "• A" }],
    });
    expect(messages[0]?.components).toEqual([row]);
  });

  it("splits at 25 fields and at 6,000 characters, never losing a field, with the footer and buttons at the end", () => {
    const many = Array.from({ length: 60 }, (_, index) => ({ name: `Field ${index + 1}`, value: "x".repeat(index % 3 === 0 ? 900 : 40) }));
    const messages = packEmbeds({ title: "Long", description: "d".repeat(4000), color: 1, footer: { text: "the end" } }, many, {
      continuationTitle: "Long (continued)",
      components: [row],
    });
    expect(messages.length).toBeGreaterThan(2);
    const embeds = messages.flatMap((message) => message.embeds);
    for (const embed of embeds) {
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
      expect(characters(embed)).toBeLessThanOrEqual(6000);
    }
    expect(embeds.flatMap((embed) => embed.fields ?? []).map((field) => field.name)).toEqual(many.map((field) => field.name));
    expect(embeds.slice(1).every((embed) => embed.title === "Long (continued)" && embed.color === 1)).toBe(true);
    expect(embeds.map((embed) => embed.footer?.text)).toEqual([...embeds.slice(1).map(() => undefined), "the end"]);
    expect(messages.map((message) => message.components)).toEqual([...messages.slice(1).map(() => undefined), [row]]);
  });

  it("trims text that would break a single limit instead of failing", () => {
    const [message] = packEmbeds(
      { title: "t".repeat(300), description: "d".repeat(5000) },
      [{ name: "n".repeat(300), value: "v".repeat(2000) }],
      {
        continuationTitle: "more",
      },
    );
    const embed = message?.embeds[0];
    expect(embed?.title?.length).toBe(256);
    expect(embed?.description?.length).toBe(4096);
    expect(embed?.fields?.[0]?.name.length).toBe(256);
    expect(embed?.fields?.[0]?.value.length).toBe(1024);
  });
});

describe("chunkLines", () => {
  it("groups whole lines into chunks under the limit", () => {
    expect(chunkLines(["aaaa", "bbbb", "cccc"], 9)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(chunkLines(["x".repeat(20)], 10)).toEqual([`${"x".repeat(9)}…`]);
  });
});
