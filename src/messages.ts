/**
 * Every sentence a Discord user can read, in one place. Functions where the
 * text needs values. Keep them short, say what was wrong and what to do.
 */
export const messages = {
  generic: {
    unexpected: (referenceId: string) =>
      `Something went wrong on our side. Please try again in a moment. If it keeps happening, give an admin this reference: \`${referenceId}\`.`,
    guildOnly: "This command works inside a server, not in direct messages.",
    unknownCommand: "This command is not available any more. It may have been removed; try again in a minute.",
    unknownButton: "This button has expired. Run the command again to get a fresh one.",
    notYourButton: "These buttons belong to someone else's reply. Run the command yourself to get your own.",
  },
  permissions: {
    manageServerRequired: "Only members with the **Manage Server** permission can do this.",
    channelNotPostable: (channel: string) =>
      `I can't post in ${channel}. Give me the **View Channel**, **Send Messages** and **Embed Links** permissions there, or pick another channel.`,
    channelNotText: (channel: string) => `${channel} is not a text channel. Pick a text channel for the cohort's posts.`,
  },
  cohort: {
    noneInServer: "There are no cohorts in this server yet. An admin can create one with `/cohort create`.",
    notMemberOfAny: "You haven't joined a cohort in this server yet. Use `/join` to join one.",
    ambiguous: (names: readonly string[]) =>
      `You're in several cohorts: ${names.map((name) => `**${name}**`).join(", ")}. Pick one with the \`cohort\` option.`,
    ambiguousAdmin: (names: readonly string[]) =>
      `This server has several cohorts: ${names.map((name) => `**${name}**`).join(", ")}. Pick one with the \`cohort\` option.`,
    unknown: (value: string) => `There's no cohort called "${value}" in this server. Start typing in the \`cohort\` option to see the choices.`,
    notJoined: (name: string) => `You're not a member of **${name}**. Use \`/join cohort:${name}\` first.`,
    nameTaken: (name: string) => `This server already has a cohort called **${name}**. Choose another name.`,
    nameInvalid: "A cohort name needs 1 to 80 characters.",
    ended: (name: string) => `**${name}** has ended: it no longer takes new members or completions.`,
    alreadyPaused: (name: string) => `**${name}** is already paused.`,
    notPaused: (name: string) => `**${name}** is not paused.`,
    alreadyEnded: (name: string) => `**${name}** has already ended.`,
    nothingToEdit: "Give at least one option to change.",
    otherNotMember: (name: string) => `That person isn't a member of **${name}**.`,
  },
  curriculum: {
    unknown: (value: string) => `There's no curriculum called "${value}". Start typing in the \`curriculum\` option to see the choices.`,
    none: "No curricula yet. An admin can import one with `/curriculum import`.",
    fileTooLarge: (maxKb: number) => `That file is too large. Curriculum files can be at most ${maxKb} KB.`,
    fileNotText: "That file isn't a text file. Attach the learning path as a .md or .txt file.",
    fileUnreadable: "I couldn't download that attachment. Please attach it again.",
    malformed: (problems: readonly { line: number; message: string }[], more: number) =>
      `That file wasn't imported; nothing changed. Fix these and try again:\n${problems
        .map((problem) => `• line ${problem.line}: ${problem.message}`)
        .join("\n")}${more > 0 ? `\n…and ${more} more.` : ""}`,
  },
  input: {
    invalidDate: (value: string) => `"${value}" is not a date that exists. Use YYYY-MM-DD, for example 2027-03-01.`,
    invalidTimeZone: (value: string) =>
      `"${value}" is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.`,
    invalidClock: (value: string) => `"${value}" is not a time of day. Use 24-hour HH:MM, for example 09:00 or 18:30.`,
    invalidWeekday: (value: string) => `"${value}" is not a day of the week. Use Monday … Sunday.`,
    invalidWeek: (total: number) => `Pick a week between 1 and ${total}.`,
  },
  item: {
    unknown: (value: string) =>
      `There's no item "${value}" in this cohort's curriculum. Start typing in the \`item\` option and pick one from the list.`,
    ambiguous: (choices: readonly string[]) =>
      `Several items match: ${choices.join("; ")}. Pick one from the list in the \`item\` option.`,
    notDone: (title: string) => `You haven't marked **${title}** as done, so there's nothing to undo.`,
  },
  remind: {
    disabledAfterFailures:
      "I couldn't send you your daily reminders by direct message, so I switched them off. Allow direct messages from server members and turn them back on with `/remind`.",
  },
} as const;
