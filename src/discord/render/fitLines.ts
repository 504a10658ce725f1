import type { APIEmbed } from "discord.js";
import { truncate } from "./format.js";

/**
 * Joins `lines` with newlines into at most `maxChars` characters. When they do
 * not all fit, keeps as many leading lines as fit together with the line
 * `moreLine(hiddenCount)` ("…and 4 more") and ends with it.
 */
export function fitLines(lines: readonly string[], maxChars: number, moreLine: (hidden: number) => string): string {
  const all = lines.join("\n");
  if (all.length <= maxChars) return all;
  let kept = 0;
  let length = 0;
  for (const line of lines) {
    const withLine = length + (kept === 0 ? 0 : 1) + line.length;
    const hiddenAfter = lines.length - kept - 1;
    const tail = hiddenAfter > 0 ? 1 + moreLine(hiddenAfter).length : 0;
    if (withLine + tail > maxChars) break;
    length = withLine;
    kept += 1;
  }
  const head = lines.slice(0, kept).join("\n");
  const more = moreLine(lines.length - kept);
  return truncate(head === "" ? more : `${head}\n${more}`, maxChars);
}

/**
 * Splits `total` characters between blocks that each need `needs[i]`: blocks
 * needing less than an equal share get all they need, the rest share what is
 * left equally. The result never sums to more than `total`.
 */
export function shareBudget(needs: readonly number[], total: number): number[] {
  const shares = needs.map(() => 0);
  const order = needs.map((need, index) => ({ need: Math.max(0, need), index })).sort((a, b) => a.need - b.need || a.index - b.index);
  let remaining = Math.max(0, Math.floor(total));
  order.forEach(({ need, index }, position) => {
    const equalShare = Math.floor(remaining / (order.length - position));
    const share = Math.min(need, equalShare);
    shares[index] = share;
    remaining -= share;
  });
  return shares;
}

/** Characters Discord counts towards an embed's 6,000-character limit. */
export function embedLength(embed: APIEmbed): number {
  let length =
    (embed.title ?? "").length + (embed.description ?? "").length + (embed.footer?.text ?? "").length + (embed.author?.name ?? "").length;
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}
