import fs from "node:fs";
import { keptItemsOf } from "./domain/curriculum/storedCurriculum.js";
import { formatCurriculumList, formatCurriculumOutline } from "./cli/formatCurriculumOutline.js";
import { formatSimulation } from "./cli/formatSimulation.js";
import { ConfigError, loadConfig } from "./config/loadConfig.js";
import { createApp, type App } from "./createApp.js";
import { createLogger } from "./logging/createLogger.js";
import { invalidServerId } from "./services/PrivacyService.js";
import { DatabaseUnavailableError } from "./db/DatabaseUnavailableError.js";
import { renderUserError } from "./discord/i18n/renderUserError.js";
import { translatorFor } from "./discord/i18n/Translator.js";
import { postText } from "./discord/render/postText.js";
import { isUserError, type UserError, type UserErrorCode } from "./errors.js";
import type { GuildPurge } from "./domain/privacy/guildPurge.js";
import { isDiscordId } from "./shared/discordId.js";
import type { MessageKey } from "./discord/i18n/locales/en.js";
import { renderParseProblem } from "./discord/i18n/renderParseProblem.js";
import { decodeTextFile } from "./discord/downloadTextAttachment.js";
import { MAX_CURRICULUM_CHARACTERS } from "./domain/curriculum/parse/limits.js";

const usage = `Usage: npm run cli -- <command>

  curriculum list                 list the built-in curricula (every server's; a server's
                                  own imports are not listed)
  curriculum show [slug]          outline of one built-in curriculum (all when no slug)
  curriculum import <file>        import or update a learning-path document
  simulate <cohort|curriculum> [--start YYYY-MM-DD] [--tz Zone] [--weeks N]
                                  every post the cohort would get, in order, with its
                                  local date and time, without Discord (a cohort by id
                                  or name, or a built-in curriculum's slug with the default
                                  settings)
  purge-guild <server id>         delete everything stored for one server now (what
                                  happens by itself 30 days after the bot is removed)`;

/** Reads `simulate` arguments: one target and the --start/--tz/--weeks flags (also as --flag=value). */
function parseSimulateArgs(args: readonly string[]): { target: string; start?: string; timeZone?: string; weeks?: number } | string {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    const match = /^--(start|tz|weeks)(?:=(.*))?$/.exec(arg);
    if (match === null) {
      // One dash too ("-x", "-w 2"): an option it does not take, not a cohort called "-x".
      if (/^-./.test(arg)) return `Unknown option ${arg}.`;
      positional.push(arg);
      continue;
    }
    const value = match[2] ?? args[++index];
    if (value === undefined || value === "") return `--${match[1]} needs a value.`;
    flags.set(match[1] ?? "", value);
  }
  const [target, ...extra] = positional;
  if (target === undefined) return "Name a cohort (id or name) or a curriculum slug to simulate.";
  if (extra.length > 0) return `Unexpected arguments: ${extra.join(" ")}.`;
  const weeksText = flags.get("weeks");
  const weeks = weeksText === undefined ? undefined : Number(weeksText);
  if (weeks !== undefined && (!Number.isInteger(weeks) || weeks < 1)) return "--weeks needs a whole number of weeks, 1 or more.";
  const start = flags.get("start");
  const timeZone = flags.get("tz");
  return {
    target,
    ...(start === undefined ? {} : { start }),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(weeks === undefined ? {} : { weeks }),
  };
}

/** Mistakes whose Discord wording gives Discord advice ("start typing in `timezone`"): the CLI's own words. */
const cliWording: Partial<Record<UserErrorCode, MessageKey>> = {
  "input.timeZoneAbbreviation": "cli.timeZoneAbbreviation",
  "cohort.startTooFar": "cli.startTooFar",
};

/** A service's typed error as the CLI says it: in English, the catalogue's words, with the Markdown taken out. */
function userErrorText(error: UserError): string {
  const content = renderUserError(translatorFor("en"), error, cliWording[error.code] ?? error.code);
  return postText([{ content, embeds: [] }], "UTC");
}

/** "1 cohort" / "2 cohorts": a count with its noun, none when 0 (the summary names only what was there). */
function counted(count: number, one: string, many: string): string[] {
  if (count === 0) return [];
  return [count === 1 ? `1 ${one}` : `${count} ${many}`];
}

