import type { PrismaClient } from "../../src/db/openDatabase.js";

/** When the course's points were reached: inside a 12-week course. */
export const duringCourse = new Date("2027-01-05T10:00:00Z");
/** When the late points were reached: after the course's last week, in the late window. */
export const afterTheEnd = new Date("2027-03-29T06:00:00Z");
/** The points each late scorer logged after the end. */
export const latePoints = 1_000;

export interface LateWindowCohort {
  readonly cohortId: number;
  readonly lastWeek: number;
  /** How many "late-i" members (i from 0) logged points after the end. */
  readonly lateScorers: number;
  /** The points late-i reached in week 1, before the end (0: none). */
  readonly coursePoints: (i: number) => number;
  /** One more member who reached `points` in `weekNumber` and logged nothing late. */
  readonly onTime: { readonly userId: string; readonly points: number; readonly weekNumber: number };
}

/**
 * Seeds a cohort in its late window as rows only: each late-i has `coursePoints(i)` in week 1 and `latePoints` in the
 * week after `lastWeek`; the on-time member has only its course points. Returns each member's id by user id.
 */
export async function seedLateWindowMembers(prisma: PrismaClient, cohort: LateWindowCohort): Promise<Map<string, number>> {
  const { cohortId, lastWeek, onTime } = cohort;
  const late = Array.from({ length: cohort.lateScorers }, (_, i) => ({ userId: `late-${i}`, course: cohort.coursePoints(i) }));
  await prisma.member.createMany({
    data: [
      ...late.map(({ userId, course }) => ({
        cohortId,
        userId,
        displayName: userId,
        points: course + latePoints,
        pointsReachedAt: afterTheEnd,
      })),
      { cohortId, userId: onTime.userId, displayName: onTime.userId, points: onTime.points, pointsReachedAt: duringCourse },
    ],
  });
  const idOf = new Map<string, number>();
  for (const row of await prisma.member.findMany({ where: { cohortId }, select: { id: true, userId: true } })) idOf.set(row.userId, row.id);
  const scoreOf = (userId: string, weekNumber: number, points: number, reachedAt: Date) => ({
    memberId: idOf.get(userId) ?? 0,
    cohortId,
    weekNumber,
    points,
    reachedAt,
  });
  const scores = [
    ...late.flatMap(({ userId, course }) => [
      ...(course === 0 ? [] : [scoreOf(userId, 1, course, duringCourse)]),
      scoreOf(userId, lastWeek + 1, latePoints, afterTheEnd),
    ]),
    scoreOf(onTime.userId, onTime.weekNumber, onTime.points, duringCourse),
  ];
  // In slices: more rows than a statement takes bound values on either database.
  for (let start = 0; start < scores.length; start += 500) await prisma.weeklyScore.createMany({ data: scores.slice(start, start + 500) });
  return idOf;
}
