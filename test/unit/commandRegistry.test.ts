import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from "discord.js";
import { describe, expect, it } from "vitest";
import { buttonHandlers, slashCommands } from "../../commands/registry.js";
import type { ButtonHandler, SlashCommand } from "../../src/discord/commandTypes.js";

const commandsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../commands");
const buttonsDir = path.join(commandsDir, "buttons");

/** Discord's rule for slash command and option names (lower case, 1–32 characters). */
const namePattern = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const maxDescription = 100;
const maxOptions = 25;
const maxChoices = 25;
/** Name, description, and every option's name, description and choices, together. */
const maxCommandCharacters = 4000;

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => entry.name)
    .sort();
}

function isSlashCommand(value: unknown): value is SlashCommand {
  return typeof value === "object" && value !== null && "definition" in value && "execute" in value;
}

function isButtonHandler(value: unknown): value is ButtonHandler {
  return typeof value === "object" && value !== null && "prefix" in value && "execute" in value;
}

interface OptionJson {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: readonly { name: string; value: string | number }[];
  options?: readonly OptionJson[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
}

/** Every problem Discord would refuse the definition for, as readable strings. */
function problemsOf(where: string, options: readonly OptionJson[] | undefined): string[] {
  const problems: string[] = [];
  const list = options ?? [];
  if (list.length > maxOptions) problems.push(`${where}: ${list.length} options (max ${maxOptions})`);
  const names = new Set<string>();
  let optionalSeen = false;
  for (const option of list) {
    const at = `${where} › ${option.name}`;
    if (!namePattern.test(option.name)) problems.push(`${at}: name not allowed`);
    if (names.has(option.name)) problems.push(`${at}: duplicate name`);
    names.add(option.name);
    if (option.description.length < 1 || option.description.length > maxDescription)
      problems.push(`${at}: description of ${option.description.length} characters`);
    const isGroup = option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;
    if (isGroup) {
      problems.push(...problemsOf(at, option.options));
      continue;
    }
    if (option.required === true && optionalSeen) problems.push(`${at}: required option after an optional one`);
    if (option.required !== true) optionalSeen = true;
    if ((option.choices?.length ?? 0) > maxChoices) problems.push(`${at}: more than ${maxChoices} choices`);
    if (option.choices !== undefined && option.autocomplete === true) problems.push(`${at}: choices and autocomplete together`);
    for (const choice of option.choices ?? [])
      if (choice.name.length < 1 || choice.name.length > 100) problems.push(`${at}: choice name "${choice.name}"`);
    if (option.max_length !== undefined && (option.max_length < 1 || option.max_length > 6000))
      problems.push(`${at}: max_length ${option.max_length}`);
    if (option.min_value !== undefined && option.max_value !== undefined && option.min_value > option.max_value)
      problems.push(`${at}: min_value above max_value`);
  }
  return problems;
}

function characterCount(options: readonly OptionJson[] | undefined): number {
  return (options ?? []).reduce(
    (sum, option) =>
      sum +
      option.name.length +
      option.description.length +
      (option.choices ?? []).reduce((choices, choice) => choices + choice.name.length + String(choice.value).length, 0) +
      characterCount(option.options),
    0,
  );
}

describe("commands/registry.ts", () => {
  it("lists every command file in commands/", async () => {
    const files = typeScriptFiles(commandsDir).filter((file) => file !== "registry.ts");
    expect(files.length).toBeGreaterThan(0);
    const registrySource = readFileSync(path.join(commandsDir, "registry.ts"), "utf8");
    for (const file of files) {
      expect(registrySource, `registry.ts imports ${file}`).toContain(`"./${file.replace(/\.ts$/, ".js")}"`);
      const module = (await import(pathToFileURL(path.join(commandsDir, file)).href)) as Record<string, unknown>;
      const commands = Object.values(module).filter(isSlashCommand);
      expect(commands.length, `${file} exports a slash command`).toBeGreaterThan(0);
      // The registry adds localizations to each definition, so look commands up by name.
      const registered = slashCommands.map((entry) => entry.definition.name);
      for (const command of commands)
        expect(registered, `${file}: /${command.definition.name} is registered`).toContain(command.definition.name);
    }
  });

  it("lists every button file in commands/buttons/", async () => {
    const files = typeScriptFiles(buttonsDir);
    expect(files.length).toBeGreaterThan(0);
    const registrySource = readFileSync(path.join(commandsDir, "registry.ts"), "utf8");
    for (const file of files) {
      expect(registrySource, `registry.ts imports buttons/${file}`).toContain(`"./buttons/${file.replace(/\.ts$/, ".js")}"`);
      const module = (await import(pathToFileURL(path.join(buttonsDir, file)).href)) as Record<string, unknown>;
      const handlers = Object.values(module).filter(isButtonHandler);
      expect(handlers.length, `${file} exports a button handler`).toBeGreaterThan(0);
      for (const handler of handlers) expect(buttonHandlers, `${file}: "${handler.prefix}" buttons are registered`).toContain(handler);
    }
  });

  it("has unique command names and button prefixes", () => {
    const names = slashCommands.map((command) => command.definition.name);
    expect(new Set(names).size).toBe(names.length);
    const prefixes = buttonHandlers.map((handler) => handler.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const prefix of prefixes) expect(prefix).toMatch(/^[a-z][a-z-]*$/);
  });

  it("registers only guild-only commands that fit Discord's limits", () => {
    for (const command of slashCommands) {
      const definition = command.definition as unknown as {
        name: string;
        description: string;
        contexts?: readonly number[];
        integration_types?: readonly number[];
        options?: readonly OptionJson[];
      };
      const where = `/${definition.name}`;
      expect(definition.name, where).toMatch(namePattern);
      expect(definition.description.length, `${where} description`).toBeGreaterThan(0);
      expect(definition.description.length, `${where} description`).toBeLessThanOrEqual(maxDescription);
      expect(definition.contexts, `${where} is guild-only`).toEqual([InteractionContextType.Guild]);
      expect(definition.integration_types, `${where} is installed to servers`).toEqual([ApplicationIntegrationType.GuildInstall]);
      expect(problemsOf(where, definition.options)).toEqual([]);
      expect(
        definition.name.length + definition.description.length + characterCount(definition.options),
        `${where} characters`,
      ).toBeLessThanOrEqual(maxCommandCharacters);
    }
  });

  it("keeps the member commands open to everyone and the admin commands behind Manage Server", () => {
    const byName = new Map(slashCommands.map((command) => [command.definition.name, command]));
    for (const name of ["today", "done", "undo", "week", "progress", "leaderboard", "checkpoint", "join", "leave", "remind"]) {
      const command = byName.get(name);
      expect(command, `/${name} exists`).toBeDefined();
      expect(command?.requiresManageServer, `/${name} is for every member`).toBe(false);
      expect(
        (command?.definition as { default_member_permissions?: unknown }).default_member_permissions ?? null,
        `/${name} default permission`,
      ).toBeNull();
    }
    expect(byName.get("leaderboard")?.ephemeral).toBe(false);
  });
  // PRODUCT.md's table: `/cohort list`, `/cohort info` take `cohort?`; `/curriculum list`, `/curriculum show` take `curriculum?`.
  it.each([
    ["cohort", "list", "info", "cohort", "cohorte"],
    ["curriculum", "list", "show", "curriculum", "plan"],
  ])("gives /%s %s the optional option that %s has (%s), named in Spanish as well", (command, list, other, option, spanish) => {
    const definition = slashCommands.find((entry) => entry.definition.name === command)?.definition as unknown as {
      options: readonly (OptionJson & { name_localizations?: Record<string, string> })[];
    };
    const optionOf = (subcommand: string) =>
      definition.options.find((entry) => entry.name === subcommand)?.options?.find((entry) => entry.name === option) as
        (OptionJson & { name_localizations?: Record<string, string> }) | undefined;
    const listed = optionOf(list);
    expect(listed).toMatchObject({ type: ApplicationCommandOptionType.String, required: false, autocomplete: true });
    expect(listed?.name_localizations?.["es-ES"]).toBe(spanish);
    expect(listed?.name_localizations).toEqual(optionOf(other)?.name_localizations);
  });
});
