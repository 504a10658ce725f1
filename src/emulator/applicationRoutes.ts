import type { APIApplication, APIGatewayBotInfo, ApplicationFlags } from "discord-api-types/v10";
import type { EmulatorContext } from "./EmulatorContext.js";
import type { StoredCommand } from "./EmulatorState.js";
import { restErrors } from "./DiscordRestError.js";
import type { CommandDefinitionInput } from "./readCommandDefinitions.js";
import { readCommandDefinition, readCommandDefinitions, toApiCommand } from "./readCommandDefinitions.js";
import type { RestRequest, RestRoute } from "./RestRouter.js";
import { toApiUser } from "./toApiPayloads.js";

/** Gateway discovery, the bot's user and application, and application command registration. */
export function applicationRoutes(context: EmulatorContext): RestRoute[] {
  const { state } = context;

  const gatewayBot = (): APIGatewayBotInfo => ({
    url: context.gatewayUrl(),
    shards: context.sharding.recommendedShards,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: context.sharding.maxConcurrency },
  });

  const application = (): APIApplication => ({
    id: context.applicationId,
    name: state.botUser.username,
    icon: null,
    description: "",
    summary: "",
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: 0 as ApplicationFlags,
    flags_new: "0",
    team: null,
    bot: toApiUser(state.botUser),
  });

  /** The command list of the scope a route addresses (global, or one guild the bot is in). */
  const scope = (request: RestRequest): { list: StoredCommand[]; guildId: string | null } => {
    if (request.params.applicationId !== context.applicationId) throw restErrors.missingAccess();
    const guildId = request.params.guildId ?? null;
    if (guildId !== null && !state.guilds.has(guildId)) throw restErrors.missingAccess();
    return { list: state.commandsFor(guildId), guildId };
  };

  const store = (input: CommandDefinitionInput, guildId: string | null, existingId: string | null): StoredCommand => ({
    input,
    definition: toApiCommand(input, {
      id: existingId ?? state.nextId(),
      applicationId: context.applicationId,
      version: state.nextId(),
      guildId,
    }),
  });

  const findCommand = (list: StoredCommand[], commandId: string | undefined): StoredCommand => {
    const command = list.find((candidate) => candidate.definition.id === commandId);
    if (!command) throw restErrors.unknownCommand();
    return command;
  };

  const commandRoutes = (prefix: string): RestRoute[] => [
    {
      method: "GET",
      template: `${prefix}/commands`,
      auth: "bot",
      handle: (request) => ({ status: 200, body: scope(request).list.map((command) => command.definition) }),
    },
    {
      method: "PUT",
      template: `${prefix}/commands`,
      auth: "bot",
      handle: async (request) => {
        const { list, guildId } = scope(request);
        const inputs = readCommandDefinitions((await request.body()).json);
        const replaced = inputs.map((input) => {
          const previous = list.find(
            (command) => command.input.name === input.name && command.input.type === input.type,
          );
          return store(input, guildId, previous?.definition.id ?? null);
        });
        list.splice(0, list.length, ...replaced);
        return { status: 200, body: replaced.map((command) => command.definition) };
      },
    },
    {
      method: "POST",
      template: `${prefix}/commands`,
      auth: "bot",
      handle: async (request) => {
        const { list, guildId } = scope(request);
        const input = readCommandDefinition((await request.body()).json);
        const index = list.findIndex((command) => command.input.name === input.name && command.input.type === input.type);
        const previous = index >= 0 ? list[index] : undefined;
        const command = store(input, guildId, previous?.definition.id ?? null);
        if (previous) list[index] = command;
        else list.push(command);
        // Discord answers 201 for a new command and 200 when one with that name was overwritten.
        return { status: previous ? 200 : 201, body: command.definition };
      },
    },
    {
      method: "GET",
      template: `${prefix}/commands/:commandId`,
      auth: "bot",
      handle: (request) => ({ status: 200, body: findCommand(scope(request).list, request.params.commandId).definition }),
    },
    {
      method: "PATCH",
      template: `${prefix}/commands/:commandId`,
      auth: "bot",
      handle: async (request) => {
        const { list, guildId } = scope(request);
        const existing = findCommand(list, request.params.commandId);
        const patch = (await request.body()).json;
        const merged = { ...existing.input.raw, ...(typeof patch === "object" && patch !== null ? patch : {}) };
        const command = store(readCommandDefinition(merged), guildId, existing.definition.id);
        list[list.indexOf(existing)] = command;
        return { status: 200, body: command.definition };
      },
    },
    {
      method: "DELETE",
      template: `${prefix}/commands/:commandId`,
      auth: "bot",
      handle: (request) => {
        const { list } = scope(request);
        const existing = findCommand(list, request.params.commandId);
        list.splice(list.indexOf(existing), 1);
        return { status: 204 };
      },
    },
  ];

  return [
    { method: "GET", template: "/gateway", auth: "none", handle: () => ({ status: 200, body: { url: context.gatewayUrl() } }) },
    { method: "GET", template: "/gateway/bot", auth: "bot", handle: () => ({ status: 200, body: gatewayBot() }) },
    {
      method: "GET",
      template: "/users/@me",
      auth: "bot",
      handle: () => ({
        status: 200,
        body: { ...toApiUser(state.botUser), verified: true, mfa_enabled: false, locale: "en-US" },
      }),
    },
    {
      method: "GET",
      template: "/users/:userId",
      auth: "bot",
      handle: (request) => {
        const user = state.users.get(request.params.userId ?? "");
        if (!user) throw restErrors.unknownUser();
        return { status: 200, body: toApiUser(user) };
      },
    },
    { method: "GET", template: "/applications/@me", auth: "bot", handle: () => ({ status: 200, body: application() }) },
    {
      method: "GET",
      template: "/oauth2/applications/@me",
      auth: "bot",
      handle: () => ({ status: 200, body: application() }),
    },
    ...commandRoutes("/applications/:applicationId"),
    ...commandRoutes("/applications/:applicationId/guilds/:guildId"),
  ];
}
