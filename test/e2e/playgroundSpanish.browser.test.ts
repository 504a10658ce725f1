import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { repliesTo, usePlaygroundPage, waitFor } from "../helpers/playgroundBrowser.js";

/** The page's own words a visitor reads first: labels, buttons, headings, the composer and what screen readers hear. */
async function chrome(page: Page) {
  const text = (selector: string) => page.locator(selector).first().innerText();
  const attribute = (selector: string, name: string) => page.locator(selector).first().getAttribute(name);
  return {
    lang: await attribute("html", "lang"),
    title: await page.title(),
    youAre: await text(".you-label span"),
    language: await text(".you-label:nth-of-type(2) span"),
    dayButton: await text('[data-clock="day"]'),
    dayButtonTitle: await attribute('[data-clock="day"]', "title"),
    nextPost: await text("#next-post"),
    clockLabel: await attribute("#clock", "aria-label"),
    channelsHeading: await text("#channel-list .list-heading"),
    membersLabel: await attribute("#member-list", "aria-label"),
    messagesLabel: await attribute("#messages", "aria-label"),
    placeholder: await attribute("#command-input", "placeholder"),
    send: await text("#send"),
    hint: await text("#composer-hint"),
    welcome: await text(".channel-welcome h2"),
  };
}

describe("the playground's own page in the viewer's Discord language", () => {
  const view = usePlaygroundPage({ width: 1440, height: 900 });

  it("is in English for someone whose Discord is in English", async () => {
    await view.page.selectOption("#viewer", { label: "Jonas Weber" });
    expect(await chrome(view.page)).toMatchObject({
      lang: "en",
      youAre: "You are",
      dayButton: "+1 day",
      nextPost: "Next post ▸",
      channelsHeading: "TEXT CHANNELS",
      send: "Send",
      welcome: "Welcome to #backend-cohort",
    });
  });

  it("switches to Spanish as soon as Español is picked, the page's words and what screen readers hear", async () => {
    await view.page.selectOption("#language", { label: "Español" });
    await waitFor(async () => (await view.page.locator("html").getAttribute("lang")) === "es", "the page to speak Spanish");
    expect(await chrome(view.page)).toEqual({
      lang: "es",
      title: "Zona de pruebas de cohort-bot",
      youAre: "Eres",
      language: "Idioma de Discord",
      dayButton: "+1 día",
      dayButtonTitle: "Adelantar el reloj un día",
      nextPost: "Siguiente publicación ▸",
      clockLabel: "Reloj de la zona de pruebas",
      channelsHeading: "CANALES DE TEXTO",
      membersLabel: "Miembros",
      messagesLabel: "Mensajes",
      placeholder: "Escribe / para usar un comando en #backend-cohort",
      send: "Enviar",
      hint: "Elige quién eres en la lista de miembros, escribe / y elige un comando. Nada sale de este ordenador.",
      welcome: "Te damos la bienvenida a #backend-cohort",
    });
    expect(await view.page.locator("#clock-day").innerText()).toMatch(/^Semana 2 · Día \d/);
    expect(await view.page.locator("#clock-next").innerText()).toBe("Siguiente: Punto de control: Database Fundamentals · pasado mañana");
    expect(await view.page.locator("#member-list .list-heading").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^MIEMBROS — \d+$/), "APLICACIONES — 1"]),
    );
  });

  it("heads the reply to /hoy in Spanish: who used the command, and that only they can see it", async () => {
    await view.page.fill("#command-input", "/hoy");
    await view.page.locator(".popup-item", { hasText: "/hoy" }).first().click();
    await view.page.click("#send");
    const replies = repliesTo(view.page, "today");
    await waitFor(async () => (await replies.count()) === 1, "the reply to /hoy");
    const reply = replies.last();
    await waitFor(async () => (await reply.locator(".thinking").count()) === 0, "/hoy to finish thinking");
    // The command keeps the name the bot registered it under, as the other browser tests read it.
    expect(await reply.locator(".reply-context > span").innerText()).toBe("Jonas Weber usó /today");
    expect(await reply.locator(".message-time").innerText()).toMatch(/^Hoy a las \d\d:\d\d$/);
    expect(await reply.locator(".ephemeral-note").innerText()).toContain("Solo tú puedes ver esto · Descartar mensaje");
  });

  it("says what went wrong in Spanish", async () => {
    await view.page.fill("#command-input", "hola");
    await view.page.click("#send");
    expect(await view.page.locator("#composer-hint.error").innerText()).toBe("Escribe / y elige un comando.");
    await view.page.fill("#command-input", "");
  });

  it("stays in Spanish after a reload, and is English again for someone else", async () => {
    await view.page.reload();
    await view.page.waitForSelector("body[data-ready=true]");
    expect(await chrome(view.page)).toMatchObject({ lang: "es", youAre: "Eres", send: "Enviar" });
    expect(await repliesTo(view.page, "today").last().locator(".reply-context > span").innerText()).toBe("Jonas Weber usó /today");

    await view.page.selectOption("#viewer", { label: "Maya Chen" });
    expect(await chrome(view.page)).toMatchObject({
      lang: "en",
      title: "cohort-bot playground",
      youAre: "You are",
      hint: "Pick who you are in the member list, type / and choose a command. Nothing leaves this machine.",
      welcome: "Welcome to #backend-cohort",
    });
    expect(await view.page.locator("#clock-day").innerText()).toMatch(/^Week 2 · Day \d/);
    expect(view.errors).toEqual([]);
  });
});
