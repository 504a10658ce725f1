import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnnouncementPartRepository } from "../../src/db/repositories/AnnouncementPartRepository.js";
import { AnnouncementRepository, AnnouncementStatus, type AnnouncementClaim } from "../../src/db/repositories/AnnouncementRepository.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCurriculumRow } from "../helpers/curriculumRows.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * An announcement's claim against a real database: one attempt at a time holds it, a retry completes the one that
 * went out in part, and only a stopped attempt's claim, or one too old to complete, lets another through.
 */
describe("AnnouncementRepository claims", () => {
  const now = new Date("2027-03-01T09:00:00Z");
  const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  let handle: TestDatabaseHandle;
  let announcements: AnnouncementRepository;
  let cohortId: number;
  let nextKey = 0;

  beforeAll(async () => {
    handle = await openTestDatabase();
    announcements = new AnnouncementRepository(handle.prisma);
    const curriculum = await createCurriculumRow(handle.prisma, "announce-ledger", 1);
    cohortId = (await createCohortRow(handle.prisma, curriculum.id, { name: "Announcing" })).id;
  });
  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const attempt = (openKey: string, requestId: string): AnnouncementClaim => ({
    cohortId,
    kind: "week",
    week: 1,
    section: null,
    channelId: "100",
    openKey,
    parts: 3,
    requestId,
  });
  /** The limits Announcer uses at `at`: claims go stale after 2 minutes, an unfinished announcement after a day. */
  const limitsAt = (at: Date) => ({
    staleBefore: new Date(at.getTime() - 2 * 60_000),
    resumableSince: new Date(at.getTime() - 24 * 60 * 60_000),
  });
  const claimAt = (key: string, requestId: string, at: Date) => announcements.claim(attempt(key, requestId), at, limitsAt(at));
  async function claimed(key: string, requestId: string, at: Date) {
    const claim = await claimAt(key, requestId, at);
    if (claim === null) throw new Error(`${requestId} was refused its claim`);
    return claim;
  }

  it("refuses a second attempt while the first holds it, and lets a retry complete it once it failed", async () => {
    const key = `key-${++nextKey}`;
    const first = await claimed(key, "request-1", now);
    expect(first).toMatchObject({ requestId: "request-1", claimedBy: "request-1", status: AnnouncementStatus.Claimed });
    expect(await claimAt(key, "request-2", minutesLater(1))).toBeNull();
    await announcements.markFailed(first.id, "request-1");
    const retry = await claimed(key, "request-3", minutesLater(5));
    // The same announcement, under the first attempt's nonces.
    expect(retry).toMatchObject({ id: first.id, requestId: "request-1", claimedBy: "request-3" });
    expect(await claimAt(key, "request-4", minutesLater(5))).toBeNull();
    await announcements.markSent(retry.id, "request-3", minutesLater(6));
    // Complete: the same again is a new announcement.
    const again = await claimAt(key, "request-5", minutesLater(7));
    expect(again?.id).not.toBe(first.id);
    expect(again?.requestId).toBe("request-5");
  });

  it("takes over the claim of an attempt that stopped more than 2 minutes ago", async () => {
    const key = `key-${++nextKey}`;
    const first = await claimed(key, "request-1", now);
    expect(await claimAt(key, "request-2", minutesLater(2))).toBeNull();
    const takeover = await claimAt(key, "request-3", minutesLater(3));
    expect(takeover).toMatchObject({ id: first.id, requestId: "request-1", claimedBy: "request-3" });
    // The stopped attempt's late outcome changes nothing: the claim is the other's.
    await announcements.markFailed(first.id, "request-1");
    expect(await claimAt(key, "request-4", minutesLater(4))).toBeNull();
  });

  it("posts an announcement that failed more than a day ago as a new one", async () => {
    const key = `key-${++nextKey}`;
    const first = await claimed(key, "request-1", now);
    await announcements.markFailed(first.id, "request-1");
    const later = await claimAt(key, "request-2", minutesLater(24 * 60 + 1));
    expect(later?.id).not.toBe(first.id);
    expect(later?.requestId).toBe("request-2");
    const old = await handle.prisma.announcement.findUniqueOrThrow({ where: { id: first.id } });
    expect(old).toMatchObject({ openKey: null, status: AnnouncementStatus.Failed });
  });

  it("keeps a part's first attempt's time when it is attempted again, so the message that attempt stored is still its own", async () => {
    const announcement = await claimed(`key-${++nextKey}`, "request-1", now);
    const parts = new AnnouncementPartRepository(handle.prisma);
    const part = { postId: announcement.id, part: 0, nonce: "nonce-0", fingerprint: "fingerprint-0" };
    await parts.recordAttempt(part, now);
    await parts.recordAttempt(part, minutesLater(40));
    expect((await parts.listFor(announcement.id)).map((record) => record.attemptedAt)).toEqual([now]);
  });

  it("lets a stale write about a part's stripped message or spent nonce change nothing once the row moved on", async () => {
    const announcement = await claimed(`key-${++nextKey}`, "request-1", now);
    const parts = new AnnouncementPartRepository(handle.prisma);
    const postId = announcement.id;
    const row = async (part: number) => (await parts.listFor(postId)).find((record) => record.part === part);
    // Part 0: another process renewed the nonce, then sent the part; the first process's late writes change nothing,
    // and say so (it is to stop: the part is another's).
    expect(await parts.recordAttempt({ postId, part: 0, nonce: "nonce-0", fingerprint: "fingerprint-0" }, now)).toBe(true);
    expect(await parts.recordNonceRenewed(postId, 0, { nonce: "nonce-0" }, "nonce-0b")).toBe(true);
    expect(await parts.recordStripped(postId, 0, "nonce-0", "stripped-0", "100")).toBe(false);
    expect(await parts.recordNonceRenewed(postId, 0, { nonce: "nonce-0" }, "nonce-0c")).toBe(false);
    expect(await parts.recordAttempt({ postId, part: 0, nonce: "nonce-0", fingerprint: "fingerprint-0" }, now)).toBe(false);
    expect(await row(0)).toMatchObject({ nonce: "nonce-0b", strippedMessageId: null });
    expect(await parts.recordAttempt({ postId, part: 0, nonce: "nonce-0b", fingerprint: "fingerprint-0" }, now)).toBe(true);
    await parts.markSent(postId, 0, "message-0", "100", now);
    expect(await parts.recordNonceRenewed(postId, 0, { nonce: "nonce-0b" }, "nonce-0d")).toBe(false);
    expect(await parts.recordAttempt({ postId, part: 0, nonce: "nonce-0b", fingerprint: "fingerprint-0" }, now)).toBe(false);
    expect(await row(0)).toMatchObject({ nonce: "nonce-0b", status: "sent", messageId: "message-0" });
    // Part 1: a stripped message is forgotten only by the write that names it.
    expect(await parts.recordAttempt({ postId, part: 1, nonce: "nonce-1", fingerprint: "fingerprint-1" }, now)).toBe(true);
    expect(await parts.recordStripped(postId, 1, "nonce-1", "stripped-1", "100")).toBe(true);
    expect(await parts.recordNonceRenewed(postId, 1, { strippedMessageId: "stripped-older" }, "nonce-1x")).toBe(false);
    expect(await row(1)).toMatchObject({ nonce: "nonce-1", strippedMessageId: "stripped-1" });
    expect(await parts.recordNonceRenewed(postId, 1, { strippedMessageId: "stripped-1" }, "nonce-1b")).toBe(true);
    expect(await row(1)).toMatchObject({ nonce: "nonce-1b", strippedMessageId: null });
  });

  it("lets exactly one of many attempts started together claim a new announcement", async () => {
    const key = `key-${++nextKey}`;
    const claims = await Promise.all(Array.from({ length: 6 }, (_, index) => claimAt(key, `request-${index}`, now)));
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    expect(await handle.prisma.announcement.count({ where: { cohortId, openKey: key } })).toBe(1);
  });
});
