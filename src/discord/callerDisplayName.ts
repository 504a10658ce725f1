import type { ButtonInteraction, ChatInputCommandInteraction } from "discord.js";

/**
 * The caller's name on the server as their interaction carried it: their server nickname, else their account's
 * display name (global name), else their username. A cached guild gives a GuildMember (its displayName is that
 * order); otherwise the member is the raw API data, read in the same order.
 */
export function callerDisplayName(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  const { member, user } = interaction;
  if (member !== null && "displayName" in member) return member.displayName;
  return member?.nick ?? user.globalName ?? user.username;
}
