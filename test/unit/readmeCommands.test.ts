import fs from "node:fs";
import path from "node:path";
import { ApplicationCommandOptionType } from "discord.js";
import { describe, expect, it } from "vitest";
import { slashCommands } from "../../commands/registry.js";
import { projectPaths } from "../../src/projectPaths.js";

// The README is what admins read to use the commands: its "Commands" tables and every `/command option:value` it
// shows must name what the registry registers, so a renamed option or choice cannot leave the documentation behind.

/** A node of a definition as the registry sends it to Discord: command, sub-command, option. */
interface SentNode {
  readonly name: string;
  readonly type?: number;
  readonly required?: boolean;
  readonly name_localizations?: Readonly<Record<string, string>>;
  readonly options?: readonly SentNode[];
  readonly choices?: readonly { name: string; value: string | number }[];
}

const readme = fs.readFileSync(path.join(projectPaths().root, "README.md"), "utf8");
const commandsSection = readme.slice(readme.indexOf("\n## Commands\n"), readme.indexOf("\n## ", readme.indexOf("\n## Commands\n") + 1));
const rows = [...commandsSection.matchAll(/^\| `\/([^`]+)` \| `([^`]*)` \|(.*)$/gm)].map((match) => ({
  path: match[1] ?? "",
  example: match[2] ?? "",
  row: match[0],
}));

const sent = slashCommands.map((command) => command.definition as unknown as SentNode);
const isSubcommand = (node: SentNode) => node.type === ApplicationCommandOptionType.Subcommand;
/** Every command a member types: a command without sub-commands, or a command and one of its sub-commands. */
const leaves = sent.flatMap((command) => {
  const subcommands = (command.options ?? []).filter(isSubcommand);
  return subcommands.length === 0
    ? [{ path: command.name, options: command.options ?? [] }]
    : subcommands.map((sub) => ({ path: `${command.name} ${sub.name}`, options: sub.options ?? [] }));
});

/** A node named `name` in English or in any shipped language, as the README may show a localized client's view. */
const named = (nodes: readonly SentNode[], name: string) =>
  nodes.find((node) => node.name === name || Object.values(node.name_localizations ?? {}).includes(name));

/** The `name:value` pairs of a typed command line (values may hold spaces: "cohort:Backend Spring 2027"). */
function optionsTyped(line: string): { name: string; value: string }[] {
  const pairs = [...line.matchAll(/(?:^| )([a-z_]+):/g)];
  return pairs.map((pair, index) => ({
    name: pair[1] ?? "",
    value: line.slice(pair.index + pair[0].length, pairs[index + 1]?.index ?? line.length).trim(),
  }));
}

/** What is wrong with the options typed after a command, against the options it has. */
function problemsOf(line: string, options: readonly SentNode[]): string[] {
  return optionsTyped(line).flatMap(({ name, value }) => {
    const option = named(options, name);
    if (option === undefined) return [`${line}: no option ${name}`];
    const choices = option.choices ?? [];
    // A placeholder such as `kind:(week|checkpoint|leaderboard)` or `mode:` names the option only.
    if (choices.length === 0 || !/^[\p{L}\p{N}_-]+$/u.test(value)) return [];
    return choices.some((choice) => String(choice.value) === value || choice.name === value) ? [] : [`${line}: no ${name} choice ${value}`];
  });
}

describe("README commands", () => {
  it("has one row in the Commands tables for every command and sub-command, and none for another", () => {
    expect(rows.map((row) => row.path).sort()).toEqual(leaves.map((leaf) => leaf.path).sort());
  });

  it("shows each row's example with the row's command and options it has", () => {
    const problems = rows.flatMap(({ path: commandPath, example }) => {
      const leaf = leaves.find((candidate) => candidate.path === commandPath);
      if (leaf === undefined || !example.startsWith(`/${commandPath}`)) return [`${commandPath}: example ${example}`];
      return problemsOf(example.slice(commandPath.length + 1), leaf.options).map((problem) => `/${commandPath}${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it("shows every required option in its row's example", () => {
    const missing = rows.flatMap(({ path: commandPath, example }) =>
      (leaves.find((leaf) => leaf.path === commandPath)?.options ?? [])
        .filter((option) => option.required === true && !optionsTyped(example).some((typed) => typed.name === option.name))
        .map((option) => `${commandPath} ${option.name}`),
    );
    expect(missing).toEqual([]);
  });

  it("names every option in its command's row (a member command's cohort: in the section's introduction)", () => {
    const isMemberCommand = (commandPath: string) => !commandPath.startsWith("cohort ");
    const unnamed = rows.flatMap(({ path: commandPath, row }) =>
      (leaves.find((leaf) => leaf.path === commandPath)?.options ?? [])
        .filter((option) => !row.includes(`${option.name}:`) && !row.includes(`\`${option.name}\``))
        .filter((option) => option.name !== "cohort" || !isMemberCommand(commandPath))
        .map((option) => `${commandPath} ${option.name}`),
    );
    expect(commandsSection).toContain("`cohort` option can be left out");
    expect(unnamed).toEqual([]);
  });

  it("says in an admin command's row when its cohort can be left out", () => {
    const unsaid = rows
      .filter(({ path: commandPath }) => commandPath.startsWith("cohort "))
      .filter(({ path: commandPath }) => {
        const cohort = leaves.find((leaf) => leaf.path === commandPath)?.options.find((option) => option.name === "cohort");
        return cohort !== undefined && cohort.required !== true;
      })
      .filter(({ row }) => !row.includes("`cohort` can be left out") && !row.includes("`cohort:`"))
      .map(({ path: commandPath }) => commandPath);
    expect(unsaid).toEqual([]);
  });

  it("shows every typed command line with options and choices the command has", () => {
    const problems: string[] = [];
    for (const [, typed = ""] of readme.matchAll(/`\/([^`/]+)`/g)) {
      const span = typed.replace(/\s+/g, " ");
      const [first = "", second = ""] = span.split(" ");
      const command = named(sent, first);
      if (command === undefined) {
        if (optionsTyped(span).length > 0) problems.push(`/${span}: no command ${first}`);
        continue;
      }
      const subcommands = (command.options ?? []).filter(isSubcommand);
      const subcommand = subcommands.length === 0 ? undefined : named(subcommands, second);
      if (subcommands.length > 0 && subcommand === undefined) {
        if (second !== "" && !second.includes(":") && second !== "…") problems.push(`/${span}: no sub-command ${second}`);
        continue;
      }
      problems.push(...problemsOf(span, subcommand?.options ?? command.options ?? []));
    }
    expect(problems).toEqual([]);
  });
});
