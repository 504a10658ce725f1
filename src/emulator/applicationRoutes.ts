import { ApplicationFlags, type APIApplication, type APIGatewayBotInfo } from "discord-api-types/v10";
import type { EmulatorContext } from "./EmulatorContext.js";
import type { StoredCommand } from "./EmulatorState.js";
import { restErrors } from "./DiscordRestError.js";
import type { CommandDefinitionInput } from "./readCommandDefinitions.js";
import { noFlags } from "./noFlags.js";
import { readCommandDefinition, readCommandDefinitions, toApiCommand } from "./readCommandDefinitions.js";
import type { RestRequest, RestResponse, RestRoute } from "./RestRouter.js";
import { toApiUser } from "./toApiPayloads.js";

type Handle = (request: RestRequest) => Promise<RestResponse> | RestResponse;

/** Gateway discovery, the bot's user and application, and application command registration. */
export function applicationRoutes(context: EmulatorContext): RestRoute[] {
  const app = new ApplicationRouteHandlers(context);
  const commands = new CommandRouteHandlers(context);
  const route = (method: string, template: string, handle: Handle, auth: RestRoute["auth"] = "bot"): RestRoute => ({
    method,
    template,
    auth,
    handle,
  });
  const commandRoutes = (prefix: string): RestRoute[] => [
    route("GET", `${prefix}/commands`, (request) => commands.list(request)),
    route("PUT", `${prefix}/commands`, (request) => commands.replaceAll(request)),
    route("POST", `${prefix}/commands`, (request) => commands.create(request)),
    route("GET", `${prefix}/commands/:commandId`, (request) => commands.get(request)),
    route("PATCH", `${prefix}/commands/:commandId`, (request) => commands.edit(request)),
    route("DELETE", `${prefix}/commands/:commandId`, (request) => commands.delete(request)),
  ];
  return [
    route("GET", "/gateway", () => ({ status: 200, body: { url: context.gatewayUrl() } }), "none"),
    route("GET", "/gateway/bot", () => ({ status: 200, body: app.gatewayBot() })),
    route("GET", "/users/@me", () => app.currentUser()),
    route("GET", "/users/:userId", (request) => app.user(request)),
    route("GET", "/applications/@me", () => ({ status: 200, body: app.application() })),
    route("GET", "/oauth2/applications/@me", () => ({ status: 200, body: app.application() })),
    ...commandRoutes("/applications/:applicationId"),
    ...commandRoutes("/applications/:applicationId/guilds/:guildId"),
  ];
}

/** The gateway, user and application routes. */
class ApplicationRouteHandlers {
  constructor(private readonly context: EmulatorContext) {}

  gatewayBot(): APIGatewayBotInfo {
    const { sharding } = this.context;
    return {
      url: this.context.gatewayUrl(),
      shards: sharding.recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: sharding.maxConcurrency },
    };
  }

  currentUser(): RestResponse {
    return { status: 200, body: { ...toApiUser(this.context.state.botUser), verified: true, mfa_enabled: false, locale: "en-US" } };
  }

  user(request: RestRequest): RestResponse {
    const user = this.context.state.users.get(request.params.userId ?? "");
    if (!user) throw restErrors.unknownUser();
    return { status: 200, body: toApiUser(user) };
  }

  application(): APIApplication {
    const { state } = this.context;
    return {
      id: this.context.applicationId,
      name: state.botUser.username,
      icon: null,
      description: "",
      summary: "",
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: noFlags(ApplicationFlags),
      flags_new: "0",
      team: null,
      bot: toApiUser(state.botUser),
    };
  }
}

/** Application command registration, global or per guild: one method per route. */
class CommandRouteHandlers {
  constructor(private readonly context: EmulatorContext) {}

  list(request: RestRequest): RestResponse {
    return { status: 200, body: this.scope(request).list.map((command) => command.definition) };
  }

  async replaceAll(request: RestRequest): Promise<RestResponse> {
    const { list, guildId } = this.scope(request);
    const inputs = readCommandDefinitions((await request.body()).json);
    const replaced = inputs.map((input) => {
      const previous = list.find((command) => command.input.name === input.name && command.input.type === input.type);
      return this.store(input, guildId, previous?.definition.id ?? null);
    });
    list.splice(0, list.length, ...replaced);
    return { status: 200, body: replaced.map((command) => command.definition) };
  }

  async create(request: RestRequest): Promise<RestResponse> {
    const { list, guildId } = this.scope(request);
    const input = readCommandDefinition((await request.body()).json);
    const index = list.findIndex((command) => command.input.name === input.name && command.input.type === input.type);
    const previous = index >= 0 ? list[index] : undefined;
    const command = this.store(input, guildId, previous?.definition.id ?? null);
    if (previous) list[index] = command;
    else list.push(command);
    // Discord answers 201 for a new command and 200 when one with that name was overwritten.
    return { status: previous ? 200 : 201, body: command.definition };
  }

  get(request: RestRequest): RestResponse {
    return { status: 200, body: findCommand(this.scope(request).list, request.params.commandId).definition };
  }

  async edit(request: RestRequest): Promise<RestResponse> {
    const { list, guildId } = this.scope(request);
    const existing = findCommand(list, request.params.commandId);
    const patch = (await request.body()).json;
    const merged = { ...existing.input.raw, ...(typeof patch === "object" && patch !== null ? patch : {}) };
    const command = this.store(readCommandDefinition(merged), guildId, existing.definition.id);
    list[list.indexOf(existing)] = command;
    return { status: 200, body: command.definition };
  }

  delete(request: RestRequest): RestResponse {
    const { list } = this.scope(request);
    const existing = findCommand(list, request.params.commandId);
    list.splice(list.indexOf(existing), 1);
    return { status: 204 };
  }

  /** The command list of the scope a route addresses (global, or one guild the bot is in). */
  private scope(request: RestRequest): { list: StoredCommand[]; guildId: string | null } {
    const { state } = this.context;
    if (request.params.applicationId !== this.context.applicationId) throw restErrors.missingAccess();
    const guildId = request.params.guildId ?? null;
    if (guildId !== null && !state.guilds.has(guildId)) throw restErrors.missingAccess();
    return { list: state.commandsFor(guildId), guildId };
  }

  private store(input: CommandDefinitionInput, guildId: string | null, existingId: string | null): StoredCommand {
    const { state } = this.context;
    return {
      input,
      definition: toApiCommand(input, {
        id: existingId ?? state.nextId(),
        applicationId: this.context.applicationId,
        version: state.nextId(),
        guildId,
      }),
    };
  }
}

function findCommand(list: StoredCommand[], commandId: string | undefined): StoredCommand {
  const command = list.find((candidate) => candidate.definition.id === commandId);
  if (!command) throw restErrors.unknownCommand();
  return command;
}
