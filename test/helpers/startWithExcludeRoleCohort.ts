import { startBotHarness, visibleText, type BotHarness } from "./botHarness.js";

export interface ExcludeRoleCohort {
  readonly bot: BotHarness;
  /** The server's "Facilitators" role, the cohort's exclude_role. */
  readonly roleId: string;
  /** What the admin read in reply to `/cohort create`. */
  readonly created: string;
}

/**
 * A bot on Tuesday 5 January 2027 whose admin has created the cohort `name` (started the day before, in the
 * harness's channel) with a new "Facilitators" role as its exclude_role. `beforeCreate` runs just before the
 * command, e.g. to have Discord refuse the listing of the role's holders that setting it makes.
 */
export async function startWithExcludeRoleCohort(
  name: string,
  beforeCreate: (bot: BotHarness) => void = () => undefined,
): Promise<ExcludeRoleCohort> {
  const bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  try {
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    beforeCreate(bot);
    const reply = await bot
      .run(bot.admin.id, "cohort create", {
        name,
        curriculum: "backend-engineer-learning-path",
        channel: bot.channel.id,
        start: "2027-01-04",
        exclude_role: roleId,
      })
      .final();
    return { bot, roleId, created: visibleText(reply) };
  } catch (error) {
    await bot.close();
    throw error;
  }
}
