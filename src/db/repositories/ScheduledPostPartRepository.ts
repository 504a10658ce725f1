import type { PrismaClient } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import {
  PostPartRows,
  type PostPartAttempt,
  type PostPartGuard,
  type PostPartRow,
  type PostPartSent,
  type PostPartStripped,
} from "./PostPartRows.js";

/** The per-message ledger of split posts: a part once recorded as sent is never sent again. */
export class ScheduledPostPartRepository extends PostPartRows {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {
    super(writes);
  }

  protected rowsOf(postId: number): Promise<PostPartRow[]> {
    return this.prisma.scheduledPostPart.findMany({ where: { postId }, orderBy: { part: "asc" } });
  }

  protected upsertRow(
    postId: number,
    part: number,
    created: PostPartAttempt,
    updated: Pick<PostPartAttempt, "nonce" | "fingerprint">,
  ): Promise<unknown> {
    return this.prisma.scheduledPostPart.upsert({
      where: { postId_part: { postId, part } },
      create: { postId, part, ...created },
      update: updated,
    });
  }

  protected updateRow(postId: number, part: number, data: PostPartSent | PostPartStripped, guard: PostPartGuard = {}): Promise<unknown> {
    return this.prisma.scheduledPostPart.updateMany({ where: { postId, part, ...guard }, data });
  }
}
