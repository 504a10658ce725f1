/**
 * Prisma's options for an interactive transaction of a few statements that the process's write queue
 * (SerialWriteQueue) may hold behind others: a curriculum import, a cohort zone move.
 */
export const longTransactionOptions = { timeout: 30_000, maxWait: 30_000 } as const;
