import { completionFields, type CompletionRows, type MemberRow } from "./BenchStore.js";

/** A curriculum item as the generator sees it: when it is due and what it is worth. */
export interface GeneratorItem {
  readonly id: number;
  readonly position: number;
  /** Cohort day index (0 = start date) of its assigned day; null when the plan does not assign it. */
  readonly assignedDay: number | null;
  /** Points when done by the end of its assigned day, and after it (from pointsForCompletion). */
  readonly onTimePoints: number;
  readonly latePoints: number;
}

export interface GeneratorInput {
  readonly cohortId: number;
  readonly firstMemberId: number;
  readonly members: number;
  readonly completions: number;
  readonly seed: number;
  readonly items: readonly GeneratorItem[];
  /** Epoch ms at which each cohort-local day starts, from day 0 up to and including `todayIndex`. */
  readonly dayStarts: readonly number[];
  /** Day index of the bot's "now"; completions are all logged on earlier days. */
  readonly todayIndex: number;
  /** The cohort's start date as days since 1970-01-01: a completion's member day is this plus its day index. */
  readonly startEpochDay: number;
}

export interface GeneratedMember {
  readonly row: MemberRow;
  /** Flat rows in CompletionRows layout. */
  readonly completions: CompletionRows;
}

const hour = 3_600_000;
const day = 24 * hour;

/** mulberry32: small, fast, and the same numbers for the same seed everywhere. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Members of one cohort and their completions, deterministic for a seed.
 * Members differ in how much they did (0 to about twice the average, the
 * total exactly `completions`), which items they skipped, and how late they
 * tend to be; about 2 % have left the cohort (they keep their history).
 * Each member works through the plan in order (assigned items by day, then
 * unassigned optional and reference items) and logs each item on its
 * assigned day, a little before, or some days after, always before "now".
 */
export class BenchDataGenerator {
  private readonly random: () => number;
  private readonly order: readonly GeneratorItem[];

  constructor(private readonly input: GeneratorInput) {
    if (input.items.length === 0) throw new Error("the curriculum has no items");
    if (input.todayIndex < 1) throw new Error("the bench's now must be after the cohort's first day");
    if (input.completions > input.members * input.items.length) {
      throw new Error(
        `${input.completions} completions do not fit: ${input.members} members × ${input.items.length} items allow ${input.members * input.items.length}`,
      );
    }
    this.random = randomSource(input.seed);
    const assigned = input.items.filter((item) => item.assignedDay !== null);
    const unassigned = input.items.filter((item) => item.assignedDay === null);
    assigned.sort((a, b) => (a.assignedDay ?? 0) - (b.assignedDay ?? 0) || a.position - b.position);
    unassigned.sort((a, b) => a.position - b.position);
    this.order = [...assigned, ...unassigned];
  }

  /** How many completions each member has: pairs around the average that sum to it exactly. */
  private completionCounts(): number[] {
    const { members, completions } = this.input;
    const base = Math.floor(completions / members);
    const remainder = completions - base * members;
    const spread = Math.max(0, Math.min(base, this.order.length - base - 1));
    const counts = Array.from({ length: members }, (_, index) => base + (index < remainder ? 1 : 0));
    for (let index = 0; index + 1 < members; index += 2) {
      const shift = Math.floor(this.random() * (spread + 1));
      counts[index] = (counts[index] ?? 0) + shift;
      counts[index + 1] = (counts[index + 1] ?? 0) - shift;
    }
    return counts;
  }

  *members(): Generator<GeneratedMember> {
    const { cohortId, firstMemberId, dayStarts, todayIndex } = this.input;
    const counts = this.completionCounts();
    const courseStart = dayStarts[0] ?? 0;
    for (let index = 0; index < counts.length; index++) {
      const memberId = firstMemberId + index;
      const wanted = counts[index] ?? 0;
      const skipChance = this.random() * 0.25;
      const lateness = this.random();
      const left = this.random() < 0.02;
      const chosen: GeneratorItem[] = [];
      const skipped: GeneratorItem[] = [];
      for (const item of this.order) {
        if (chosen.length === wanted) break;
        if (this.random() < skipChance) skipped.push(item);
        else chosen.push(item);
      }
      chosen.push(...skipped.slice(0, wanted - chosen.length));

      const completions: CompletionRows = new Array<number>(chosen.length * completionFields);
      chosen.forEach((item, position) => {
        const loggedDay = this.loggedDay(item, lateness);
        // 07:00–22:00 local: inside the day whatever the DST offset (transitions happen at night).
        const completedAt = (dayStarts[loggedDay] ?? courseStart) + 7 * hour + Math.floor(this.random() * 15 * hour);
        const onTime = item.assignedDay !== null && loggedDay <= item.assignedDay;
        const offset = position * completionFields;
        completions[offset] = memberId;
        completions[offset + 1] = item.id;
        completions[offset + 2] = cohortId;
        completions[offset + 3] = completedAt;
        completions[offset + 4] = Math.floor(loggedDay / 7) + 1;
        completions[offset + 5] = onTime ? item.onTimePoints : item.latePoints;
        completions[offset + 6] = onTime ? 1 : 0;
        // Logged 07:00–22:00 local: the member day (04:00 rollover) is the cohort-local date, as /done stores it.
        completions[offset + 7] = this.input.startEpochDay + loggedDay;
      });

      const lastLogged = chosen.length === 0 ? courseStart : Math.max(courseStart, ...completionTimes(completions));
      yield {
        row: {
          id: memberId,
          cohortId,
          userId: syntheticUserId(index),
          displayName: displayNameOf(index),
          joinedAt: courseStart - Math.floor(this.random() * 10 * day),
          leftAt: left ? Math.min(lastLogged + day, (dayStarts[todayIndex] ?? courseStart) - hour) : null,
        },
        completions,
      };
    }
  }

  private loggedDay(item: GeneratorItem, lateness: number): number {
    const { todayIndex } = this.input;
    let loggedDay: number;
    if (item.assignedDay === null) {
      loggedDay = Math.floor(this.random() * todayIndex);
    } else if (item.assignedDay >= todayIndex) {
      // Reading ahead of the plan, in the last two weeks.
      loggedDay = todayIndex - 1 - Math.floor(this.random() * 14);
    } else {
      const roll = this.random();
      const early = roll < 0.1 ? -1 - Math.floor(this.random() * 3) : 0;
      const late = roll > 1 - lateness * 0.6 ? 1 + Math.floor(this.random() * 12) : 0;
      loggedDay = item.assignedDay + early + late;
    }
    return Math.max(0, Math.min(todayIndex - 1, loggedDay));
  }
}

function completionTimes(rows: CompletionRows): number[] {
  const times: number[] = [];
  for (let offset = 3; offset < rows.length; offset += completionFields) times.push(rows[offset] ?? 0);
  return times;
}

/** 18-digit snowflake-like ids; the acting members get the emulator's real ones before a run. */
export function syntheticUserId(index: number): string {
  return (800_000_000_000_000_000n + BigInt(index)).toString();
}

// A mix of plain, accented, emoji and long names, as real servers have.
function displayNameOf(index: number): string {
  const number = String(index + 1).padStart(5, "0");
  if (index % 13 === 0) return `María José 📚 ${number}`;
  if (index % 17 === 0) return `a-rather-long-display-name-${number}`;
  return `Reader ${number}`;
}
