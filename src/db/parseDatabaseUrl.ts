import path from "node:path";

export type DatabaseTarget =
  | { readonly provider: "sqlite"; readonly url: string; readonly filePath: string }
  | { readonly provider: "postgresql"; readonly url: string };

/** `file:./data/x.db` → an absolute SQLite path (relative to `cwd`); `postgresql://…` as is. */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).replace(/\?.*$/, "");
    const filePath = raw === ":memory:" ? raw : path.resolve(cwd, raw);
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { provider: "postgresql", url };
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(":")[0] ?? ""}`);
}
