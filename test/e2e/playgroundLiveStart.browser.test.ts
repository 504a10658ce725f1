import { describe, expect, it } from "vitest";
import { postAsBot, usePlaygroundInBrowser } from "../helpers/playgroundBrowser.js";

describe("a playground page that is still opening", () => {
  const running = usePlaygroundInBrowser();

  it("shows a message the bot sent while the page's live connection was still opening", async () => {
    const context = await running.browser.newContext({ locale: "en-GB", timezoneId: "UTC" });
    running.closeAfter(() => context.close());
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
    const loading = page.goto(running.playground.url);
    await eventsRequested;
    const id = await postAsBot(running.playground, { content: "Posted while the page was opening" });
    release();
    await loading;
    await page.waitForSelector("body[data-ready=true]");
    // Ready means drawn: the message is there at once, not after some later refresh.
    expect(await page.locator(`[data-message-id="${id}"]`).count()).toBe(1);
    expect(await page.locator(`[data-message-id="${id}"]`).innerText()).toContain("Posted while the page was opening");
  });
});
