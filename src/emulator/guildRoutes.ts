import type { EmulatorContext } from "./EmulatorContext.js";
import { requireGuild } from "./EmulatorContext.js";
import { isThreadType } from "./EmulatorState.js";
import { restErrors } from "./DiscordRestError.js";
import type { RestRoute } from "./RestRouter.js";
import { toApiChannel, toApiGuild, toApiMember, toApiRole } from "./toApiPayloads.js";

/** Read-only guild endpoints: the guild, its channels, roles and members. */
export function guildRoutes(context: EmulatorContext): RestRoute[] {
  const { state } = context;
  return [
    {
      method: "GET",
      template: "/guilds/:guildId",
      auth: "bot",
      handle: (request) => {
        const guild = requireGuild(context, request.params.guildId ?? "");
        const body: Record<string, unknown> = { ...toApiGuild(state, guild) };
        if (request.query.get("with_counts") === "true") {
          body.approximate_member_count = guild.memberUserIds.length;
          body.approximate_presence_count = 0;
        }
        return { status: 200, body };
      },
    },
    {
      method: "GET",
      template: "/guilds/:guildId/channels",
      auth: "bot",
      handle: (request) => {
        const guild = requireGuild(context, request.params.guildId ?? "");
        const channels = state.guildChannels(guild).filter((channel) => !isThreadType(channel.type));
        return { status: 200, body: channels.map((channel) => toApiChannel(state, channel)) };
      },
    },
    {
      method: "GET",
      template: "/guilds/:guildId/threads/active",
      auth: "bot",
      handle: (request) => {
        const guild = requireGuild(context, request.params.guildId ?? "");
        const threads = state
          .guildChannels(guild)
          .filter((channel) => isThreadType(channel.type) && !channel.thread?.archived);
        return { status: 200, body: { threads: threads.map((thread) => toApiChannel(state, thread)), members: [] } };
      },
    },
    {
      method: "GET",
      template: "/guilds/:guildId/roles",
      auth: "bot",
      handle: (request) => {
        const guild = requireGuild(context, request.params.guildId ?? "");
        return { status: 200, body: state.guildRoles(guild).map(toApiRole) };
      },
    },
    {
      method: "GET",
      template: "/guilds/:guildId/members/:userId",
      auth: "bot",
      handle: (request) => {
        const guild = requireGuild(context, request.params.guildId ?? "");
        const member = state.member(guild.id, request.params.userId ?? "");
        if (!member) throw restErrors.unknownMember();
        return { status: 200, body: toApiMember(state, member) };
      },
    },
    {
      method: "GET",
      template: "/guilds/:guildId/members",
      auth: "bot",
      handle: (request) => {
        const guild = requireGuild(context, request.params.guildId ?? "");
        const limit = Math.min(Math.max(Number(request.query.get("limit") ?? "1") || 1, 1), 1000);
        const after = request.query.get("after") ?? "0";
        const members = state
          .guildMembers(guild)
          .filter((member) => BigInt(member.userId) > BigInt(after))
          .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
          .slice(0, limit);
        return { status: 200, body: members.map((member) => toApiMember(state, member)) };
      },
    },
  ];
}
