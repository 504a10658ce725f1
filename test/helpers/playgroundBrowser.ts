import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { loadConfig } from "../../src/config/loadConfig.js";
import { startPlayground, type Playground } from "../../src/playground/startPlayground.js";
import { unhurriedDeadlineMs } from "./botHarness.js";
import { afterAll, beforeAll, expect } from "vitest";
import { captureLogger } from "./silentLogger.js";
import { makeTempDir } from "./tempDir.js";

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); no browser is ever downloaded. */
const chromiumPath = "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The demo on a fixed date: mid-week in January 2027, UTC, Wednesday 13 January, week 2 of the cohort. */
export async function startTestPlayground(dir: string): Promise<Playground> {
  const config = loadConfig({ PLAYGROUND_PORT: "0", PLAYGROUND_DATABASE_URL: `file:${path.join(dir, "playground.db")}` });
  return startPlayground({
    config,
    logger: captureLogger("warn").logger,
    now: new Date("2027-01-14T12:00:00Z"),
    timeZone: "UTC",
    interactionDeadlineMs: unhurriedDeadlineMs,
  });
}

/** What usePlaygroundInBrowser starts for a describe block, to read in its hooks and tests. */
export interface PlaygroundInBrowser {
  readonly playground: Playground;
  readonly browser: Browser;
  /** Runs `close` after the block, before the browser and the playground close (last opened, first closed). */
  closeAfter(close: () => Promise<void>): void;
}

/**
 * Starts the test playground (in a temporary folder of its own) and Chromium before the describe block
 * it is called in, and closes them after it; a describe block's own beforeAll runs after these.
 */
export function usePlaygroundInBrowser(): PlaygroundInBrowser {
  const temp = makeTempDir();
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  // Filled as things start, so a failed start closes only what opened.
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const started = await startTestPlayground(temp.dir);
    playground = started;
    closers.push(() => started.close());
    const launched = await launchChromium();
    browser = launched;
    closers.push(() => launched.close());
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    temp.cleanup();
  });

  return {
    get playground() {
      if (playground === undefined) throw new Error("the playground is read before it started");
      return playground;
    },
    get browser() {
      if (browser === undefined) throw new Error("the browser is read before it started");
      return browser;
    },
    closeAfter(close) {
      closers.push(close);
    },
  };
}

/** Posts a message in the cohort's channel as the bot, through the emulator's REST API as the bot's own code would; its id. */
export async function postAsBot(playground: Playground, body: unknown): Promise<string> {
  const channelId = playground.world.cohortChannel.id;
  const response = await fetch(`${playground.emulator.apiUrl}/v10/channels/${channelId}/messages`, {
    method: "POST",
    headers: { authorization: `Bot ${playground.emulator.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors on the page, and requests that tried to leave the machine. */
  readonly errors: string[];
}

/** A fresh browser window of the given size on the playground, loaded and ready. */
export async function openPlayground(
  browser: Browser,
  playground: Playground,
  viewport: { readonly width: number; readonly height: number; readonly mobile?: boolean },
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile ?? false,
    hasTouch: viewport.mobile ?? false,
    locale: "en-GB",
    timezoneId: "UTC",
  });
  const page = await context.newPage();
  // A hang guard: a busy machine may take longer than any figure to render; the test's timeout bounds it.
  page.setDefaultTimeout(unhurriedDeadlineMs);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Nothing may leave the machine: every request the page makes goes to the playground itself.
  await page.route("**/*", (route) => (route.request().url().startsWith(playground.url) ? route.continue() : route.abort()));
  page.on("requestfailed", (request) => {
    // A reload cancels the page's own live connection; only requests elsewhere count.
    if (!request.url().startsWith(playground.url)) errors.push(`request left the machine: ${request.url()}`);
  });
  await page.goto(playground.url);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, errors };
}

/** What usePlaygroundPage opens for a describe block: the page, its errors, and the playground and browser behind it. */
export interface PlaygroundPage {
  readonly running: PlaygroundInBrowser;
  readonly page: Page;
  /** Uncaught errors on the page, and requests that tried to leave the machine. */
  readonly errors: string[];
}

/**
 * The test playground and Chromium (as usePlaygroundInBrowser), with one browser window of the given size opened on
 * the playground before the describe block's tests, and closed after them, before the browser. With `shared`, a parent
 * block's playground and browser are used (several windows on one playground), and the window closes after this block.
 */
export function usePlaygroundPage(viewport: Parameters<typeof openPlayground>[2], shared?: PlaygroundInBrowser): PlaygroundPage {
  const running = shared ?? usePlaygroundInBrowser();
  let opened: OpenedPage | undefined;
  beforeAll(async () => {
    const window = await openPlayground(running.browser, running.playground, viewport);
    opened = window;
    if (shared === undefined) running.closeAfter(() => window.context.close());
  });
  // The parent's playground and browser outlive this block: its window goes when the block ends.
  if (shared !== undefined) afterAll(async () => opened?.context.close());
  const openedPage = (): OpenedPage => {
    if (opened === undefined) throw new Error("the page is read before it opened");
    return opened;
  };
  return {
    running,
    get page() {
      return openedPage().page;
    },
    get errors() {
      return openedPage().errors;
    },
  };
}

/** Types a slash command into the page's composer the way a visitor does, picking autocomplete choices by their label. */
export async function runCommand(
  page: Page,
  command: string,
  options: Record<string, string> = {},
  autocompletePicks: Record<string, string> = {},
): Promise<void> {
  await page.fill("#command-input", `/${command}`);
  await page
    .locator(".popup-item", { hasText: `/${command}` })
    .first()
    .click();
  for (const [name, value] of Object.entries(options)) await page.fill(`[data-option="${name}"]`, value);
  for (const [name, label] of Object.entries(autocompletePicks)) {
    await page.locator(`[data-option="${name}"]`).focus();
    await page.locator(".popup-item", { hasText: label }).first().click();
  }
  await page.click("#send");
}

/** Messages in the channel view that answer `/command`, oldest first. */
export function repliesTo(page: Page, command: string): Locator {
  return page.locator(".message", { has: page.locator(".command-name", { hasText: `/${command}` }) });
}

/** Runs a command and waits for its reply to be drawn. */
export async function runAndWait(
  page: Page,
  command: string,
  options: Record<string, string> = {},
  autocompletePicks: Record<string, string> = {},
): Promise<Locator> {
  const earlier = await repliesTo(page, command).count();
  await runCommand(page, command, options, autocompletePicks);
  await waitFor(async () => (await repliesTo(page, command).count()) === earlier + 1, `a reply to /${command}`);
  const reply = repliesTo(page, command).last();
  await waitFor(async () => (await reply.locator(".thinking").count()) === 0, `/${command} to finish thinking`);
  return reply;
}

/** Polls a condition the page reaches asynchronously (the bot answers over the live feed); the default limit is a hang guard. */
export async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = unhurriedDeadlineMs): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Points next to a member's name in a leaderboard ("Jonas Weber · 168 pts" and similar). */
export async function pointsOf(message: Locator, name: string): Promise<number> {
  const text = await message.locator(".embed").innerText();
  const line = text.split("\n").find((candidate) => candidate.includes(name));
  const points = /(\d+)\s*(?:pts|points)/.exec(line ?? "");
  if (!points?.[1]) throw new Error(`no points for ${name} in:\n${text}`);
  return Number(points[1]);
}
