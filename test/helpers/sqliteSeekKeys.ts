import type { SqlValue } from "../../src/db/SqlReader.js";
import type { TestDatabaseHandle } from "./openTestDatabase.js";

const seeks = new Set(["SeekGT", "SeekGE", "SeekLT", "SeekLE"]);

interface Instruction {
  readonly addr: number;
  readonly opcode: string;
  readonly p1: number;
  readonly p2: number;
  readonly p3: number;
  readonly p4: unknown;
}

/**
 * Where SQLite's program for `sql` (read as the bot reads it, through the hot reader) starts each read of `index`:
 * for every seek on the index, what loads its key's column number `column` (0-based), e.g. "Variable" (a bound
 * parameter) or "Integer 0" (a literal). Why the bytecode: with two lower bounds on one column EXPLAIN QUERY PLAN
 * says `points>?` whichever of them SQLite seeks on, and seeking on the wrong one walks the index from the other end.
 */
export async function sqliteSeekKeys(
  handle: TestDatabaseHandle,
  sql: string,
  params: readonly SqlValue[],
  index: string,
  column: number,
): Promise<string[]> {
  const [root] = await handle.hotReader.read(`SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = ?`, [index]);
  if (root === undefined) throw new Error(`no index ${index}`);
  const program = (await handle.hotReader.read(`EXPLAIN ${sql}`, params)).map((row): Instruction => ({
    addr: Number(row.addr),
    opcode: String(row.opcode),
    p1: Number(row.p1),
    p2: Number(row.p2),
    p3: Number(row.p3),
    p4: row.p4,
  }));
  const cursors = new Set(program.filter((step) => step.opcode === "OpenRead" && step.p2 === Number(root.rootpage)).map((step) => step.p1));
  return program
    .filter((step) => seeks.has(step.opcode) && cursors.has(step.p1) && Number(step.p4) > column)
    .map((seek) => loaderOf(program, seek.p3 + column, seek.addr));
}

/** What last wrote register `register` before address `before` (anywhere for a copy's source: a constant factored out). */
function loaderOf(program: readonly Instruction[], register: number, before: number): string {
  const writer = program
    .filter((step) => step.addr < before)
    .reverse()
    .find((step) => writes(step, register));
  if (writer === undefined) return "nothing";
  if (writer.opcode === "SCopy" || writer.opcode === "Copy") return loaderOf(program, writer.p1, program.length);
  return writer.opcode === "Integer" ? `Integer ${writer.p1}` : writer.opcode;
}

function writes(step: Instruction, register: number): boolean {
  if (step.opcode === "Null") return register >= step.p2 && register <= Math.max(step.p2, step.p3);
  if (step.opcode === "Column") return step.p3 === register;
  return ["Integer", "Int64", "Real", "String8", "Variable", "SCopy", "Copy"].includes(step.opcode) && step.p2 === register;
}
