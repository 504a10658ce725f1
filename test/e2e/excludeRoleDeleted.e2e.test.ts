import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startWithExcludeRoleCohort } from "../helpers/startWithExcludeRoleCohort.js";

const cohortName = "Role Autumn";
const deletedWarning = "The role set as exclude_role was deleted from the server, so nobody is kept off the boards now";
const deletedHeading = "⚠️ exclude_role deleted";
const whatToDo = "Pick another role with `/cohort edit exclude_role:`, or clear it with `exclude_role:@everyone`.";

// A server admin deletes the role a cohort's exclude_role names: Discord shows its mention as "@deleted-role" and its
// former holders are ranked again. The admin reads why, and what to do, in /cohort info and /cohort edit.
describe("exclude_role whose role a server admin deletes", () => {
  let bot: BotHarness;
  let roleId: string;
  const info = async () => visibleText(await bot.run(bot.admin.id, "cohort info", { cohort: cohortName }).final());
  const edit = async (options: Record<string, string>) =>
    visibleText(await bot.run(bot.admin.id, "cohort edit", { cohort: cohortName, ...options }).final());

  beforeEach(async () => {
    ({ bot, roleId } = await startWithExcludeRoleCohort(cohortName));
  });
  afterEach(async () => bot.close());

  it("says so in /cohort info and in /cohort edit replies, with what to do, instead of naming a deleted role", async () => {
    expect(await info()).not.toContain(deletedWarning);
    bot.emulator.deleteRole(bot.guild.id, roleId);
    const shown = await info();
    expect(shown).toContain(`${deletedHeading}\n${deletedWarning}`);
    expect(shown).not.toContain("⚠️ Never ranked");
    expect(shown).toContain(whatToDo);
    // Discord would show the stored role's mention as "@deleted-role".
    expect(shown).not.toContain(`<@&${roleId}>`);
    expect(await edit({ announce_time: "08:30" })).toContain(deletedWarning);
  });

  it("stops saying so once the role is cleared or another is picked", async () => {
    bot.emulator.deleteRole(bot.guild.id, roleId);
    const other = bot.emulator.createRole(bot.guild.id, { name: "Mentors" }).id;
    expect(await edit({ exclude_role: other })).not.toContain(deletedWarning);
    bot.emulator.deleteRole(bot.guild.id, other);
    const cleared = await edit({ exclude_role: bot.guild.id });
    expect(cleared).not.toContain(deletedWarning);
    expect(await info()).not.toContain(deletedWarning);
  });

  it("warns no more once the cohort has ended: its final board is kept, nobody is ranked again", async () => {
    await bot.run(bot.admin.id, "cohort end", { cohort: cohortName }).final();
    bot.emulator.deleteRole(bot.guild.id, roleId);
    const shown = await info();
    expect(shown).not.toContain(deletedHeading);
    expect(shown).not.toContain(deletedWarning);
    // The settings still say what the stored role is now.
    expect(shown).toContain("A deleted role: nobody");
  });

  it("lists the deleted role no more over REST, and takes it off its holders", async () => {
    const holder = bot.member("holder-hana");
    bot.emulator.setMemberRoles(bot.guild.id, holder.id, [roleId]);
    bot.emulator.deleteRole(bot.guild.id, roleId);
    const base = `${bot.emulator.apiUrl}/v10/guilds/${bot.guild.id}`;
    const headers = { authorization: `Bot ${bot.emulator.token}` };
    const roles = (await (await fetch(`${base}/roles`, { headers })).json()) as { id: string }[];
    expect(roles.map((role) => role.id)).not.toContain(roleId);
    const member = (await (await fetch(`${base}/members/${holder.id}`, { headers })).json()) as { roles: string[] };
    expect(member.roles).not.toContain(roleId);
  });
});
