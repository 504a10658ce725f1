import { ComponentType } from "discord.js";
import { DateTime } from "luxon";
import type { PostMessage } from "./postMessage.js";

/** `<t:…>` markup as a reader in `zone` would see it: "Fri 15 Jan 2027 17:00 (UTC)". */
function resolveTimestamps(text: string, zone: string): string {
  return text.replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_match, seconds: string) =>
    DateTime.fromSeconds(Number(seconds), { zone }).toFormat("ccc d LLL yyyy HH:mm '('ZZZZ')'"),
  );
}

/** Markdown as plain text: bold markers dropped, escapes undone. */
function plain(text: string, zone: string): string {
  return resolveTimestamps(text, zone)
    .replace(/\*\*/g, "")
    .replace(/\\([^\w\s])/g, "$1")
    .replace(/\u200b/g, "");
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? prefix.trimEnd() : `${prefix}${line}`))
    .join("\n");
}

/**
 * A terminal-friendly text form of the messages of a post (the `simulate` CLI
 * prints it): titles, descriptions, fields, footers and buttons, with
 * timestamps shown in `zone`.
 */
export function postText(messages: readonly PostMessage[], zone: string): string {
  const blocks: string[] = [];
  messages.forEach((message, index) => {
    const lines: string[] = [];
    if (messages.length > 1) lines.push(`(message ${index + 1} of ${messages.length})`);
    if (message.content !== undefined && message.content !== "") lines.push(plain(message.content, zone));
    for (const embed of message.embeds) {
      if (embed.title !== undefined) lines.push(`┃ ${plain(embed.title, zone)}`);
      if (embed.description !== undefined) lines.push(indent(plain(embed.description, zone), "┃ "));
      for (const field of embed.fields ?? []) {
        lines.push("┃", `┃ ▸ ${plain(field.name, zone)}`, indent(plain(field.value, zone), "┃   "));
      }
      if (embed.footer !== undefined) lines.push("┃", `┃ — ${plain(embed.footer.text, zone)}`);
    }
    const labels: string[] = [];
    for (const row of message.components ?? []) {
      for (const component of row.components) {
        if (component.type === ComponentType.Button && "label" in component) labels.push(`[ ${component.label} ]`);
      }
    }
    if (labels.length > 0) lines.push(`  ${labels.join(" ")}`);
    blocks.push(lines.join("\n"));
  });
  return blocks.join("\n\n");
}