/** What removing the bot left: the departure record, which the deletion itself was waiting on. */
const departureRecord = "the record of the bot's removal (its scheduled deletion)";

/**
 * What `purge-guild` deleted, kind by kind, or that the server had nothing stored (a mistyped id reads differently
 * from a deletion). A server that removed the bot before making anything had only its departure record: said so.
 */
function purgeSummary(guildId: string, deleted: GuildPurge): string {
  const parts = [
    ...counted(deleted.cohorts, "cohort (with its members and history)", "cohorts (with their members and history)"),
    ...counted(deleted.curricula, "imported curriculum", "imported curricula"),
    ...counted(deleted.pendingImports, "unconfirmed curriculum import", "unconfirmed curriculum imports"),
    ...counted(deleted.auditLines, "audit line", "audit lines"),
  ];
  if (parts.length === 0 && deleted.departures === 0) return `Nothing is stored for server ${guildId}: nothing was deleted.`;
  if (parts.length === 0) return `Deleted server ${guildId}'s data: only ${departureRecord} was stored.`;
  return `Deleted server ${guildId}'s data: ${[...parts, ...(deleted.departures > 0 ? [departureRecord] : [])].join(", ")}.`;
}

/** How many words each command takes after its name (at least, at most): checked before the database is opened. */
const commandShapes = [
  { words: ["curriculum", "list"], least: 0, most: 0, missing: "" },
  { words: ["curriculum", "show"], least: 0, most: 1, missing: "" },
  { words: ["curriculum", "import"], least: 1, most: 1, missing: "Name the file to import." },
  { words: ["purge-guild"], least: 1, most: 1, missing: "Name the server id to purge." },
] as const;

/** What is wrong with the command line, or null when it names a command with the right number of arguments. */
function commandLineProblem(args: readonly string[]): string | null {
  if (args[0] === "simulate") {
    const parsed = parseSimulateArgs(args.slice(1));
    return typeof parsed === "string" ? parsed : null;
  }
  const shape = commandShapes.find((candidate) => candidate.words.every((word, index) => args[index] === word));
  if (args[0] === "curriculum" && args.length === 1) return "curriculum needs an action: list, show or import.";
  if (shape === undefined) return `Unknown command "${args.slice(0, args[0] === "curriculum" ? 2 : 1).join(" ")}".`;
  const rest = args.slice(shape.words.length);
  // No command but simulate takes options: "--json" is not a slug, a file or a server id.
  const option = rest.find((arg) => arg.startsWith("-"));
  if (option !== undefined) return `Unknown option ${option}.`;
  if (rest.length < shape.least) return shape.missing;
  if (rest.length > shape.most) return `Unexpected arguments: ${rest.slice(shape.most).join(" ")}.`;
  const serverId = shape.words[0] === "purge-guild" ? rest[0] : undefined;
  return serverId !== undefined && !isDiscordId(serverId) ? userErrorText(invalidServerId(serverId)) : null;
}

