import { CohortStatus } from "../domain/cohort/cohortModel.js";
import { UserError } from "../errors.js";
import type { Services } from "../services/Services.js";
import { cohortSchedule } from "./cohortSchedule.js";
import { demoMemberProfiles, plannedCompletions } from "./demoMembers.js";

/** Something a simulated member does at a moment on the playground's clock. */
export interface TimedAction {
  readonly at: Date;
  run(): Promise<void>;
}

/** What the simulated members do while the clock moves. */
export interface DemoActivity {
  /** Actions due in [from, to), in time order. */
  between(from: Date, to: Date): Promise<readonly TimedAction[]>;
}

/**
 * The simulated members keep reading as the page moves the clock, each at the
 * pace of their profile (the same deterministic history seedDemo wrote up to
 * the visitor's arrival), so the live boards change through the whole course.
 */
export class SimulatedReaders implements DemoActivity {
  constructor(
    private readonly services: Services,
    private readonly guildId: string,
    private readonly demoCohortId: number,
    private readonly timeZone: string,
    /** The simulated members' user ids by username. */
    private readonly userIdOf: ReadonlyMap<string, string>,
  ) {}

  async between(from: Date, to: Date): Promise<readonly TimedAction[]> {
    const cohort = (await this.services.cohorts.list(this.guildId)).find((candidate) => candidate.id === this.demoCohortId);
    if (cohort?.status !== CohortStatus.Active) return [];
    const { plan } = await cohortSchedule(this.services, cohort);
    const actions: TimedAction[] = [];
    for (const completion of plannedCompletions(plan, demoMemberProfiles, this.timeZone, to)) {
      const userId = this.userIdOf.get(completion.username);
      if (userId === undefined || completion.at < from) continue;
      actions.push({ at: completion.at, run: () => this.complete(userId, completion.itemId, completion.at) });
    }
    return actions;
  }

  private async complete(userId: string, itemId: number, now: Date): Promise<void> {
    try {
      await this.services.study.complete({ guildId: this.guildId, userId, cohort: String(this.demoCohortId), item: String(itemId), now });
    } catch (error) {
      // A visitor may have made this member leave, or the course may have ended: the member just stops reading.
      if (!(error instanceof UserError)) throw error;
    }
  }
}
