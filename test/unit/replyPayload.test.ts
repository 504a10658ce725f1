import { ButtonStyle, Client, ComponentType, MessagePayload, type Interaction } from "discord.js";
import { afterAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/discord/commandTypes.js";
import { discordClientOptions } from "../../src/discord/createDiscordBot.js";
import { replyOptions, replyPayload } from "../../src/discord/replyOptions.js";

// The bot's own client options (never logged in): what resolveBody reads of its target is the client's.
const client = new Client(discordClientOptions("http://127.0.0.1:1/api", undefined));
const target = { client } as unknown as Interaction;
afterAll(async () => client.destroy());

/** The body discord.js builds from these options itself (what every reply used to send). */
function discordBody(options: ReturnType<typeof replyOptions>): string {
  return JSON.stringify(MessagePayload.create(target, options).resolveBody().body);
}

function withoutFlags(options: ReturnType<typeof replyOptions>): ReturnType<typeof replyOptions> {
  const { flags: _flags, ...rest } = options;
  return rest;
}

const replies: Record<string, Reply> = {
  "a private reply with an embed and buttons": {
    ephemeral: true,
    embeds: [{ title: "Week 3 · Day 2", description: "⬜ *Storage* \\<@1>", color: 0x5865f2, fields: [{ name: "a", value: "b" }] }],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, custom_id: "done:1:2", label: "Done: Storage", style: ButtonStyle.Success }],
      },
    ],
  },
  "a public reply with an embed only": { ephemeral: false, embeds: [{ title: "Leaderboard" }] },
  "a private reply with text only": { ephemeral: true, content: "You are not in a cohort here." },
  "a public reply with nothing but text": { ephemeral: false, content: "" },
};

describe("replies built for discord.js", () => {
  it.each(Object.entries(replies))("sends %s exactly as discord.js would build it from the options", (_name, reply) => {
    const payload = replyPayload(target, reply);
    expect(JSON.stringify(payload.resolveBody().body)).toBe(discordBody(replyOptions(reply)));
  });

  it.each(Object.entries(replies))("updates a message with %s exactly as discord.js would, without flags", (_name, reply) => {
    const payload = replyPayload(target, reply, { withFlags: false });
    expect(JSON.stringify(payload.resolveBody().body)).toBe(discordBody(withoutFlags(replyOptions(reply))));
  });

  it("leaves a reply with a file to discord.js, which reads and uploads it", async () => {
    const reply: Reply = {
      ephemeral: true,
      embeds: [{ title: "Progress" }],
      files: [{ data: Buffer.from("png"), name: "progress.png", description: "A progress card" }],
    };
    const payload = replyPayload(target, reply);
    expect(payload.body).toBeNull();
    const { body, files } = await payload.resolveBody().resolveFiles();
    expect(JSON.stringify(body)).toBe(discordBody(replyOptions(reply)));
    expect(files).toHaveLength(1);
  });
});
