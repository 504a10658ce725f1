import { afterEach, describe, expect, it } from "vitest";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { RateLimiter } from "../../src/emulator/RateLimiter.js";

/** Raw requests, so the test sees Discord's answers as they are (discord.js would wait the limits out). */
async function post(
  emulator: DiscordEmulator,
  channelId: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${emulator.apiUrl}/v10/channels/${channelId}/messages`, {
    method: "POST",
    headers: { authorization: `Bot ${emulator.token}`, "content-type": "application/json" },
    body: JSON.stringify({ content: "hello" }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe("emulator rate limits, like Discord's", () => {
  let emulator: DiscordEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it("has none unless asked for", async () => {
    emulator = await DiscordEmulator.start();
    const channel = emulator.createChannel(emulator.createGuild({ name: "Server" }).id, { name: "general" });
    for (let index = 0; index < 20; index += 1) expect((await post(emulator, channel.id)).status).toBe(200);
  });

  it("limits each channel's bucket on its own, with Discord's headers and a 429 with retry_after", async () => {
    // The window runs on the wall clock: an hour, so that however slow the machine, the three posts fall in it.
    emulator = await DiscordEmulator.start({ rateLimits: { perRoute: { limit: 2, windowMs: 3_600_000 } } });
    const guild = emulator.createGuild({ name: "Server" });
    const busy = emulator.createChannel(guild.id, { name: "busy" });
    const quiet = emulator.createChannel(guild.id, { name: "quiet" });
    const first = await post(emulator, busy.id);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(Number(first.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(50);
    expect(Number(first.headers.get("x-ratelimit-reset")) * 1000).toBeGreaterThan(Date.now());
    const bucket = first.headers.get("x-ratelimit-bucket");
    expect(bucket).toMatch(/^[0-9a-f]+$/);
    expect((await post(emulator, busy.id)).headers.get("x-ratelimit-remaining")).toBe("0");

    const limited = await post(emulator, busy.id);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ message: "You are being rate limited.", global: false });
    expect(limited.body.retry_after).toBeGreaterThan(50);
    expect(limited.headers.get("retry-after")).not.toBeNull();
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(limited.headers.get("x-ratelimit-bucket")).toBe(bucket);
    expect(limited.headers.get("x-ratelimit-global")).toBeNull();
    // Another channel has a bucket of its own; the limited channel got no message.
    expect((await post(emulator, quiet.id)).status).toBe(200);
    expect(emulator.channelMessages(busy.id)).toHaveLength(2);
  });

  it("answers with a global 429 once the bot's requests of the second are used up, and counts afresh the next second", () => {
    // The limiter itself, on a clock the test moves: no dependence on how fast requests go out.
    let now = 1_000_000;
    const limiter = new RateLimiter({ globalPerSecond: 3 }, () => now);
    const request = (channelId: string) => limiter.check({ method: "POST", route: "/channels/:channelId/messages", params: { channelId } });
    expect([request("1"), request("2"), request("3")].every((verdict) => "headers" in verdict)).toBe(true);
    now += 400;
    const limited = request("4");
    if (!("limited" in limited)) throw new Error("the fourth request of the second went through");
    expect(limited.limited.status).toBe(429);
    expect(limited.limited.body).toMatchObject({ global: true, retry_after: 0.6 });
    expect(limited.limited.headers).toMatchObject({ "retry-after": "0.600", "x-ratelimit-global": "true", "x-ratelimit-scope": "global" });
    // Interaction callbacks do not count against the global limit, as on Discord.
    expect("headers" in limiter.check({ method: "POST", route: "/interactions/:interactionId/:token/callback", params: {} })).toBe(true);
    now += 600;
    expect("headers" in request("4")).toBe(true);
  });

  it("holds one channel at 429 until released, without touching the others", async () => {
    emulator = await DiscordEmulator.start();
    const guild = emulator.createGuild({ name: "Server" });
    const held = emulator.createChannel(guild.id, { name: "held" });
    const free = emulator.createChannel(guild.id, { name: "free" });
    emulator.holdRateLimit(held.id, 60_000);
    const answer = await post(emulator, held.id);
    expect(answer.status).toBe(429);
    expect(answer.body).toMatchObject({ retry_after: 60, global: false });
    expect((await post(emulator, free.id)).status).toBe(200);
    expect((await post(emulator, held.id)).status).toBe(429);
    emulator.releaseRateLimit(held.id);
    expect((await post(emulator, held.id)).status).toBe(200);
  });
});
