import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languageChoices, loadLanguages } from "../../src/discord/i18n/languages.js";
import { createCohortRow } from "../helpers/cohortRows.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

const shippedLocales = path.resolve("src/discord/i18n/locales");

describe("a language added as a file is one an admin can pick for a cohort", () => {
  let test: TestApp;
  let temp: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    test = await startTestApp();
    const curriculum = await test.app.database.prisma.curriculum.findFirstOrThrow();
    await createCohortRow(test.app.database.prisma, curriculum.id);
    temp = makeTempDir();
    for (const file of fs.readdirSync(shippedLocales)) fs.copyFileSync(path.join(shippedLocales, file), path.join(temp.dir, file));
    // Filipino and Brazilian Portuguese: codes longer than two letters, which the locale files may be named.
    const spanish = JSON.stringify(pathToFileURL(path.join(shippedLocales, "es.ts")).href);
    for (const [code, label] of [
      ["fil", "Filipino"],
      ["pt-BR", "Português (Brasil)"],
    ] as const)
      fs.writeFileSync(
        path.join(temp.dir, `${code}.ts`),
        `import { language as spanish } from ${spanish};\n` +
          `export const language = { ...spanish, intlLocale: "${code}", discordLocales: ["${code}"], label: "${label}" };\n`,
      );
  });
  afterAll(async () => {
    temp.cleanup();
    await test.close();
  });

  it("accepts every choice the language option offers as the cohort's language", async () => {
    const shipped = await loadLanguages(pathToFileURL(`${temp.dir}/`));
    const offered = languageChoices(shipped).map((choice) => choice.value);
    expect(offered).toEqual(["en", "es", "fil", "pt-BR"]);
    for (const code of offered) {
      const edited = await test.app.services.cohorts.edit({ guildId: "1", cohort: "Cohort", language: code });
      expect(edited.cohort.language, code).toBe(code);
    }
  });
});
