import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { staleTemplates } from "../helpers/migratedTestDatabase.js";
import { testDatabaseProvider, withServer } from "../helpers/testDatabase.js";

// Each set of migrations gets its own template on the developer's server; those of old sets must not pile up.
describe.runIf(testDatabaseProvider === "postgresql")("the stale templates a new template prunes", () => {
  it("lists another set's template built before the cut-off, never the one kept nor one built after it", async () => {
    const suffix = randomBytes(6).toString("hex");
    const [old, kept] = [`cohort_template_old${suffix}`, `cohort_template_kept${suffix}`];
    await withServer(async (client) => {
      for (const name of [old, kept]) await client.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
      try {
        // Made just now: stale against a cut-off a minute ahead, not against one a minute ago.
        const ahead = await staleTemplates(client, kept, new Date(Date.now() + 60_000));
        expect(ahead).toContain(old);
        expect(ahead).not.toContain(kept);
        expect(await staleTemplates(client, kept, new Date(Date.now() - 60_000))).not.toContain(old);
      } finally {
        for (const name of [old, kept]) await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      }
    });
  });
});
