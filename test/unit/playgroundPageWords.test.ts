import { describe, expect, it } from "vitest";
import { languageCodes } from "../../src/discord/i18n/languages.js";
import { pageWords } from "../../src/playground/pageWords.js";
import { languageOfRequest } from "../../src/playground/PlaygroundServer.js";

describe("the playground page's own words", () => {
  it.each(languageCodes)("are all there in %s, each sentence as text and the parameters the page fills in", (code) => {
    const words = pageWords(code);
    expect(Object.keys(words).sort()).toEqual(Object.keys(pageWords("en")).sort());
    expect(Object.keys(words).length).toBeGreaterThan(50);
  });

  it("keeps a sentence's own word order for the page to fill in", () => {
    expect(pageWords("en").used).toEqual([{ param: "user" }, " used ", { param: "command" }]);
    expect(pageWords("es").used).toEqual([{ param: "user" }, " usó ", { param: "command" }]);
    expect(pageWords("es").channelWelcome).toEqual(["Te damos la bienvenida a #", { param: "channel" }]);
  });
});

describe("the language of a request to the playground", () => {
  it("is the Discord locale the page sends, or a browser's own language, else English", () => {
    expect(languageOfRequest("es-ES")).toBe("es");
    expect(languageOfRequest("es-MX,es;q=0.9")).toBe("es");
    expect(languageOfRequest("en-GB,en;q=0.9")).toBe("en");
    expect(languageOfRequest("fr-FR")).toBe("en");
    expect(languageOfRequest(undefined)).toBe("en");
  });
});
