import { ChannelProblem, CohortStatus, isChannelProblem, type Cohort } from "../../domain/cohort/cohortModel.js";
import type { CohortSettings } from "../../domain/schedule/scheduleTypes.js";
import type { Cohort as CohortRow, PrismaClient } from "../../generated/prisma/client.js";
import { findInChunks } from "../inChunks.js";

export interface NewCohort {
  readonly guildId: string;
  readonly channelId: string;
  readonly name: string;
  readonly curriculumId: number;
  readonly settings: CohortSettings;
  readonly language?: string;
  readonly createdBy: string;
}

/** A cohort's id and a number that changes whenever its row does. */
export interface CohortVersion {
  readonly id: number;
  readonly version: number;
}

export type CohortChanges = Partial<{
  name: string;
  channelId: string;
  settings: CohortSettings;
  status: CohortStatus;
  channelProblem: ChannelProblem | null;
  language: string;
}>;

export function toCohort(row: CohortRow): Cohort {
  return {
    id: row.id,
    guildId: row.guildId,
    channelId: row.channelId,
    name: row.name,
    curriculumId: row.curriculumId,
    status: row.status as CohortStatus,
    // A sentence stored by an older version reads as the generic problem (the migration converts existing rows).
    channelProblem:
      row.channelProblem === null ? null : isChannelProblem(row.channelProblem) ? row.channelProblem : ChannelProblem.NoPermission,
    language: row.language,
    createdAt: row.createdAt,
    settings: {
      startDate: row.startDate,
      timeZone: row.timeZone,
      studyDays: row.studyDays
        .split(",")
        .map(Number)
        .filter((day) => day >= 1 && day <= 7),
      includeOptional: row.includeOptional,
      announceDay: row.announceDay,
      announceTime: row.announceTime,
      checkpointTime: row.checkpointTime,
    },
  };
}

function settingsColumns(settings: CohortSettings) {
  return {
    startDate: settings.startDate,
    timeZone: settings.timeZone,
    studyDays: settings.studyDays.join(","),
    includeOptional: settings.includeOptional,
    announceDay: settings.announceDay,
    announceTime: settings.announceTime,
    checkpointTime: settings.checkpointTime,
  };
}

export class CohortRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Returns null when the guild already has a cohort of that name. */
  async create(input: NewCohort): Promise<Cohort | null> {
    const clash = await this.prisma.cohort.findUnique({ where: { guildId_name: { guildId: input.guildId, name: input.name } } });
    if (clash !== null) return null;
    try {
      const row = await this.prisma.cohort.create({
        data: {
          guildId: input.guildId,
          channelId: input.channelId,
          name: input.name,
          curriculumId: input.curriculumId,
          createdBy: input.createdBy,
          ...(input.language === undefined ? {} : { language: input.language }),
          ...settingsColumns(input.settings),
        },
      });
      return toCohort(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findInGuild(guildId: string, cohortId: number): Promise<Cohort | null> {
    const row = await this.prisma.cohort.findFirst({ where: { id: cohortId, guildId } });
    return row === null ? null : toCohort(row);
  }

  async findById(cohortId: number): Promise<Cohort | null> {
    const row = await this.prisma.cohort.findUnique({ where: { id: cohortId } });
    return row === null ? null : toCohort(row);
  }

  async findByName(guildId: string, name: string): Promise<Cohort | null> {
    const row = await this.prisma.cohort.findUnique({ where: { guildId_name: { guildId, name } } });
    return row === null ? null : toCohort(row);
  }

  /** Cohorts of any guild with this name (case-insensitive), for tools without a guild such as the simulate CLI. */
  async listByNameAnywhere(name: string): Promise<Cohort[]> {
    const wanted = name.trim().toLowerCase();
    const rows = await this.prisma.cohort.findMany({ orderBy: { id: "asc" } });
    return rows.filter((row) => row.name.toLowerCase() === wanted).map(toCohort);
  }

  async listInGuild(guildId: string): Promise<Cohort[]> {
    const rows = await this.prisma.cohort.findMany({ where: { guildId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map(toCohort);
  }

  /** Cohorts the user is an active member of, in this guild. */
  async listJoined(guildId: string, userId: string): Promise<Cohort[]> {
    const rows = await this.prisma.cohort.findMany({
      where: { guildId, members: { some: { userId, leftAt: null } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toCohort);
  }

  /** Cohorts the scheduler looks after (every guild, or only `guildIds` for a shard). */
  async listSchedulable(guildIds?: readonly string[]): Promise<Cohort[]> {
    const status = { in: [CohortStatus.Active, CohortStatus.Ended] };
    const rows =
      guildIds === undefined
        ? await this.prisma.cohort.findMany({ where: { status }, orderBy: { id: "asc" } })
        : // A shard holds up to 2,500 guilds: their ids go in slices.
          (
            await findInChunks(guildIds, (chunk) =>
              this.prisma.cohort.findMany({ where: { status, guildId: { in: chunk } }, orderBy: { id: "asc" } }),
            )
          ).sort((a, b) => a.id - b.id);
    return rows.map(toCohort);
  }

  /**
   * listSchedulable's ids with a version that changes whenever the row does (its updatedAt), so the
   * scheduler reads again only the cohorts that changed: two small columns per cohort and tick.
   */
  async listSchedulableVersions(guildIds?: readonly string[]): Promise<CohortVersion[]> {
    const status = { in: [CohortStatus.Active, CohortStatus.Ended] };
    const select = { id: true, updatedAt: true } as const;
    const rows =
      guildIds === undefined
        ? await this.prisma.cohort.findMany({ where: { status }, select, orderBy: { id: "asc" } })
        : (
            await findInChunks(guildIds, (chunk) =>
              this.prisma.cohort.findMany({ where: { status, guildId: { in: chunk } }, select, orderBy: { id: "asc" } }),
            )
          ).sort((a, b) => a.id - b.id);
    return rows.map((row) => ({ id: row.id, version: row.updatedAt.getTime() }));
  }

  /** These cohorts (those that exist) with their versions (see listSchedulableVersions). */
  async listVersionedByIds(ids: readonly number[]): Promise<{ cohort: Cohort; version: number }[]> {
    const rows = await findInChunks(ids, (chunk) => this.prisma.cohort.findMany({ where: { id: { in: chunk } } }));
    return rows.map((row) => ({ cohort: toCohort(row), version: row.updatedAt.getTime() }));
  }

  async update(cohortId: number, changes: CohortChanges): Promise<Cohort | null> {
    try {
      const row = await this.prisma.cohort.update({
        where: { id: cohortId },
        data: {
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.channelId === undefined ? {} : { channelId: changes.channelId }),
          ...(changes.status === undefined ? {} : { status: changes.status }),
          ...(changes.channelProblem === undefined ? {} : { channelProblem: changes.channelProblem }),
          ...(changes.language === undefined ? {} : { language: changes.language }),
          ...(changes.settings === undefined ? {} : settingsColumns(changes.settings)),
        },
      });
      return toCohort(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
