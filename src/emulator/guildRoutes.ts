import type { EmulatorContext } from "./EmulatorContext.js";
import { requireGuild } from "./EmulatorContext.js";
import { isThreadType } from "./EmulatorState.js";
import { restErrors } from "./DiscordRestError.js";
import type { RestRequest, RestResponse, RestRoute } from "./RestRouter.js";
import { toApiChannel, toApiGuild, toApiMember, toApiRole } from "./toApiPayloads.js";

/** Read-only guild endpoints: the guild, its channels, roles and members. */
export function guildRoutes(context: EmulatorContext): RestRoute[] {
  const routes = new GuildRouteHandlers(context);
  const get = (template: string, handle: (request: RestRequest) => RestResponse): RestRoute => ({
    method: "GET",
    template,
    auth: "bot",
    handle,
  });
  return [
    get("/guilds/:guildId", (request) => routes.guild(request)),
    get("/guilds/:guildId/channels", (request) => routes.channels(request)),
    get("/guilds/:guildId/threads/active", (request) => routes.activeThreads(request)),
    get("/guilds/:guildId/roles", (request) => routes.roles(request)),
    get("/guilds/:guildId/members/:userId", (request) => routes.member(request)),
    get("/guilds/:guildId/members", (request) => routes.members(request)),
  ];
}

/** The handlers of guildRoutes, one method per route. */
class GuildRouteHandlers {
  constructor(private readonly context: EmulatorContext) {}

  guild(request: RestRequest): RestResponse {
    const guild = requireGuild(this.context, request.params.guildId ?? "");
    const body: Record<string, unknown> = { ...toApiGuild(this.context.state, guild) };
    if (request.query.get("with_counts") === "true") {
      body.approximate_member_count = guild.memberUserIds.length;
      body.approximate_presence_count = 0;
    }
    return { status: 200, body };
  }

  channels(request: RestRequest): RestResponse {
    const { state } = this.context;
    const guild = requireGuild(this.context, request.params.guildId ?? "");
    const channels = state.guildChannels(guild).filter((channel) => !isThreadType(channel.type));
    return { status: 200, body: channels.map((channel) => toApiChannel(state, channel)) };
  }

  activeThreads(request: RestRequest): RestResponse {
    const { state } = this.context;
    const guild = requireGuild(this.context, request.params.guildId ?? "");
    const threads = state.guildChannels(guild).filter((channel) => isThreadType(channel.type) && !channel.thread?.archived);
    return { status: 200, body: { threads: threads.map((thread) => toApiChannel(state, thread)), members: [] } };
  }

  roles(request: RestRequest): RestResponse {
    const guild = requireGuild(this.context, request.params.guildId ?? "");
    return { status: 200, body: this.context.state.guildRoles(guild).map(toApiRole) };
  }

  member(request: RestRequest): RestResponse {
    const { state } = this.context;
    const guild = requireGuild(this.context, request.params.guildId ?? "");
    const member = state.member(guild.id, request.params.userId ?? "");
    if (!member) throw restErrors.unknownMember();
    return { status: 200, body: toApiMember(state, member) };
  }

  members(request: RestRequest): RestResponse {
    const { state } = this.context;
    const guild = requireGuild(this.context, request.params.guildId ?? "");
    const limit = Math.min(Math.max(Number(request.query.get("limit") ?? "1") || 1, 1), 1000);
    const after = request.query.get("after") ?? "0";
    const members = state
      .guildMembers(guild)
      .filter((member) => BigInt(member.userId) > BigInt(after))
      .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
      .slice(0, limit);
    return { status: 200, body: members.map((member) => toApiMember(state, member)) };
  }
}
