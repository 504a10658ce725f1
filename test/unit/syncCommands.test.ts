import { describe, expect, it } from "vitest";
import { slashCommands } from "../../commands/registry.js";
import { sameCommands } from "../../src/discord/syncCommands.js";

const ours = slashCommands.map((command) => command.definition);

/**
 * What Discord's GET …/commands?with_localizations=true returns for a command
 * we registered: ids and versions added, localizations as sent (null where
 * none), `dm_permission`, and fields that are
 * false or empty left out (`required: false`, `autocomplete: false`, a
 * sub-command's empty `options`).
 */
function asDiscordReturnsIt(definition: unknown, index: number): Record<string, unknown> {
  const option = (value: Record<string, unknown>): Record<string, unknown> => {
    const { required, autocomplete, options, choices, ...rest } = value;
    return {
      ...rest,
      name_localizations: rest.name_localizations ?? null,
      description_localizations: rest.description_localizations ?? null,
      ...(required === true ? { required } : {}),
      ...(autocomplete === true ? { autocomplete } : {}),
      ...(Array.isArray(choices) && choices.length > 0
        ? {
            choices: (choices as Record<string, unknown>[]).map((choice) => ({
              ...choice,
              name_localizations: choice.name_localizations ?? null,
            })),
          }
        : {}),
      ...(Array.isArray(options) && options.length > 0 ? { options: (options as Record<string, unknown>[]).map(option) } : {}),
    };
  };
  const command = structuredClone(definition) as Record<string, unknown>;
  const { options, ...rest } = command;
  return {
    id: String(1_300_000_000_000_000_000n + BigInt(index)),
    application_id: "1200000000000000000",
    version: "1300000000000000999",
    type: 1,
    dm_permission: false,
    default_member_permissions: null,
    nsfw: false,
    ...rest,
    name_localizations: rest.name_localizations ?? null,
    description_localizations: rest.description_localizations ?? null,
    ...(Array.isArray(options) && options.length > 0 ? { options: (options as Record<string, unknown>[]).map(option) } : {}),
  };
}

describe("sameCommands", () => {
  const discord = () => ours.map(asDiscordReturnsIt);

  it("finds our definitions equal to what Discord returns for them, in any order", () => {
    expect(sameCommands(ours, discord())).toBe(true);
    expect(sameCommands(ours, discord().reverse())).toBe(true);
  });

  it("sees a changed or missing translation as a change", () => {
    const changed = discord().map((command) =>
      command.name === "today" ? { ...command, name_localizations: { "es-ES": "ahora", "es-419": "hoy" } } : command,
    );
    expect(sameCommands(ours, changed)).toBe(false);
    const missing = discord().map((command) => (command.name === "today" ? { ...command, description_localizations: null } : command));
    expect(sameCommands(ours, missing)).toBe(false);
  });

  it("accepts a hand-written Discord answer for a sub-command without options", () => {
    const list = {
      id: "1300000000000000001",
      application_id: "1200000000000000000",
      version: "1300000000000000002",
      type: 1,
      name: "probe",
      name_localizations: null,
      description: "Probe",
      description_localizations: null,
      default_member_permissions: "32",
      dm_permission: false,
      contexts: [0],
      integration_types: [0],
      nsfw: false,
      options: [{ type: 1, name: "list", description: "List", name_localizations: null, description_localizations: null }],
    };
    const definition = {
      name: "probe",
      description: "Probe",
      default_member_permissions: "32",
      contexts: [0],
      integration_types: [0],
      options: [{ type: 1, name: "list", description: "List", options: [] }],
    } as const;
    expect(sameCommands([definition], [list])).toBe(true);
  });

  const mutate = (change: (commands: Record<string, unknown>[]) => void) => {
    const commands = discord();
    change(commands);
    return sameCommands(ours, commands);
  };
  const cohort = (commands: Record<string, unknown>[]) => {
    const found = commands.find((command) => command.name === "cohort");
    if (found === undefined) throw new Error("no /cohort");
    return found;
  };
  const subcommand = (commands: Record<string, unknown>[], name: string) => {
    const found = (cohort(commands).options as Record<string, unknown>[]).find((option) => option.name === name);
    if (found === undefined) throw new Error(`no /cohort ${name}`);
    return found as { options: Record<string, unknown>[] };
  };

  it("notices every change that matters", () => {
    expect(mutate((commands) => commands.pop())).toBe(false);
    expect(mutate((commands) => void (cohort(commands).description = "Changed"))).toBe(false);
    expect(mutate((commands) => void (cohort(commands).default_member_permissions = null))).toBe(false);
    expect(mutate((commands) => void subcommand(commands, "create").options.pop())).toBe(false);
    expect(
      mutate((commands) => {
        delete subcommand(commands, "create").options[0]?.required;
      }),
    ).toBe(false);
    expect(
      mutate(
        (commands) =>
          void (subcommand(commands, "create").options[2] = { ...subcommand(commands, "create").options[2], channel_types: [0] }),
      ),
    ).toBe(false);
    expect(
      mutate((commands) => {
        const announceDay = subcommand(commands, "create").options.find((option) => option.name === "announce_day");
        if (announceDay !== undefined) announceDay.choices = (announceDay.choices as unknown[]).slice(1);
      }),
    ).toBe(false);
    expect(
      mutate(
        (commands) => void (subcommand(commands, "info").options[0] = { ...subcommand(commands, "info").options[0], autocomplete: false }),
      ),
    ).toBe(false);
  });
});