// Long only as a dispatch table: one short branch per CLI command.
async function run(args: readonly string[], app: App): Promise<number> {
  const [area, action, argument] = args;
  const curricula = app.services.curricula;
  if (area === "curriculum" && action === "list") {
    console.log(formatCurriculumList(await curricula.list(null)));
    return 0;
  }
  if (area === "curriculum" && action === "show") {
    const slugs = argument === undefined ? (await curricula.list(null)).map((entry) => entry.slug) : [argument];
    const outlines: string[] = [];
    for (const slug of slugs) {
      const curriculum = await curricula.show(slug, null);
      if (curriculum === null) {
        console.error(`No curriculum "${slug}". Known: ${(await curricula.list(null)).map((entry) => entry.slug).join(", ") || "none"}`);
        return 1;
      }
      outlines.push(formatCurriculumOutline(curriculum));
    }
    console.log(outlines.join(`\n\n${"─".repeat(72)}\n\n`));
    return 0;
  }
  if (area === "curriculum" && action === "import" && argument !== undefined) {
    let bytes: Uint8Array;
    try {
      // Four bytes a character at most: a larger file cannot be a curriculum, and is not read into memory.
      if (fs.statSync(argument).size > 4 * MAX_CURRICULUM_CHARACTERS) {
        console.error(`${argument} is too large: a curriculum has at most ${MAX_CURRICULUM_CHARACTERS} characters.`);
        return 1;
      }
      bytes = fs.readFileSync(argument);
    } catch {
      console.error(`Cannot read ${argument}: check the path.`);
      return 1;
    }
    // Decoded as /curriculum import decodes an attachment: UTF-8, UTF-16 with its byte-order mark, or Windows-1252.
    const text = decodeTextFile(bytes);
    if (text === null) {
      console.error(`${argument} is not a text file: save the learning path as .md or .txt text.`);
      return 1;
    }
    let result: Awaited<ReturnType<typeof curricula.importDocument>>;
    try {
      result = await curricula.importDocument(text, "");
    } catch (error) {
      if (!isUserError(error)) throw error;
      console.error(`${argument}: ${userErrorText(error)}`);
      return 1;
    }
    if (!result.ok) {
      console.error(`${argument} was not imported; nothing changed. Problems:`);
      for (const problem of result.problems) console.error(`  line ${problem.line}: ${renderParseProblem(problem)}`);
      return 1;
    }
    const { summary } = result;
    // The catalogue's sentences, as /curriculum import words them (plural rules included), in one plain line.
    const en = translatorFor("en");
    const timed = summary.timed ? "yes" : "no";
    const sentences = [en.plain("curriculumAdmin.counts", { sections: summary.sections, items: summary.items, timed })];
    const kept = keptItemsOf(summary);
    if (kept !== null) sentences.push(en.plain("curriculumAdmin.kept", { ...kept, timed }));
    console.log(`${summary.outcome}: ${summary.curriculum.slug} (${sentences.map((sentence) => sentence.replace(/\.$/, "")).join("; ")})`);
    return 0;
  }
  if (area === "purge-guild" && action !== undefined) {
    try {
      console.log(purgeSummary(action, await app.services.privacy.purgeGuild(action)));
    } catch (error) {
      if (!isUserError(error)) throw error;
      console.error(userErrorText(error));
      return 1;
    }
    return 0;
  }
  if (area === "simulate") {
    const parsed = parseSimulateArgs(args.slice(1));
    if (typeof parsed === "string") {
      console.error(`${parsed}\n\n${usage}`);
      return 2;
    }
    try {
      console.log(formatSimulation(await app.services.posts.simulation({ ...parsed, now: app.clock.now() })));
    } catch (error) {
      if (!isUserError(error)) throw error;
      console.error(userErrorText(error));
      return 1;
    }
    return 0;
  }
  console.error(usage);
  return 2;
}

async function main(): Promise<number> {
  // The command line first: help, and a mistyped command, need no settings (a wrong one must not hide them).
  const args = process.argv.slice(2);
  // Asking for help anywhere ("curriculum show --help") gets it, rather than "--help" read as a slug or a file.
  if (args.length === 0 || args[0] === "help" || args.some((arg) => arg === "--help" || arg === "-h")) {
    console.log(usage);
    return 0;
  }
  const problem = commandLineProblem(args);
  if (problem !== null) {
    console.error(`${problem}\n\n${usage}`);
    return 2;
  }
  let config;
  try {
    // Operators want the command's output, not the bot's info logs (also where LOG_LEVEL is set but empty, i.e. unset).
    // The CLI never runs the playground, so it needs no DISCORD_TOKEN where the playground is off (the Docker image).
    config = loadConfig({ ...process.env, COHORT_BOT_PLAYGROUND: undefined, LOG_LEVEL: process.env.LOG_LEVEL || "warn" });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let app: App;
  try {
    // Logs on standard error: standard output is the command's output, also where LOG_LEVEL=info (docker compose).
    app = await createApp(config, { logger: createLogger({ level: config.logLevel, format: config.logFormat, fd: 2 }) });
  } catch (error) {
    // An unreachable or unwritable database is the operator's to fix: say why, not where in the code.
    // Anything else is a bug, and keeps its stack trace (Node prints it and exits 1).
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    console.error(`Cannot start: ${error.message}`);
    return 1;
  }
  try {
    return await run(args, app);
  } finally {
    await app.close();
  }
}

process.exitCode = await main();
