import type { Services } from "../services/Services.js";
import { DemoRole, type DemoWorld } from "./demoWorld.js";

/** A person of the demo server as the page lists them. */
export interface PageUser {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  /** admin: has Manage Server; member: in a cohort of the server now; newcomer: in none. */
  readonly role: DemoRole;
  /** Their Discord language (`interaction.locale`), which the page lets the visitor switch. */
  readonly locale: string;
}

/**
 * The demo server's people with where they stand now: membership comes from
 * the bot's database, so `/join` and `/leave` move people between the groups.
 */
export class MemberDirectory {
  constructor(
    private readonly services: Services,
    private readonly world: DemoWorld,
    private readonly localeOf: (userId: string) => string,
  ) {}

  async users(): Promise<PageUser[]> {
    return Promise.all(
      this.world.users.map(async (user) => ({
        id: user.id,
        name: user.displayName,
        username: user.username,
        locale: this.localeOf(user.id),
        role: user.role === DemoRole.Admin ? DemoRole.Admin : (await this.hasJoined(user.id)) ? DemoRole.Member : DemoRole.Newcomer,
      })),
    );
  }

  /** In at least one cohort of the server and not left it. */
  private async hasJoined(userId: string): Promise<boolean> {
    const joined = await this.services.cohorts.suggest(this.world.guild.id, userId, "", "joined");
    return joined.length > 0;
  }
}
