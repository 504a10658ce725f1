import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pointsOf, runAndWait, usePlaygroundInBrowser, usePlaygroundPage, waitFor } from "../helpers/playgroundBrowser.js";
import { unhurriedDeadlineMs } from "../helpers/botHarness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The sizes the page must work at; each acts as a different member so each has reading left to mark done. */
const screens = [
  { name: "desktop", width: 1440, height: 900, member: "Jonas Weber", drawers: [] },
  { name: "tablet", width: 1024, height: 720, member: "Sam Okafor", drawers: ["members"] },
  { name: "phone", width: 390, height: 844, mobile: true, member: "Lena Petrova", drawers: ["sidebar", "members"] },
] as const;

const toggleOf = { sidebar: "#toggle-sidebar", members: "#toggle-members" } as const;
const panelOf = { sidebar: "#sidebar", members: "#member-list" } as const;

// Scripts run in the page (strings: the project's TypeScript has no DOM types).

/** Elements wider than their box scroll sideways: the page and its columns must not. */
const overflowScript = `(() => {
  const found = [];
  if (document.documentElement.scrollWidth > window.innerWidth) found.push("page " + document.documentElement.scrollWidth + "px");
  for (const selector of [".layout", ".chat", ".chat-header", ".messages", ".composer", ".composer-box"]) {
    const node = document.querySelector(selector);
    if (node && node.scrollWidth > node.clientWidth + 1) found.push(selector + " " + node.scrollWidth + "px in " + node.clientWidth + "px");
  }
  return found;
})()`;

async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(overflowScript);
}

