import { describe, expect, it } from "vitest";
import type { PageMessage } from "../../src/playground/MessageFeed.js";
import type { PlaygroundState } from "../../src/playground/PlaygroundActions.js";
import { postAsBot, runAndWait, usePlaygroundPage, waitFor } from "../helpers/playgroundBrowser.js";

/** Markup the bot could send that no date can hold, or that only looks like markup: each must show as typed. */
const literalTimestamps = [
  "<t:9999999999999:f>",
  "<t:-9999999999999:R>",
  // One second past the last instant JavaScript dates hold (8.64e15 ms).
  "<t:8640000000001:F>",
  "<t:0:Q>",
  "<t:1e5:f>",
];

const hostileContent = [
  ...literalTimestamps,
  "**never closed __either ~~or this ||spoiler",
  "[masked](javascript:alert(1)) <@99999999999999999999> <#1> <@&2> <a:x:3>",
  "```never closed\ncode",
  "a".repeat(1500),
  "\u202Eright-to-left override\u202C and \u0000 a NUL",
].join("\n");

describe("the playground draws anything the bot may send", () => {
  const view = usePlaygroundPage({ width: 1024, height: 720 });

  async function reload(): Promise<void> {
    await view.page.reload();
    await view.page.waitForSelector("body[data-ready=true], .fatal");
    expect(await view.page.locator(".fatal").count()).toBe(0);
  }

  function messageNode(id: string) {
    return view.page.locator(`[data-message-id="${id}"]`);
  }

  it("shows out-of-range and malformed timestamps as their literal text, live and after a reload", async () => {
    const id = await postAsBot(view.running.playground, {
      content: hostileContent,
      embeds: [
        {
          title: "Due <t:9999999999999:R>",
          description: "From <t:-9999999999999:D> to <t:1800000000:D>",
          fields: [{ name: "When <t:8640000000001:t>", value: "<t:9999999999999:f>", inline: true }],
          footer: { text: "<t:9999999999999:f>" },
          timestamp: "9999999-01-01T00:00:00.000Z",
        },
      ],
    });
    for (const attempt of ["live", "reloaded"]) {
      if (attempt === "reloaded") await reload();
      await waitFor(async () => (await messageNode(id).count()) === 1, `the hostile post (${attempt})`);
      const text = await messageNode(id).innerText();
      for (const literal of literalTimestamps) expect(text).toContain(literal);
      // A timestamp in range still draws as a date.
      expect(await messageNode(id).locator("time.timestamp").count()).toBe(1);
      expect(await messageNode(id).locator(".broken-note").count()).toBe(0);
      expect(await messageNode(id).locator("a[href^='javascript']").count()).toBe(0);
      expect(
        await view.page.evaluate<boolean>(
          "document.querySelector('.messages').scrollWidth <= document.querySelector('.messages').clientWidth",
        ),
      ).toBe(true);
    }
    expect(view.errors).toEqual([]);
  });

  it("keeps loading after /done echoes an out-of-range timestamp tag", async () => {
    const reply = await runAndWait(view.page, "done", { item: "<t:9999999999999:f>" });
    expect(await reply.innerText()).toContain("9999999999999");
    await reload();
    expect(await view.page.locator("#channel-name").innerText()).toBe("backend-cohort");
    expect(view.errors).toEqual([]);
  });

  it("draws a placeholder for a message it cannot draw, and every other message as usual", async () => {
    const broken = (template: PageMessage, id: string, change: Record<string, unknown>) => ({ ...template, id, ...change });
    await view.page.route("**/api/state", async (route) => {
      const response = await route.fetch();
      const state = (await response.json()) as PlaygroundState;
      const template = state.messages.find((message) => message.channelId === state.defaultChannelId);
      if (template === undefined) throw new Error("no message to copy");
      const messages = [
        ...state.messages,
        broken(template, "900000000000000001", { author: null }),
        broken(template, "900000000000000002", { embeds: [{ fields: 5 }] }),
        broken(template, "900000000000000003", { components: [{ type: 1, components: 7 }], at: "yesterday" }),
      ];
      await route.fulfill({ response, json: { ...state, messages } });
    });
    await reload();
    const total = await view.page.locator(".messages .message").count();
    expect(await view.page.locator(".message.broken").count()).toBe(3);
    expect(await view.page.locator(".message.broken").first().innerText()).toContain("could not be shown");
    expect(total).toBeGreaterThan(3);
    expect(await view.page.locator(".message .embed-title", { hasText: /Week 2\b/ }).count()).toBeGreaterThan(0);
    await view.page.unroute("**/api/state");
  });
});
