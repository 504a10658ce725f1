// prisma/schema.prisma is the one source of truth for the data model; the
// PostgreSQL schema is derived from it (provider and client output differ,
// nothing else), so the two databases can never drift apart.
const header = `// GENERATED from prisma/schema.prisma by scripts/generate-client.mjs (runs on
// \`npm install\`). Do not edit: change prisma/schema.prisma instead.
`;

/**
 * The PostgreSQL twin of the SQLite schema text, for prisma/postgresql/schema.prisma.
 * @param {string} sqliteSchema
 * @returns {string}
 */
export function derivePostgresSchema(sqliteSchema) {
  const datasource = /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/;
  const output = /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/src\/generated\/prisma"/;
  if (!datasource.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error('prisma/schema.prisma: expected `provider = "sqlite"` and `output = "../src/generated/prisma"`');
  }
  if (/@db\./.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma: native column types (@db.*) are not portable between SQLite and PostgreSQL");
  }
  return (
    header +
    sqliteSchema
      .replace(datasource, '$1"postgresql"')
      // The generated file lives one folder deeper (prisma/postgresql/).
      .replace(output, '$1"../../src/generated/prisma-postgres"')
  );
}
