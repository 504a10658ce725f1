import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openPlayground, runAndWait, usePlaygroundPage, waitFor } from "../helpers/playgroundBrowser.js";

describe("the playground's downloads, roles, languages and reloads", () => {
  const view = usePlaygroundPage({ width: 1440, height: 900 });
  const { running } = view;

  it("downloads the file /cohort export attaches, as Discord does when it is clicked", async () => {
    await view.page.selectOption("#viewer", { label: "Alex Kim (admin)" });
    const reply = await runAndWait(view.page, "cohort export", {}, { cohort: "Backend Cohort" });
    const file = reply.locator(".attachment", { hasText: "Backend-Cohort.csv" });
    const [download] = await Promise.all([view.page.waitForEvent("download"), file.click()]);
    expect(download.suggestedFilename()).toBe("Backend-Cohort.csv");
    const saved = await download.path();
    const csv = fs.readFileSync(saved, "utf8");
    expect(csv).toContain("Lena Petrova");
    expect(view.errors).toEqual([]);
  });

  it("offers the server's roles for a role option, and shows the role's name where the bot mentions it", async () => {
    await view.page.selectOption("#viewer", { label: "Alex Kim (admin)" });
    const excludeRole = async (label: string, shown: string) => {
      await view.page.fill("#command-input", "/cohort edit");
      await view.page.locator(".popup-item", { hasText: "/cohort edit" }).first().click();
      await view.page.locator('[data-option="cohort"]').focus();
      await view.page.locator(".popup-item", { hasText: "Backend Cohort" }).first().click();
      await view.page.selectOption('[data-option="exclude_role"]', { label });
      await view.page.click("#send");
      await waitFor(async () => (await view.page.locator(".message").last().innerText()).includes(shown), "the edit's answer");
      expect(await view.page.locator("#composer-hint.error").count()).toBe(0);
    };
    await excludeRole("@Server Manager", "@Server Manager");
    const info = await runAndWait(view.page, "cohort info", {}, { cohort: "Backend Cohort" });
    expect(await info.locator(".mention", { hasText: "@Server Manager" }).count()).toBeGreaterThan(0);

    // Discord's role picker lists @everyone under its own name (no second "@"): picking it removes the role.
    await excludeRole("@everyone", "No role: every member can be ranked");
    const cleared = await runAndWait(view.page, "cohort info", {}, { cohort: "Backend Cohort" });
    expect(await cleared.innerText()).toMatch(/Never ranked\s+No role: every member can be ranked/);
    expect(view.errors).toEqual([]);
  });

  it("shows Lena's direct messages unread after the admin nudges her from /cohort roster, and only hers", async () => {
    await view.page.selectOption("#viewer", { label: "Alex Kim (admin)" });
    const roster = await runAndWait(view.page, "cohort roster", {}, { cohort: "Backend Cohort" });
    await roster.locator("button", { hasText: "Nudge Lena Petrova" }).click();
    await waitFor(async () => (await view.page.locator(".message").last().innerText()).includes("friendly DM"), "the nudge's answer");
    const directMessages = view.page.locator('[data-channel="dm"]');
    expect(await directMessages.getAttribute("class")).not.toContain("unread");

    await view.page.selectOption("#viewer", { label: "Lena Petrova" });
    expect(await directMessages.getAttribute("class")).toContain("unread");
    await directMessages.click();
    expect(await view.page.locator("#messages .message").last().innerText()).toContain("Backend Cohort");
    expect(await directMessages.getAttribute("class")).not.toContain("unread");
    await view.page.click(`[data-channel="${running.playground.world.cohortChannel.id}"]`);
  });

  it("still acts as the person picked, in the channel picked, after the page is reloaded", async () => {
    await view.page.selectOption("#viewer", { label: "Riley Park (not joined yet)" });
    await view.page.click('[data-channel="dm"]');
    await view.page.reload();
    await view.page.waitForSelector("body[data-ready=true]");
    expect(await view.page.locator("#viewer option:checked").innerText()).toBe("Riley Park (not joined yet)");
    expect(await view.page.locator("#channel-name").innerText()).toBe("Cohort Bot");
    await view.page.click(`[data-channel="${running.playground.world.cohortChannel.id}"]`);
  });

  it("tells assistive technology which suggestion the arrow keys select", async () => {
    await view.page.selectOption("#viewer", { label: "Alex Kim (admin)" });
    const input = view.page.locator("#command-input");
    await input.fill("/cohort");
    const selected = async () => {
      const id = await input.getAttribute("aria-activedescendant");
      const option = view.page.locator(`#${id ?? "none"}`);
      return { text: await option.innerText(), selected: await option.getAttribute("aria-selected") };
    };
    expect(await input.getAttribute("role")).toBe("combobox");
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    const first = await selected();
    expect(first.text).toContain("/cohort announce");
    expect(first.selected).toBe("true");
    await input.press("ArrowDown");
    const second = await selected();
    expect(second.text).toContain("/cohort audit");
    expect(second.selected).toBe("true");
    await input.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    await input.fill("");
  });

  it("shows a long cohort name whole among /join's choices on a 360 px phone, as typed", async () => {
    const { playground } = running;
    const longName = "**Evening** <@1> `readers` of the Backend Engineer Learning Path, spring term";
    const general = playground.world.channels[1]?.id ?? "";
    const created = await playground.actions.runCommand({
      userId: playground.world.admin.id,
      channelId: general,
      command: "cohort create",
      options: { name: longName, curriculum: "backend-engineer-learning-path", channel: general, start: "2027-03-01" },
    });
    expect(created.messageId).not.toBeNull();
    const phone = await openPlayground(running.browser, playground, { width: 360, height: 740, mobile: true });
    try {
      await phone.page.click("#toggle-sidebar");
      await phone.page.selectOption("#viewer", { label: "Riley Park (not joined yet)" });
      await phone.page.keyboard.press("Escape");
      await phone.page.fill("#command-input", "/join");
      await phone.page.locator(".popup-item", { hasText: "/join" }).first().click();
      await phone.page.locator('[data-option="cohort"]').focus();
      const choice = phone.page.locator(".popup-item", { hasText: "spring term" });
      expect(await choice.innerText()).toBe(longName);
      // A string script: the project's TypeScript has no DOM types.
      const cut = await phone.page.evaluate<boolean[]>(`(() => {
        const row = [...document.querySelectorAll(".popup-item")].find((item) => item.textContent.includes("spring term"));
        return [row.scrollWidth > row.clientWidth, row.getBoundingClientRect().right > innerWidth];
      })()`);
      expect(cut).toEqual([false, false]);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it("speaks Spanish to a member whose Discord language is Español: the command list, the reply and its buttons", async () => {
    await view.page.selectOption("#viewer", { label: "Jonas Weber" });
    await view.page.selectOption("#language", { label: "Español" });
    await view.page.fill("#command-input", "/hoy");
    const entry = view.page.locator(".popup-item", { hasText: "/hoy" }).first();
    expect(await entry.innerText()).toContain("Lo que toca hoy");
    await entry.click();
    await view.page.click("#send");
    // The reply names the command as the bot registered it, whatever the language.
    const replies = view.page.locator(".message", { has: view.page.locator(".command-name", { hasText: "/today" }) });
    await waitFor(async () => (await replies.count()) === 1, "the reply to /hoy");
    const reply = replies.last();
    await waitFor(async () => (await reply.locator(".thinking").count()) === 0, "/hoy to finish thinking");
    expect(await reply.locator(".embed").first().innerText()).toMatch(/Semana 2 · Día \d/);
    expect(await reply.locator("button", { hasText: /^Hecha: / }).count()).toBeGreaterThan(0);

    // Someone else keeps their own language; Jonas's stays Spanish when the page acts as him again.
    await view.page.selectOption("#viewer", { label: "Maya Chen" });
    expect(await view.page.locator("#language option:checked").innerText()).toBe("English");
    await view.page.selectOption("#viewer", { label: "Jonas Weber" });
    expect(await view.page.locator("#language option:checked").innerText()).toBe("Español");
    expect(view.errors).toEqual([]);
  });
});
