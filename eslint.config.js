// ESLint 9 flat config: typescript-eslint's strict type-checked rules over the
// TypeScript, plain recommended rules over the browser and Node scripts, and the
// layering of src/ (README, "Architecture") as one no-restricted-imports rule per layer.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * A pattern matching a relative import of any of `targets`: a folder of src/
 * ("services" matches "../services/X.js" and "../../src/services/X.js") or a
 * file at src/'s root ("messages" matches "../messages.js"). Case-sensitive,
 * so "./Services.js" inside services/ is not "services".
 */
function importsOf(targets, message) {
  return { regex: `^\\.{1,2}/(\\.\\./)*(src/)?(${targets.join("|")})(/|\\.js$)`, caseSensitive: true, message };
}

/** Everything of db/ except its repositories: connections, migrations, seeds. */
const dbInternals = {
  regex: "^\\.{1,2}/(\\.\\./)*(src/)?db/(?!repositories/)",
  caseSensitive: true,
  message: "Above db/, use its repositories only; connections, migrations and seeding are wired by the composition root.",
};

const entryPoints = ["createApp", "main", "cli", "deployCommands", "healthcheck", "sharding", "playground", "emulator", "commands"];
const presentation = ["discord", "scheduler", "cli", "messages"];

/** Which layer may import which (README, "Architecture"); every rule names what the layer may not import. */
const layers = [
  {
    name: "domain",
    files: ["src/domain/**/*.ts"],
    patterns: [
      importsOf(
        ["db", "generated", "services", "logging", "config", "errors", "clock", "projectPaths", "health", ...presentation, ...entryPoints],
        "domain/ is pure: it imports nothing of the project outside domain/ and shared/ (take `now` and settings as parameters).",
      ),
    ],
  },
  {
    name: "db",
    files: ["src/db/**/*.ts"],
    patterns: [
      importsOf(
        ["services", "config", "errors", "clock", "projectPaths", "health", ...presentation, ...entryPoints],
        "db/ imports only domain/, shared/, the generated Prisma client, the logger type and workers/' lifecycle.",
      ),
    ],
  },
  {
    name: "services",
    files: ["src/services/**/*.ts"],
    patterns: [
      importsOf(
        ["generated", "config", "health", ...presentation, ...entryPoints],
        "services/ return views and typed errors: no Discord, scheduler, CLI or message text here, and no Prisma types.",
      ),
      dbInternals,
    ],
  },
  {
    name: "scheduler",
    files: ["src/scheduler/**/*.ts"],
    patterns: [
      importsOf(
        ["generated", "discord", "cli", ...entryPoints],
        "scheduler/ renders through a port the composition root wires, never discord/ directly.",
      ),
      dbInternals,
    ],
  },
  {
    name: "discord",
    files: ["src/discord/**/*.ts"],
    patterns: [
      importsOf(
        ["db", "generated", "scheduler", "cli", ...entryPoints],
        "discord/ reads services' views; the database and the scheduler are reached through services/.",
      ),
    ],
  },
  {
    name: "cli",
    files: ["src/cli/**/*.ts"],
    // The dry run (`simulate`) shows exactly what the bot would post, so it may use discord/'s renderers.
    patterns: [
      importsOf(["db", "generated", "scheduler", ...entryPoints], "cli/ formats services' views; it reaches nothing below services/."),
    ],
  },
  {
    name: "commands",
    files: ["commands/**/*.ts"],
    patterns: [
      importsOf(
        ["db", "generated", "scheduler", "cli", "createApp", "main", "sharding", "playground", "emulator"],
        "A command is a definition and a thin handler over services/ and discord/.",
      ),
    ],
  },
  {
    name: "emulator",
    files: ["src/emulator/**/*.ts"],
    patterns: [
      importsOf(
        [
          "domain",
          "db",
          "generated",
          "services",
          "logging",
          "config",
          "errors",
          "clock",
          "projectPaths",
          "health",
          ...presentation,
          ...entryPoints.filter((name) => name !== "emulator"),
        ],
        "The Discord emulator stands alone: it knows Discord's API, not the bot.",
      ),
    ],
  },
  {
    name: "messages",
    files: ["src/messages.ts"],
    patterns: [
      importsOf(
        ["db", "generated", "services", "scheduler", "discord", "cli", ...entryPoints],
        "The message texts are a leaf that discord/ renders with.",
      ),
    ],
  },
  {
    name: "leaves",
    files: [
      "src/logging/**/*.ts",
      "src/config/**/*.ts",
      "src/health/**/*.ts",
      "src/shared/**/*.ts",
      "src/errors.ts",
      "src/clock.ts",
      "src/projectPaths.ts",
    ],
    patterns: [
      importsOf(
        ["domain", "db", "generated", "services", ...presentation, ...entryPoints],
        "Logging, configuration, errors, the clock and shared/ are leaves: every layer may use them, so they import no layer.",
      ),
    ],
  },
];

export default defineConfig([
  globalIgnores(["dist/", "coverage/", "data/", "src/generated/", "node_modules/"]),
  {
    files: ["**/*.ts", "**/*.mjs"],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ["scripts/*.mjs", "prisma/postgresql/prisma.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals format numbers in log lines, ids and Discord markup all over; numbers are safe there.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // A `let` read by a shutdown closure before its one assignment cannot become a `const` there.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // Synchronous backends (better-sqlite3, fs) implement async interfaces here; `async` keeps their throws rejections.
      "@typescript-eslint/require-await": "off",
      // `() => resolve()`-style callbacks are the idiom of every event handler and promise wrapper here.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // scripts/*.mjs are plain JavaScript that tsc does not check (no checkJs): type-aware rules would only see `any` there.
    files: ["**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The emulator speaks Discord's wire format: it sends the deprecated fields Discord still sends (color, interaction,
    // summary), parses multipart bodies with the platform's formData, and passes on the raw numbers a client sends where
    // discord-api-types declares enums, so a client's unexpected value reaches the client as Discord would pass it.
    files: ["src/emulator/**/*.ts"],
    rules: { "@typescript-eslint/no-deprecated": "off", "@typescript-eslint/no-unsafe-enum-assignment": "off" },
  },
  {
    files: ["src/playground/static/**/*.js", "eslint.config.js", "prettier.config.js"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.browser, sourceType: "module" },
  },
  ...layers.map(({ name, files, patterns }) => ({
    name: `layering/${name}`,
    files,
    rules: { "no-restricted-imports": ["error", { patterns }] },
  })),
]);
