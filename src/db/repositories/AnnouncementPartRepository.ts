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

/** The per-message ledger of `/cohort announce` announcements (a post's `postId` is the announcement's id). */
export class AnnouncementPartRepository extends PostPartRows {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {
    super(writes);
  }

  protected rowsOf(announcementId: number): Promise<PostPartRow[]> {
    return this.prisma.announcementPart.findMany({ where: { announcementId }, orderBy: { part: "asc" } });
  }

  protected createRow(announcementId: number, part: number, created: PostPartAttempt): Promise<unknown> {
    return this.prisma.announcementPart.upsert({
      where: { announcementId_part: { announcementId, part } },
      create: { announcementId, part, ...created },
      update: {},
    });
  }

  protected async updateRow(
    announcementId: number,
    part: number,
    data: PostPartSent | PostPartStripped | Pick<PostPartAttempt, "fingerprint">,
    guard: PostPartGuard = {},
  ): Promise<number> {
    return (await this.prisma.announcementPart.updateMany({ where: { announcementId, part, ...guard }, data })).count;
  }
}
