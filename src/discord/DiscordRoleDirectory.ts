import { DiscordAPIError, Routes, type APIGuildMember, type Client } from "discord.js";
import type { RoleDirectory, RoleListing, RoleListingFailure } from "../services/RoleDirectory.js";

/** Discord's largest page of List Guild Members. */
const pageSize = 1000;

/** Tells deleted roles from the client's cache; reads role holders over REST (List Guild Members needs the Server Members intent enabled for the application). */
export class DiscordRoleDirectory implements RoleDirectory {
  constructor(private readonly client: Client) {}

  roleDeleted(guildId: string, roleId: string): boolean {
    // The cache holds every role of a guild from GUILD_CREATE on, and GUILD_ROLE_DELETE takes one out.
    const guild = this.client.guilds.cache.get(guildId);
    return guild !== undefined && guild.available && !guild.roles.cache.has(roleId);
  }

  async userIdsWithRole(guildId: string, roleId: string, watched: ReadonlySet<string>): Promise<RoleListing | RoleListingFailure> {
    const holders = new Set<string>();
    const present = new Set<string>();
    let after = "0";
    try {
      for (;;) {
        const query = new URLSearchParams({ limit: String(pageSize), after });
        const page = (await this.client.rest.get(Routes.guildMembers(guildId), { query })) as APIGuildMember[];
        for (const member of page) {
          if (member.roles.includes(roleId)) holders.add(member.user.id);
          if (watched.has(member.user.id)) present.add(member.user.id);
        }
        const last = page.at(-1)?.user.id;
        if (page.length < pageSize || last === undefined) return { holders, present };
        after = last;
      }
    } catch (error) {
      // 403 (Missing Access, 50001) is Discord's answer without the Server Members intent; the rest may pass.
      return error instanceof DiscordAPIError && error.status === 403 ? "refused" : "failed";
    }
  }
}
