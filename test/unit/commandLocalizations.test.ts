import { describe, expect, it } from "vitest";
import { slashCommands } from "../../commands/registry.js";
import { languageCodes, languageEntry } from "../../src/discord/i18n/languages.js";
import { commandPaths, ownNameChoices } from "../../src/discord/i18n/localizeCommand.js";

/** A node of a definition as the registry sends it to Discord: command, sub-command, option. */
interface SentNode {
  readonly name: string;
  readonly description: string;
  readonly name_localizations?: Readonly<Record<string, string>>;
  readonly description_localizations?: Readonly<Record<string, string>>;
  readonly options?: readonly SentNode[];
  readonly choices?: readonly { name: string; value: string | number; name_localizations?: Readonly<Record<string, string>> }[];
  /** Set on an option whose choices are languages, each named in its own language (see localizeCommand). */
  readonly [ownNameChoices]?: boolean;
}

// Discord's documented rules (Application Commands: "Application Command Naming" and the object's fields): names match
// ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$ with a letter's lower-case form wherever it has one; descriptions and
// choice names 1–100 characters; option names unique within their list; at most 4,000 characters of names,
// descriptions and choice values in a command, counting only each field's longest localization.
const discordName = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const translated = languageCodes.filter((code) => code !== "en");
/** Every Discord locale a translated language is sent for, so a language added later is checked too. */
const translatedLocales = translated.flatMap((code) => languageEntry(code).discordLocales);
const sentLocales = [undefined, ...translatedLocales];
const sent = slashCommands.map((command) => command.definition as unknown as SentNode);

const nameIn = (node: { name: string; name_localizations?: Readonly<Record<string, string>> }, locale: string | undefined) =>
  locale === undefined ? node.name : (node.name_localizations?.[locale] ?? node.name);
const descriptionIn = (node: SentNode, locale: string | undefined) =>
  locale === undefined ? node.description : (node.description_localizations?.[locale] ?? node.description);
const longest = (base: string, localized: Readonly<Record<string, string>> | undefined) =>
  Math.max(base.length, ...Object.values(localized ?? {}).map((text) => text.length));

/** What Discord would refuse in one node and below it, in one locale (undefined: the default texts). */
function problemsIn(node: SentNode, path: string, locale: string | undefined): string[] {
  const problems: string[] = [];
  const name = nameIn(node, locale);
  if (!discordName.test(name) || name !== name.toLowerCase()) problems.push(`${path} [${locale}]: name "${name}"`);
  const description = descriptionIn(node, locale);
  if (description.length < 1 || description.length > 100) problems.push(`${path} [${locale}]: description of ${description.length}`);
  const optionNames = (node.options ?? []).map((option) => nameIn(option, locale));
  for (const duplicate of optionNames.filter((entry, index) => optionNames.indexOf(entry) !== index))
    problems.push(`${path} [${locale}]: two options named "${duplicate}"`);
  const choiceNames = (node.choices ?? []).map((choice) => nameIn(choice, locale));
  for (const choice of choiceNames) if (choice.length < 1 || choice.length > 100) problems.push(`${path} [${locale}]: choice "${choice}"`);
  for (const duplicate of choiceNames.filter((entry, index) => choiceNames.indexOf(entry) !== index))
    problems.push(`${path} [${locale}]: two choices named "${duplicate}"`);
  for (const option of node.options ?? []) problems.push(...problemsIn(option, `${path} ${option.name}`, locale));
  return problems;
}

/** The characters Discord counts against a command's 4,000: each field's longest text, localizations included. */
function countedCharacters(node: SentNode): number {
  return (
    longest(node.name, node.name_localizations) +
    longest(node.description, node.description_localizations) +
    (node.choices ?? []).reduce((sum, choice) => sum + longest(choice.name, choice.name_localizations) + String(choice.value).length, 0) +
    (node.options ?? []).reduce((sum, option) => sum + countedCharacters(option), 0)
  );
}

/** Paths of nodes (commands, options, choices) that lack a text for a locale. */
function untranslatedIn(node: SentNode, path: string, locale: string): string[] {
  const missing: string[] = [];
  if (node.name_localizations?.[locale] === undefined || node.description_localizations?.[locale] === undefined) missing.push(path);
  // The language choices are named in their own language for every client (ownNameChoices): no localization there.
  if (node[ownNameChoices] !== true)
    for (const choice of node.choices ?? [])
      if (choice.name_localizations?.[locale] === undefined) missing.push(`${path}=${String(choice.value)}`);
  for (const option of node.options ?? []) missing.push(...untranslatedIn(option, `${path} ${option.name}`, locale));
  return missing;
}

const paths = slashCommands.flatMap((command) => commandPaths(command.definition));

describe("command localizations", () => {
  it.each(translated)("%s names and describes every command, option and choice, and nothing else", (code) => {
    const texts = languageEntry(code).commands;
    expect(Object.keys(texts).sort()).toEqual([...paths].sort());
    for (const path of paths) {
      const [name, description] = texts[path] ?? [];
      const isChoice = path.includes("=");
      expect(name, path).toBeTruthy();
      if (isChoice) {
        expect(name?.length, path).toBeLessThanOrEqual(100);
        continue;
      }
      // Discord's rules for command and option names and descriptions.
      expect(name, path).toMatch(/^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
      expect(description?.length ?? 0, path).toBeGreaterThan(0);
      expect(description?.length ?? 0, path).toBeLessThanOrEqual(100);
    }
  });

  it.each(sentLocales)("sends only what Discord accepts in the %s texts of every command of the registry", (locale) => {
    expect(sent.flatMap((command) => problemsIn(command, command.name, locale))).toEqual([]);
  });

  it.each(translatedLocales)("sends %s a text for every command, option and choice of the registry", (locale) => {
    expect(sent.flatMap((command) => untranslatedIn(command, command.name, locale))).toEqual([]);
  });

  it("keeps every command within Discord's 4,000 characters, counting each field's longest localization", () => {
    const over = sent.filter((command) => countedCharacters(command) > 4000).map((command) => command.name);
    expect(over).toEqual([]);
    // The largest one is counted with its Spanish texts, which are longer than its English ones.
    const cohort = sent.find((command) => command.name === "cohort");
    expect(cohort === undefined ? 0 : countedCharacters(cohort)).toBeGreaterThan(3000);
  });

  it("sends the Spanish texts for both Spanish locales", () => {
    const today = slashCommands.find((command) => command.definition.name === "today")?.definition as unknown as {
      name_localizations: Record<string, string>;
      options: { description_localizations: Record<string, string> }[];
    };
    expect(today.name_localizations).toEqual({ "es-ES": "hoy", "es-419": "hoy" });
    expect(today.options[0]?.description_localizations["es-419"]).toBe("Cohorte (opcional si solo estás en una)");
  });
});
