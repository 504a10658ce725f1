import type { ButtonInteraction, ChatInputCommandInteraction } from "discord.js";

/**
 * The roles the caller holds, as their interaction carried them (Discord sends them with every command
 * and button: no request, no privileged intent). Null outside a server.
 */
export function callerRoleIds(interaction: ChatInputCommandInteraction | ButtonInteraction): ReadonlySet<string> | null {
  if (!interaction.inGuild()) return null;
  const { member } = interaction;
  // A cached guild gives a GuildMember (roles kept current from this very payload), otherwise the raw role ids.
  return new Set(Array.isArray(member.roles) ? member.roles : member.roles.cache.keys());
}
