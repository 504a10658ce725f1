import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { renderPreview } from "../../src/discord/render/renderPreview.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import type { PreviewPost } from "../../src/services/Announcer.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

const en = translatorFor("en");

/** An embed of about `characters` characters of text. */
const embedOf = (title: string, characters: number): APIEmbed => ({ title, description: "x".repeat(characters) });
const chart = (name: string) => ({ name, data: Buffer.from(name), description: `Chart ${name}` });

describe("/cohort preview's charts", () => {
  const cohort = cohortFixture({ id: 1, curriculumId: 1, name: "Winter" });
  const post = (kind: PreviewPost["kind"], embed: APIEmbed, files: ReturnType<typeof chart>[]): PreviewPost => ({
    kind,
    sectionTitle: null,
    dueAt: new Date("2027-03-08T09:00:00Z"),
    sentAt: null,
    missed: false,
    rendered: { messages: [{ embeds: [embed], files }], threadName: null },
  });

  it("attach a post's charts with its embeds, and none of a post whose embeds Discord's limits leave out", () => {
    // The weekly post fills most of the 6,000 characters: the closing post's embed is not shown, nor its chart.
    const reply = renderPreview(
      en,
      {
        cohort,
        weekNumber: 12,
        totalWeeks: 12,
        posts: [
          post("week", embedOf("Week 12", 5500), [chart("week-11.png")]),
          post("closing", embedOf("Complete", 800), [chart("course.png")]),
        ],
      },
      null,
    );
    expect(reply.embeds?.map((embed) => embed.title)).toEqual(["Week 12"]);
    expect(reply.content).toContain("1 more embed not shown here");
    expect(reply.files?.map((file) => file.name)).toEqual(["week-11.png"]);
  });

  it("attach every chart when every embed is shown", () => {
    const reply = renderPreview(
      en,
      {
        cohort,
        weekNumber: 12,
        totalWeeks: 12,
        posts: [
          post("week", embedOf("Week 12", 2000), [chart("week-11.png")]),
          post("closing", embedOf("Complete", 800), [chart("course.png")]),
        ],
      },
      null,
    );
    expect(reply.files?.map((file) => file.name)).toEqual(["week-11.png", "course.png"]);
  });
});

/** The header says what the listed posts are: none posted and none to come is not "what the bot posted"; posted ones are named beside the missed and coming ones. */
describe("/cohort preview's header", () => {
  const cohort = cohortFixture({ id: 1, curriculumId: 1, name: "Winter" });
  const post = (state: "sent" | "missed" | "toCome"): PreviewPost => ({
    kind: "week",
    sectionTitle: null,
    dueAt: new Date("2027-03-08T09:00:00Z"),
    sentAt: state === "sent" ? new Date("2027-03-08T09:00:00Z") : null,
    missed: state === "missed",
    rendered: { messages: [{ embeds: [{ title: "Week 3" }], files: [] }], threadName: null },
  });
  const header = (language: "en" | "es", states: ("sent" | "missed" | "toCome")[]) =>
    renderPreview(translatorFor(language), { cohort, weekNumber: 3, totalWeeks: 12, posts: states.map(post) }, null).content ?? "";

  it("says all missed posts were to go out and did not, without 'posted'", () => {
    const en = header("en", ["missed", "missed"]);
    expect(en).toContain("**Winter**: what the bot was to post and did not in");
    expect(en).not.toContain("what the bot posted");
    const es = header("es", ["missed", "missed"]);
    expect(es).toContain("**Winter**: lo que el bot debía publicar y no publicó en");
    expect(es).not.toContain("lo que el bot publicó");
  });

  it("names the posted ones beside the missed and the coming ones", () => {
    expect(header("en", ["sent", "missed", "toCome"])).toContain(
      "**Winter**: what the bot posted, was to post and did not, and will post in",
    );
    expect(header("es", ["sent", "missed", "toCome"])).toContain(
      "**Winter**: lo que el bot publicó, debía publicar y no publicó, y publicará en",
    );
  });
});
