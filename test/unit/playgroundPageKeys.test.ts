import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageWords } from "../../src/playground/pageWords.js";
import { projectPaths } from "../../src/projectPaths.js";

const staticDir = path.join(projectPaths().root, "src/playground/static");
const scripts = fs
  .readdirSync(staticDir)
  .filter((file) => file.endsWith(".js"))
  .map((file) => ({ file, text: fs.readFileSync(path.join(staticDir, file), "utf8") }));
const html = fs.readFileSync(path.join(staticDir, "index.html"), "utf8");
const english = pageWords("en");
const englishText = (key: string): string | undefined => english[key]?.map((piece) => (typeof piece === "string" ? piece : "")).join("");

/** The keys the scripts say: `say("key"`, `sayParts("key"`, and both branches of `say(test ? "a" : "b"`. */
function keysSaid(text: string): string[] {
  const keys = [...text.matchAll(/\bsay(?:Parts)?\(\s*"(\w+)"/g)].map((match) => match[1] ?? "");
  for (const match of text.matchAll(/\bsay(?:Parts)?\([^()]*?\?\s*"(\w+)"\s*:\s*"(\w+)"/g)) keys.push(match[1] ?? "", match[2] ?? "");
  return keys;
}

const unescapeHtml = (text: string) =>
  text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

/** Each element of the HTML that names words: its data-words* keys, its attributes, and the text right after its tag. */
function markedElements(): { tag: string; attributes: Map<string, string>; text: string }[] {
  const elements = [];
  for (const match of html.matchAll(/<(\w+)\b([^>]*)>([^<]*)/g)) {
    const attributes = new Map(
      [...(match[2] ?? "").matchAll(/([\w-]+)="([^"]*)"/g)].map((attribute) => [attribute[1] ?? "", unescapeHtml(attribute[2] ?? "")]),
    );
    if ([...attributes.keys()].some((name) => name.startsWith("data-words"))) {
      elements.push({
        tag: match[1] ?? "",
        attributes,
        text: unescapeHtml(match[3] ?? "")
          .replace(/\s+/g, " ")
          .trim(),
      });
    }
  }
  return elements;
}

describe("the words the playground page names by key", () => {
  it("are each in the English catalogue, in the scripts", () => {
    const said = scripts.flatMap(({ file, text }) => keysSaid(text).map((key) => `${file}: ${key}`));
    expect(said.length).toBeGreaterThan(30);
    expect(said.filter((entry) => englishText(entry.split(": ")[1] ?? "") === undefined)).toEqual([]);
  });

  it("are each in the English catalogue, in the HTML, whose fallback text is the English catalogue's", () => {
    const elements = markedElements();
    expect(elements.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    const shown = { "data-words-title": "title", "data-words-label": "aria-label", "data-words-placeholder": "placeholder" } as const;
    for (const { tag, attributes, text } of elements) {
      const textKey = attributes.get("data-words");
      if (textKey !== undefined && englishText(textKey) !== text) wrong.push(`<${tag}> ${textKey}: "${text}"`);
      for (const [marker, attribute] of Object.entries(shown)) {
        const key = attributes.get(marker);
        if (key !== undefined && englishText(key) !== attributes.get(attribute))
          wrong.push(`<${tag}> ${key}: ${attribute}="${attributes.get(attribute) ?? "(none)"}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("are each used by the page: no sentence of playground.page.* is left over", () => {
    const sources = [html, ...scripts.map(({ text }) => text)].join("\n");
    expect(Object.keys(english).filter((key) => !sources.includes(`"${key}"`))).toEqual([]);
  });
});