/** The heading of the member-list group a person is listed under ("Members — 7"). */
async function groupOf(page: Page, name: string): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    let heading = null;
    for (const node of document.querySelectorAll("#member-list > *")) {
      if (node.classList.contains("list-heading")) heading = node.textContent;
      else if (node.querySelector(".member-name")?.textContent === ${JSON.stringify(name)}) return heading;
    }
    return null;
  })()`);
}

/** Option fields whose placeholder (the option's description) does not fit the field. */
const cutPlaceholdersScript = `(() => {
  const context = document.createElement("canvas").getContext("2d");
  const cut = [];
  for (const input of document.querySelectorAll("#option-fields input[placeholder]")) {
    const style = getComputedStyle(input);
    context.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (context.measureText(input.placeholder).width > room + 1) cut.push(input.placeholder);
  }
  return cut;
})()`;

/** Whether the keyboard focus is on this element or inside it. */
async function focusedIn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(`Boolean(document.querySelector(${JSON.stringify(selector)})?.contains(document.activeElement))`);
}

async function isShown(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).isVisible();
}

/** Picks who the page acts as from the member list, opening it first where it is a drawer. */
async function actAs(page: Page, name: string): Promise<void> {
  if (await isShown(page, toggleOf.members)) await page.click(toggleOf.members);
  await page.locator("#member-list button.member", { hasText: name }).click();
  await waitFor(async () => (await page.locator("#viewer option:checked").innerText()).includes(name), `acting as ${name}`);
  await waitFor(async () => !(await isShown(page, ".backdrop")), "the drawer to close");
}

describe("the playground in a browser", () => {
  const running = usePlaygroundInBrowser();

  describe.each(screens)("at $width × $height ($name)", (screen) => {
    const view = usePlaygroundPage(screen, running);

    it("shows the cohort channel's name whole, with nothing scrolling sideways", async () => {
      const title = view.page.locator("#channel-name");
      expect(await title.innerText()).toBe("backend-cohort");
      expect(
        await title.evaluate(
          (node: { readonly scrollWidth: number; readonly clientWidth: number }) => node.scrollWidth <= node.clientWidth,
        ),
      ).toBe(true);
      expect(await view.page.locator(".message .embed-title", { hasText: /Week 2\b/ }).count()).toBeGreaterThan(0);
      expect(await horizontalOverflow(view.page)).toEqual([]);
    });

    it("collapses the side panels into toggles a keyboard can open and close", async () => {
      for (const panel of ["sidebar", "members"] as const) {
        const collapsed = (screen.drawers as readonly string[]).includes(panel);
        expect(await isShown(view.page, toggleOf[panel])).toBe(collapsed);
        expect(await isShown(view.page, panelOf[panel])).toBe(!collapsed);
        if (!collapsed) continue;
        const toggle = view.page.locator(toggleOf[panel]);
        expect(await toggle.getAttribute("aria-expanded")).toBe("false");
        await toggle.focus();
        await view.page.keyboard.press("Enter");
        expect(await toggle.getAttribute("aria-expanded")).toBe("true");
        expect(await isShown(view.page, panelOf[panel])).toBe(true);
        // The drawer takes the focus, and Escape gives it back to the toggle.
        expect(await focusedIn(view.page, panelOf[panel])).toBe(true);
        await view.page.keyboard.press("Escape");
        expect(await toggle.getAttribute("aria-expanded")).toBe("false");
        expect(await isShown(view.page, panelOf[panel])).toBe(false);
        expect(await focusedIn(view.page, toggleOf[panel])).toBe(true);
      }
    });

    it("moves Riley between the member list's groups when he runs /join and /leave", async () => {
      await actAs(view.page, "Riley Park");
      expect(await groupOf(view.page, "Riley Park")).toMatch(/^Not in the cohort yet/);
      await runAndWait(view.page, "join", {}, { cohort: "Backend Cohort" });
      await waitFor(async () => /^Members/.test((await groupOf(view.page, "Riley Park")) ?? ""), "Riley listed under Members");
      await runAndWait(view.page, "leave", {}, { cohort: "Backend Cohort" });
      await waitFor(
        async () => /^Not in the cohort yet/.test((await groupOf(view.page, "Riley Park")) ?? ""),
        "Riley back under Not in the cohort yet",
      );
    });

    it("shows each option's description whole while a command is composed", async () => {
      await actAs(view.page, "Alex Kim");
      await view.page.fill("#command-input", "/cohort create");
      await view.page.locator(".popup-item", { hasText: "/cohort create" }).first().click();
      expect(await view.page.locator("#option-fields input[placeholder]").count()).toBeGreaterThan(3);
      if (screen.name === "phone") {
        // Too narrow for a long placeholder: each description is a caption above its field instead.
        const captions = await view.page
          .locator("#option-fields .option-description")
          .evaluateAll((nodes) => nodes.map((node) => (node as { checkVisibility(): boolean }).checkVisibility()));
        expect(captions.length).toBeGreaterThan(3);
        expect(captions.every(Boolean)).toBe(true);
      } else {
        expect(await view.page.evaluate<string[]>(cutPlaceholdersScript)).toEqual([]);
      }
      expect(await horizontalOverflow(view.page)).toEqual([]);
      const start = view.page.locator('[data-option="start"]');
      await start.focus();
      expect(await view.page.locator("#composer-hint").innerText()).toContain(await start.getAttribute("placeholder"));
      await view.page.keyboard.press("Escape");
      expect(await view.page.locator("#command-chip").isVisible()).toBe(false);
    });

    it("runs /today, marks an item done with its button, and the leaderboard changes", async () => {
      await actAs(view.page, screen.member);
      const before = await pointsOf(await runAndWait(view.page, "leaderboard"), screen.member).catch(() => 0);

      const today = await runAndWait(view.page, "today");
      expect(await today.locator(".ephemeral-note").innerText()).toContain("Only you can see this");
      // Markdown and <t:…> markup are drawn, not shown raw.
      expect(await today.locator(".embed strong").count()).toBeGreaterThan(0);
      expect(await today.innerText()).not.toMatch(/<t:\d+|\*\*/);
      const doneButton = today.locator("button.button", { hasText: "Done" }).first();
      const label = await doneButton.innerText();
      const title = label.replace(/^.*Done:\s*/, "");
      await doneButton.click();
      await waitFor(async () => (await today.locator(".embed").innerText()).includes(`✅ ${title}`), `✅ ${title}`);
      expect(await today.locator("button.button", { hasText: label }).count()).toBe(0);

      const after = await runAndWait(view.page, "leaderboard");
      expect(await pointsOf(after, screen.member)).toBeGreaterThan(before);
      expect(await horizontalOverflow(view.page)).toEqual([]);
      expect(view.errors).toEqual([]);
    });

    it("shows /progress's card inline under the reply, as wide as the chat allows", async () => {
      await actAs(view.page, screen.member);
      const reply = await runAndWait(view.page, "progress");
      const card = reply.locator("img.attachment-image");
      await waitFor(async () => (await card.count()) === 1, "the progress card");
      await card.scrollIntoViewIfNeeded();
      await waitFor(
        () =>
          card.evaluate((node: { readonly complete: boolean; readonly naturalWidth: number }) => node.complete && node.naturalWidth > 0),
        "the card to load",
      );
      expect(await card.getAttribute("alt")).toContain(`Progress card of ${screen.member}`);
      const size = await card.evaluate((node: { readonly naturalWidth: number; readonly naturalHeight: number }) => [
        node.naturalWidth,
        node.naturalHeight,
      ]);
      expect(size).toEqual([800, 470]);
      // Scaled like Discord's: at most 400 px wide, never wider than the message, its proportions kept.
      const shown = await card.boundingBox();
      const body = await reply.locator(".message-body").boundingBox();
      expect(shown?.width ?? 0).toBeGreaterThan(200);
      expect(shown?.width ?? Infinity).toBeLessThanOrEqual(Math.min(400, body?.width ?? 0) + 1);
      expect((shown?.height ?? 0) / (shown?.width ?? 1)).toBeCloseTo(470 / 800, 1);
      // The text stays too, for screen readers and small screens.
      expect(await reply.locator(".embed").innerText()).toContain("Required items");
      expect(await horizontalOverflow(view.page)).toEqual([]);

      const screenshot = path.join(root, "docs", `playground-${screen.name}.png`);
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await view.page.screenshot({ path: screenshot });
      expect(fs.statSync(screenshot).size).toBeGreaterThan(20_000);
      expect(view.errors).toEqual([]);
    });
  });

  describe("at 1440 × 900, moving the clock and echoing input", () => {
    const view = usePlaygroundPage({ width: 1440, height: 900 }, running);

    it("moves the clock to the next weekly post and shows it in the channel", async () => {
      // The weekly post itself, not its live board ("Week 3 leaderboard · live").
      const weekThree = view.page.locator(".message .embed-title", { hasText: /Week 3 of\b/ });
      expect(await weekThree.count()).toBe(0);
      for (let moves = 0; moves < 4 && (await weekThree.count()) === 0; moves += 1) {
        const next = await view.page.locator("#clock-next").innerText();
        await view.page.click("#next-post");
        await waitFor(async () => (await view.page.locator("#clock-next").innerText()) !== next, "the clock to move");
      }
      await waitFor(async () => (await weekThree.count()) === 1, "the week 3 post");
      expect(await view.page.locator("#clock-day").innerText()).toContain("Week 3 · Day 1");
    });

    it("shows what a command echoes back as text, never as HTML", async () => {
      const attack = `<img src=x onerror="document.body.dataset.injected='yes'">`;
      const reply = await runAndWait(view.page, "done", { item: attack });
      expect(await reply.innerText()).toContain(attack);
      // The only pictures are the bot's attachments, served by the playground itself.
      expect(await view.page.locator(".message img:not(.attachment-image)").count()).toBe(0);
      expect(await view.page.locator('.message img[src="x"]').count()).toBe(0);
      expect(await view.page.locator("body").getAttribute("data-injected")).toBeNull();
      expect(view.errors).toEqual([]);
    });
  });

  describe("at 1440 × 900, /pace and the end of the course", () => {
    const view = usePlaygroundPage({ width: 1440, height: 900 }, running);

    it("shows Lena, who reads little, how far behind she is, and her Catch up button spreads the backlog", async () => {
      await actAs(view.page, "Lena Petrova");
      const reply = await runAndWait(view.page, "pace");
      expect(await reply.locator(".embed").innerText()).toContain("Behind the cohort's plan");
      // She never changed her pace: there is no extension or catch-up to go back from.
      expect(await reply.locator("button.button", { hasText: "Back to the cohort's plan" }).count()).toBe(0);
      const catchUp = reply.locator("button.button", { hasText: "Catch up" });
      expect(await catchUp.count()).toBe(1);
      await catchUp.click();
      await waitFor(
        async () => (await view.page.locator(".message .embed-title", { hasText: "Pace updated" }).count()) > 0,
        "the pace change",
      );
      expect(view.errors).toEqual([]);
    });

    it(
      "ends the course as the clock moves past the last week: the closing post, then /today's course summary",
      async () => {
        const closingPost = view.page.locator(".message .embed-title", { hasText: "Backend Cohort is complete" });
        for (let moves = 0; moves < 16 && (await closingPost.count()) === 0; moves += 1) {
          const shown = await view.page.locator("#clock-time").innerText();
          await view.page.click('[data-clock="week"]');
          await waitFor(async () => (await view.page.locator("#clock-time").innerText()) !== shown, "the clock to move");
        }
        await waitFor(async () => (await closingPost.count()) === 1, "the closing post");
        await view.page.click('[data-clock="week"]');
        await waitFor(async () => (await view.page.locator("#clock-day").innerText()).includes("Course finished"), "the course to finish");
        await actAs(view.page, "Maya Chen");
        const today = await runAndWait(view.page, "today");
        expect(await today.locator(".embed-title").innerText()).toContain("Course finished");
        expect(await today.locator(".embed").innerText()).toContain("Final rank");
        expect(view.errors).toEqual([]);
        // A hang guard (unhurriedDeadlineMs): sixteen clock moves, each a scheduler tick and a redraw.
      },
      unhurriedDeadlineMs,
    );
  });
});
