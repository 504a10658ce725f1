import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { startPlayground, type Playground } from "../../src/playground/startPlayground.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const chromiumPath = "/usr/bin/chromium";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const screenshotPath = path.join(root, "docs", "playground.png");

/** Types a slash command into the page's composer the way a visitor does, picking autocomplete choices by their label. */
async function runCommand(page: Page, command: string, options: Record<string, string> = {}, autocompletePicks: Record<string, string> = {}): Promise<void> {
  await page.fill("#command-input", `/${command}`);
  await page.locator(".popup-item", { hasText: `/${command}` }).first().click();
  for (const [name, value] of Object.entries(options)) await page.fill(`[data-option="${name}"]`, value);
  for (const [name, label] of Object.entries(autocompletePicks)) {
    await page.locator(`[data-option="${name}"]`).focus();
    await page.locator(".popup-item", { hasText: label }).first().click();
  }
  await page.click("#send");
}

/** Messages in the channel view that answer `/command`, oldest first. */
function repliesTo(page: Page, command: string): Locator {
  return page.locator(".message", { has: page.locator(".command-name", { hasText: `/${command}` }) });
}

function replyTo(page: Page, command: string): Locator {
  return repliesTo(page, command).last();
}

/** Runs a command and waits for its reply to be drawn. */
async function runAndWait(page: Page, command: string, options: Record<string, string> = {}): Promise<Locator> {
  const earlier = await repliesTo(page, command).count();
  await runCommand(page, command, options);
  await expect.poll(() => repliesTo(page, command).count()).toBe(earlier + 1);
  const reply = replyTo(page, command);
  await expect.poll(() => reply.locator(".thinking").count()).toBe(0);
  return reply;
}

/** Points next to a member's name in a leaderboard ("Jonas Weber · 168 pts" and similar). */
async function pointsOf(message: Locator, name: string): Promise<number> {
  const text = await message.locator(".embed").innerText();
  const line = text.split("\n").find((candidate) => candidate.includes(name));
  const points = /(\d+)\s*(?:pts|points)/.exec(line ?? "");
  if (!points?.[1]) throw new Error(`no points for ${name} in:\n${text}`);
  return Number(points[1]);
}

describe("the playground in a browser", () => {
  const temp = makeTempDir();
  let playground: Playground;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ PLAYGROUND_PORT: "0", PLAYGROUND_DATABASE_URL: `file:${path.join(temp.dir, "playground.db")}` });
    // Mid-week in January 2027, UTC: the demo lands on Wednesday 13 January, week 2 of the cohort.
    playground = await startPlayground({ config, logger: captureLogger("warn").logger, now: new Date("2027-01-14T12:00:00Z"), timeZone: "UTC" });
    browser = await chromium.launchPersistentContext(path.join(temp.dir, "chromium-profile"), {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1440, height: 900 },
      locale: "en-GB",
      timezoneId: "UTC",
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // Nothing may leave the machine: every request the page makes goes to the playground itself.
    await page.route("**/*", (route) => (route.request().url().startsWith(playground.url) ? route.continue() : route.abort()));
    page.on("requestfailed", (request) => pageErrors.push(`request left the machine: ${request.url()}`));
    await page.goto(playground.url);
    await page.waitForSelector("body[data-ready=true]");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    temp.cleanup();
  });

  it("shows the demo cohort's channel with the posts the scheduler made so far", async () => {
    await expect.poll(() => page.locator("#channel-name").innerText()).toBe("backend-cohort");
    expect(await page.locator("#clock-day").innerText()).toContain("Week 2 · Day 3");
    const posts = page.locator(".message .embed-title");
    expect(await posts.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/Week 1\b/), expect.stringMatching(/Week 2\b/)]));
    expect(await page.locator("#viewer option:checked").innerText()).toContain("Jonas Weber");
  });

  it("runs /today as a member, marks an item done with its button, and the leaderboard changes", async () => {
    const before = await pointsOf(await runAndWait(page, "leaderboard"), "Jonas Weber");

    const today = await runAndWait(page, "today");
    await expect.poll(() => today.locator(".ephemeral-note").innerText()).toContain("Only you can see this");
    // Markdown and <t:…> markup are drawn, not shown raw.
    expect(await today.locator(".embed strong").count()).toBeGreaterThan(0);
    expect(await today.locator("time.timestamp").count()).toBeGreaterThan(0);
    expect(await today.innerText()).not.toMatch(/<t:\d+|\*\*/);
    const doneButton = today.locator("button.button", { hasText: "Done" }).first();
    const label = await doneButton.innerText();
    const title = label.replace(/^.*Done:\s*/, "");
    await doneButton.click();
    await expect.poll(() => today.locator(".embed").innerText()).toContain(`✅ ${title}`);
    expect(await today.locator("button.button", { hasText: label }).count()).toBe(0);

    const after = await runAndWait(page, "leaderboard");
    expect(await pointsOf(after, "Jonas Weber")).toBeGreaterThan(before);

    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
    expect(fs.statSync(screenshotPath).size).toBeGreaterThan(20_000);
  });

  it("moves the clock to the next weekly post and shows it in the channel", async () => {
    const weekThree = page.locator(".message .embed-title", { hasText: /Week 3\b/ });
    expect(await weekThree.count()).toBe(0);
    for (let moves = 0; moves < 4 && (await weekThree.count()) === 0; moves += 1) {
      const next = await page.locator("#clock-next").innerText();
      await page.click("#next-post");
      await expect.poll(() => page.locator("#clock-next").innerText()).not.toBe(next);
    }
    await expect.poll(() => weekThree.count()).toBe(1);
    expect(await page.locator("#clock-day").innerText()).toContain("Week 3 · Day 1");
  });

  it("shows what a command echoes back as text, never as HTML", async () => {
    const attack = `<img src=x onerror="document.body.dataset.injected='yes'">`;
    const reply = await runAndWait(page, "done", { item: attack });
    expect(await reply.innerText()).toContain(attack);
    expect(await page.locator(".message img").count()).toBe(0);
    expect(await page.locator("body").getAttribute("data-injected")).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
