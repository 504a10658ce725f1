import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Playground } from "../../src/playground/startPlayground.js";
import { launchChromium, postAsBot, startTestPlayground } from "../helpers/playgroundBrowser.js";
import { makeTempDir } from "../helpers/tempDir.js";

describe("a playground page that is still opening", () => {
  const temp = makeTempDir();
  let playground: Playground;
  let browser: Browser;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    playground = await startTestPlayground(temp.dir);
    closers.push(() => playground.close());
    browser = await launchChromium();
    closers.push(() => browser.close());
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    temp.cleanup();
  });

  it("shows a message the bot sent while the page's live connection was still opening", async () => {
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
    closers.push(() => context.close());
    const page = await context.newPage();
    // Hold the page's live connection until the bot has posted: a busy machine opens it late.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested!: () => void;
    const eventsRequested = new Promise<void>((resolve) => (requested = resolve));
    await page.route("**/api/events", async (route) => {
      requested();
      await held;
      await route.continue();
    });
    const loading = page.goto(playground.url);
    await eventsRequested;
    const id = await postAsBot(playground, { content: "Posted while the page was opening" });
    release();
    await loading;
    await page.waitForSelector("body[data-ready=true]");
    // Ready means drawn: the message is there at once, not after some later refresh.
    expect(await page.locator(`[data-message-id="${id}"]`).count()).toBe(1);
    expect(await page.locator(`[data-message-id="${id}"]`).innerText()).toContain("Posted while the page was opening");
  });
});
