import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { LeaderboardPeriod } from "../../src/services/StudyService.js";
import { startPlayground, type Playground } from "../../src/playground/startPlayground.js";
import type { PlaygroundState } from "../../src/playground/PlaygroundActions.js";
import { unhurriedDeadlineMs } from "../helpers/botHarness.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";

const hourMs = 3_600_000;

/** A GET with a chosen Host header (fetch does not let callers set it), as a DNS-rebinding page would send. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
  });
}

describe("the playground's demo and JSON API", () => {
  const temp = makeTempDir();
  const demoFile = path.join(temp.dir, "demo", "playground.db");
  const botFile = path.join(temp.dir, "bot.db");
  let playground: Playground;
  // Set once the playground has started, so a failed start leaves nothing to close.
  let closePlayground = (): Promise<void> => Promise.resolve();

  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(route, playground.url), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const state = async () => (await (await fetch(new URL("api/state", playground.url))).json()) as PlaygroundState;

  /** The page's live connection: waits for the next event of a type (the member list, a clock change). */
  async function openEvents(): Promise<{
    nextMembers(): Promise<PlaygroundState["users"]>;
    nextClockChange(): Promise<void>;
    close(): void;
  }> {
    const abort = new AbortController();
    const response = await fetch(new URL("api/events", playground.url), { signal: abort.signal });
    // The DOM typings of fetch leave the body untyped; a body stream yields bytes.
    const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader() as ReadableStreamDefaultReader<Uint8Array>;
    const decoder = new TextDecoder();
    let buffered = "";
    type FeedEvent = { type: string; users?: PlaygroundState["users"] };
    const next = async (type: string): Promise<FeedEvent> => {
      for (;;) {
        const events = buffered.split("\n\n");
        buffered = events.pop() ?? "";
        for (const event of events) {
          const data = /^data: (.*)$/m.exec(event)?.[1];
          const parsed = data === undefined ? null : (JSON.parse(data) as FeedEvent);
          if (parsed?.type === type) return parsed;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error("the event stream ended");
        buffered += decoder.decode(chunk.value, { stream: true });
      }
    };
    return {
      async nextMembers() {
        for (;;) {
          const { users } = await next("members");
          if (users !== undefined) return users;
        }
      },
      async nextClockChange() {
        await next("clock");
      },
      close: () => abort.abort(),
    };
  }

  beforeAll(async () => {
    const config = loadConfig({ PLAYGROUND_PORT: "0", PLAYGROUND_DATABASE_URL: `file:${demoFile}`, DATABASE_URL: `file:${botFile}` });
    playground = await startPlayground({
      config,
      logger: captureLogger("warn").logger,
      now: new Date("2027-03-11T08:00:00Z"),
      timeZone: "Europe/Berlin",
      // A hang guard, not Discord's 3 s on the wall clock (see unhurriedDeadlineMs).
      interactionDeadlineMs: unhurriedDeadlineMs,
    });
    closePlayground = () => playground.close();
  });

  afterAll(async () => {
    await closePlayground();
    temp.cleanup();
  });

  it("keeps the demo in its own database file and never touches the bot's", () => {
    expect(fs.existsSync(demoFile)).toBe(true);
    expect(fs.existsSync(botFile)).toBe(false);
  });

  it("starts mid-week with a cohort whose members have logged realistic, different amounts of reading", async () => {
    const current = await state();
    expect(current.clock.cohortDay).toEqual({ en: "Week 2 · Day 3", es: "Semana 2 · Día 3" });
    const [cohort] = await playground.app.services.cohorts.list(current.server.id);
    if (cohort === undefined) throw new Error("no demo cohort");
    const board = await playground.app.services.study.leaderboardOf(cohort, LeaderboardPeriod.All, playground.clock.now(), null);
    expect(board.rankedMembers).toBeGreaterThanOrEqual(5);
    expect(new Set(board.top.map((entry) => entry.points)).size).toBeGreaterThanOrEqual(4);
    const completions = await playground.app.database.prisma.completion.findMany();
    expect(completions.every((completion) => completion.completedAt <= playground.clock.now())).toBe(true);
    expect(current.users.filter((user) => user.role === "member").length).toBeGreaterThanOrEqual(5);
    expect(current.users.some((user) => user.role === "admin")).toBe(true);
  });

  it("lists the bot's registered commands with their options for the page", async () => {
    const done = (await state()).commands.find((command) => command.name === "done");
    expect(done?.options?.map((option) => option.name)).toContain("item");
  });

  it("returns the bot's own autocomplete choices", async () => {
    const { users, defaultChannelId } = await state();
    const member = users.find((user) => user.role === "member");
    const response = await post("api/autocomplete", {
      userId: member?.id,
      channelId: defaultChannelId,
      command: "done",
      options: { item: "" },
      focused: "item",
    });
    const { choices } = (await response.json()) as { choices: { name: string; value: string }[] };
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it("refuses what Discord's client would not allow, with a message the page can show", async () => {
    const { users, defaultChannelId } = await state();
    const member = users.find((user) => user.role === "member");
    const response = await post("api/command", { userId: member?.id, channelId: defaultChannelId, command: "cohort list", options: {} });
    expect(response.status).toBe(400);
    // The emulator's own English, passed on as it is: not dressed in a sentence of another language.
    const refusal = ((await response.json()) as { error: string }).error;
    expect(refusal).toContain("permissions");
    expect(refusal).not.toMatch(/^Discord would not let you/);
  });

  it("words the refusals a visitor can cause in the page's language", async () => {
    const { users, defaultChannelId } = await state();
    const member = users.find((user) => user.role === "member");
    const run = async (options: Record<string, unknown>, language: string) => {
      const command = { userId: member?.id, channelId: defaultChannelId, command: "done", options };
      const response = await post("api/command", command, { "accept-language": language });
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: string }).error;
    };
    expect(await run({}, "en")).toBe('/done needs the option "item".');
    expect(await run({}, "es-ES")).toBe("/hecho necesita la opción «lectura».");
    expect(await run({ item: "x".repeat(201) }, "es-ES")).toBe("La opción «lectura» de /hecho admite como máximo 200 caracteres.");
    expect(await run({ item: "x".repeat(201) }, "en")).toBe('Option "item" of /done takes at most 200 characters.');
  });

  it("sets someone's Discord language only to one the bot speaks, and their next replies use it", async () => {
    const { users, defaultChannelId, languages } = await state();
    expect(languages.map((language) => language.label)).toEqual(["English", "Español"]);
    const member = users.find((user) => user.role === "member");
    const refused = await post("api/language", { userId: member?.id, locale: "xx-XX" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe("Pick one of the languages the bot speaks.");
    // The page asks in its viewer's language: refusals come back in it.
    const refusedInSpanish = await post("api/language", { userId: member?.id, locale: "xx-XX" }, { "accept-language": "es-ES" });
    expect(((await refusedInSpanish.json()) as { error: string }).error).toBe("Elige uno de los idiomas que habla el bot.");
    try {
      expect((await post("api/language", { userId: member?.id, locale: "es-ES" })).status).toBe(200);
      expect((await state()).users.find((user) => user.id === member?.id)?.locale).toBe("es-ES");
      const ran = (await (
        await post("api/command", { userId: member?.id, channelId: defaultChannelId, command: "progress", options: {} })
      ).json()) as {
        messageId: string;
      };
      const reply = (await state()).messages.find((message) => message.id === ran.messageId);
      expect(JSON.stringify(reply?.embeds)).toContain("Progreso · ");
    } finally {
      // The other tests expect this member in English.
      expect((await post("api/language", { userId: member?.id, locale: "en-US" })).status).toBe(200);
    }
  });

  it("serves a file the bot attached that is not a picture as a download, never to open in the page", async () => {
    const { users, defaultChannelId } = await state();
    const admin = users.find((user) => user.role === "admin");
    const choices = (await (
      await post("api/autocomplete", {
        userId: admin?.id,
        channelId: defaultChannelId,
        command: "cohort export",
        options: { cohort: "" },
        focused: "cohort",
      })
    ).json()) as { choices: { value: string }[] };
    const ran = (await (
      await post("api/command", {
        userId: admin?.id,
        channelId: defaultChannelId,
        command: "cohort export",
        options: { cohort: choices.choices[0]?.value ?? "", format: "json" },
      })
    ).json()) as { messageId: string };
    const file = (await state()).messages.find((message) => message.id === ran.messageId)?.attachments[0];
    const response = await fetch(new URL(file?.url ?? "/missing", playground.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.json"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(JSON.parse(await response.text())).toBeTruthy();
  });

  it("only answers pages served from its own address, and only JSON posts", async () => {
    const stateUrl = new URL("api/state", playground.url).href;
    expect(await statusWithHost(stateUrl, "evil.example")).toBe(403);
    expect(await statusWithHost(stateUrl, new URL(playground.url).host)).toBe(200);
    const form = await fetch(new URL("api/clock", playground.url), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '{"action":"day"}',
    });
    expect(form.status).toBe(415);
  });

  it("stops the clock at a member's reminder time on the way, so the bot's DM arrives", async () => {
    const { users, defaultChannelId } = await state();
    const lena = users.find((user) => user.name === "Lena Petrova");
    const reply = await post("api/command", {
      userId: lena?.id,
      channelId: defaultChannelId,
      command: "remind",
      options: { time: "11:00" },
    });
    expect(reply.status).toBe(200);
    await post("api/clock", { action: "day" });
    const dms = (await state()).messages.filter((message) => message.dmUserId === lena?.id);
    expect(dms).toHaveLength(1);
    expect(new Date(dms[0]?.at ?? 0).toISOString()).toBe("2027-03-10T10:00:00.000Z");
  });

  it("tells open pages, and the state, who is in the cohort after /join and /leave", async () => {
    const { users, defaultChannelId } = await state();
    const riley = users.find((user) => user.name === "Riley Park");
    if (riley === undefined) throw new Error("no Riley");
    expect(riley.role).toBe("newcomer");
    const [cohort] = await playground.app.services.cohorts.list((await state()).server.id);
    const events = await openEvents();
    try {
      expect(
        (
          await post("api/command", {
            userId: riley.id,
            channelId: defaultChannelId,
            command: "join",
            options: { cohort: String(cohort?.id) },
          })
        ).status,
      ).toBe(200);
      expect(await events.nextMembers()).toContainEqual(expect.objectContaining({ id: riley.id, role: "member" }));
      expect((await state()).users.find((user) => user.id === riley.id)?.role).toBe("member");

      expect(
        (
          await post("api/command", {
            userId: riley.id,
            channelId: defaultChannelId,
            command: "leave",
            options: { cohort: String(cohort?.id) },
          })
        ).status,
      ).toBe(200);
      expect(await events.nextMembers()).toContainEqual(expect.objectContaining({ id: riley.id, role: "newcomer" }));
      expect((await state()).users.find((user) => user.id === riley.id)?.role).toBe("newcomer");
    } finally {
      events.close();
    }
  });

  it("moves the clock a day, or exactly to the next scheduled post", async () => {
    const before = (await state()).clock;
    const day = (await (await post("api/clock", { action: "day" })).json()) as { clock: PlaygroundState["clock"] };
    expect(day.clock.now - before.now).toBe(24 * hourMs);
    const upcoming = day.clock.nextPost;
    if (upcoming === null) throw new Error("no next post");
    const next = (await (await post("api/clock", { action: "next-post" })).json()) as { clock: PlaygroundState["clock"] };
    expect(next.clock.now).toBe(upcoming.dueAt);
    expect(playground.clock.now().getTime()).toBe(upcoming.dueAt);
    expect(next.clock.nextPost?.dueAt ?? Infinity).toBeGreaterThan(upcoming.dueAt);
  });

  it("has Tomás join late, in week 2, so his week-1 reading is a backlog rather than overdue", async () => {
    const tomas = await playground.app.database.prisma.member.findFirstOrThrow({ where: { displayName: "Tomás Rivera" } });
    const lena = await playground.app.database.prisma.member.findFirstOrThrow({ where: { displayName: "Lena Petrova" } });
    expect(tomas.joinedOn).not.toBeNull();
    expect(lena.joinedOn).toBeNull();
  });

  it("has the simulated members keep reading, each at their own pace, while the clock moves", async () => {
    const countsByMember = async () => {
      const rows = await playground.app.database.prisma.completion.groupBy({ by: ["memberId"], _count: { _all: true } });
      return new Map(rows.map((row) => [row.memberId, row._count._all]));
    };
    const before = await countsByMember();
    await post("api/clock", { action: "week" });
    const after = await countsByMember();
    const added = [...after].map(([memberId, count]) => count - (before.get(memberId) ?? 0));
    expect(added.filter((count) => count > 0).length).toBeGreaterThanOrEqual(4);
    expect(new Set(added).size).toBeGreaterThanOrEqual(3);
    const completions = await playground.app.database.prisma.completion.findMany();
    expect(completions.every((completion) => completion.completedAt <= playground.clock.now())).toBe(true);
  });

  // Last: it ends the demo cohort.
  it("sends the closing post as soon as the admin ends the cohort, as the bot's next tick would on Discord", async () => {
    const { users, defaultChannelId } = await state();
    const admin = users.find((user) => user.role === "admin");
    const clockBefore = playground.clock.now().getTime();
    const events = await openEvents();
    const response = await post("api/command", {
      userId: admin?.id,
      channelId: defaultChannelId,
      command: "cohort end",
      options: { cohort: "Backend Cohort" },
    });
    expect(response.status).toBe(200);
    const titles = (await state()).messages.flatMap((message) => message.embeds.map((embed) => embed.title ?? ""));
    // Ended while its course still ran: the post says so rather than calling the course complete.
    expect(titles).toContain("🏁 Backend Cohort has ended");
    expect(playground.clock.now().getTime()).toBe(clockBefore);
    // Pages hear of it, so their clock panel stops offering a next post.
    try {
      await events.nextClockChange();
    } finally {
      events.close();
    }
    expect((await state()).clock.nextPost).toBeNull();
  });
});
