import { CompletionRepository } from "../../src/db/repositories/CompletionRepository.js";
import { SerialWriteQueue } from "../../src/db/SerialWriteQueue.js";
import type { SqlReader, SqlValue } from "../../src/db/SqlReader.js";
import type { TestDatabaseHandle } from "./openTestDatabase.js";

export type RecordedRead = { sql: string; params: readonly SqlValue[] };

/** The bot's CompletionRepository on a test database; given `sent`, each hand-written read it sends is recorded there. */
export function testCompletionRepository(handle: TestDatabaseHandle, sent?: RecordedRead[]): CompletionRepository {
  const reader: SqlReader =
    sent === undefined ? handle.hotReader : { read: (sql, params) => (sent.push({ sql, params }), handle.hotReader.read(sql, params)) };
  return new CompletionRepository(handle.prisma, new SerialWriteQueue(), reader, handle.sqliteTransactions, handle.postgresTransactions);
}
