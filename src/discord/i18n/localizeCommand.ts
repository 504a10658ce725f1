import type { CommandDefinition } from "../commandTypes.js";

/**
 * A language's texts for the commands, by path: "cohort create" (command or
 * sub-command), "cohort create timezone" (option), "leaderboard period=all"
 * (choice). Commands and options have [name, description]; choices [name].
 */
export type CommandTexts = Readonly<Record<string, readonly [string, string?]>>;

/** The Discord locales a language serves, with its texts. */
export interface CommandLocale {
  readonly discordLocales: readonly string[];
  readonly texts: CommandTexts;
}

type Json = Record<string, unknown>;

/**
 * Marks an option whose choices are languages, each under its own name ("English", "Español") for every
 * client: no language translates them, so adding one edits no other language's file. A symbol key, so
 * it is never sent to Discord (nor part of what syncCommands compares).
 */
export const ownNameChoices: unique symbol = Symbol("ownNameChoices");

function hasOwnNameChoices(node: Json): boolean {
  return (node as { [ownNameChoices]?: unknown })[ownNameChoices] === true;
}

function localized(locales: readonly CommandLocale[], path: string, index: 0 | 1): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const locale of locales) {
    const text = locale.texts[path]?.[index];
    if (text !== undefined) for (const discordLocale of locale.discordLocales) result[discordLocale] = text;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

function localizeNode(node: Json, path: string, locales: readonly CommandLocale[]): Json {
  const names = localized(locales, path, 0);
  const descriptions = localized(locales, path, 1);
  const choices =
    Array.isArray(node.choices) && !hasOwnNameChoices(node)
      ? (node.choices as Json[]).map((choice) => {
          const choiceNames = localized(locales, `${path}=${String(choice.value)}`, 0);
          return choiceNames === undefined ? choice : { ...choice, name_localizations: choiceNames };
        })
      : undefined;
  const options = Array.isArray(node.options)
    ? (node.options as Json[]).map((option) => localizeNode(option, `${path} ${String(option.name)}`, locales))
    : undefined;
  return {
    ...node,
    ...(names === undefined ? {} : { name_localizations: names }),
    ...(descriptions === undefined ? {} : { description_localizations: descriptions }),
    ...(choices === undefined ? {} : { choices }),
    ...(options === undefined ? {} : { options }),
  };
}

/** The definition with `name_localizations` / `description_localizations` for every command, option and choice a language translates. */
export function localizeCommand(definition: CommandDefinition, locales: readonly CommandLocale[]): CommandDefinition {
  return localizeNode(definition, definition.name, locales) as unknown as CommandDefinition;
}

/** Every path of a definition (commands, options, choices), to check that each language translates them all. */
export function commandPaths(definition: CommandDefinition): string[] {
  const paths: string[] = [];
  const visit = (node: Json, path: string) => {
    paths.push(path);
    if (!hasOwnNameChoices(node))
      for (const choice of (node.choices as Json[] | undefined) ?? []) paths.push(`${path}=${String(choice.value)}`);
    for (const option of (node.options as Json[] | undefined) ?? []) visit(option, `${path} ${String(option.name)}`);
  };
  visit(definition, definition.name);
  return paths;
}
