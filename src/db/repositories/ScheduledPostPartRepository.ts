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

  protected createRow(postId: number, part: number, created: PostPartAttempt): Promise<unknown> {
    return this.prisma.scheduledPostPart.upsert({
      where: { postId_part: { postId, part } },
      create: { postId, part, ...created },
      update: {},
    });
  }

  protected async updateRow(
    postId: number,
    part: number,
    data: PostPartSent | PostPartStripped | Pick<PostPartAttempt, "fingerprint">,
    guard: PostPartGuard = {},
  ): Promise<number> {
    return (await this.prisma.scheduledPostPart.updateMany({ where: { postId, part, ...guard }, data })).count;
  }
}
