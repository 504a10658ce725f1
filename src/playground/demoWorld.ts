import type { DiscordEmulator, EmulatorGuild } from "../emulator/DiscordEmulator.js";
import { demoAdmin, demoMemberProfiles, demoNewcomer, demoVisitorUsername } from "./demoMembers.js";

export const DemoRole = { Admin: "admin", Member: "member", Newcomer: "newcomer" } as const;
export type DemoRole = (typeof DemoRole)[keyof typeof DemoRole];

export interface DemoUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: DemoRole;
}

export interface DemoChannel {
  readonly id: string;
  readonly name: string;
  readonly topic: string;
}

/** The demo server inside the emulator: who and where, before the bot has done anything. */
export interface DemoWorld {
  readonly guild: EmulatorGuild;
  readonly cohortChannel: DemoChannel;
  readonly channels: readonly DemoChannel[];
  readonly admin: DemoUser;
  readonly members: readonly DemoUser[];
  /** The member the page starts as: one with reading left today. */
  readonly visitor: DemoUser;
  /** The admin first, then the members, then someone who has not joined. */
  readonly users: readonly DemoUser[];
  readonly nameOf: (userId: string) => string;
}

export const demoServerName = "Backend Study Club";

/** Creates the demo server, its channels and people in the emulator. */
export function createDemoWorld(emulator: DiscordEmulator): DemoWorld {
  const guild = emulator.createGuild({ name: demoServerName, ownerUsername: "club-owner" });
  const channel = (name: string, topic: string): DemoChannel => ({ ...emulator.createChannel(guild.id, { name, topic }), topic });
  const cohortChannel = channel("backend-cohort", "Backend Engineer Learning Path · weekly readings, checkpoints and the leaderboard");
  const general = channel("general", "Say hello");
  const person = (input: { username: string; displayName: string }, role: DemoRole): DemoUser => {
    const created = emulator.createMember(guild.id, { ...input, manageGuild: role === DemoRole.Admin });
    return { id: created.id, username: input.username, displayName: input.displayName, role };
  };
  const admin = person(demoAdmin, DemoRole.Admin);
  const members = demoMemberProfiles.map((profile) => person(profile, DemoRole.Member));
  const newcomer = person(demoNewcomer, DemoRole.Newcomer);
  const users = [admin, ...members, newcomer];
  const visitor = members.find((member) => member.username === demoVisitorUsername) ?? admin;
  const names = new Map(users.map((user) => [user.id, user.displayName]));
  return {
    guild,
    cohortChannel,
    channels: [cohortChannel, general],
    admin,
    members,
    visitor,
    users,
    nameOf: (userId) => names.get(userId) ?? "Unknown user",
  };
}
