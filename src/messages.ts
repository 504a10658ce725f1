import { escapeText } from "./discord/render/format.js";

/** Names and titles placed into Markdown sentences: inert, so they cannot format, link or mention. */
const inert = escapeText;

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
    databaseBusy: "The bot's database is busy right now, so nothing was changed. Please try again in a moment.",
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
  cohortAdmin: {
    created: (name: string, channel: string) =>
      `**${name}** is set up and will post in ${channel}. Members join with \`/join\`; check the settings below.`,
    edited: (name: string) => `Saved. These are **${name}**'s settings now.`,
    paused: (name: string) => `**${name}** is paused: no posts and no reminders until you run \`/cohort resume\`.`,
    resumed: (name: string) => `**${name}** is running again: posts and reminders are back on.`,
    ended: (name: string) =>
      `**${name}** has ended: its closing post with the final leaderboard goes out if it has not yet, then no more posts, reminders or new members. Members keep their history and points.`,
    pausedNote: "Paused: nothing is posted and no reminders are sent until `/cohort resume`.",
    endedNote: "Ended: the cohort posts nothing more.",
    channelProblem: (problem: string) =>
      `My last post in the channel failed: ${problem}. Fix my permissions there, or pick another channel with \`/cohort edit channel:\`.`,
    noMorePosts: "None left.",
    moreCohorts: (count: number) => `…and ${count} more. Use \`/cohort info\` to see one.`,
  },
  curriculumAdmin: {
    pickOne: (titles: readonly string[]) =>
      `Several curricula are available: ${titles.map((title) => `**${title}**`).join(", ")}. Pick one with the \`curriculum\` option.`,
    created: (title: string, slug: string) =>
      `Imported **${title}** as a new curriculum (\`${slug}\`). Use it with \`/cohort create curriculum:${slug}\`.`,
    updated: (title: string) =>
      `Updated **${title}**. Cohorts on it see the new version; members keep their completions of items that are still there.`,
    unchanged: (title: string) => `**${title}** is already up to date: this file is the same as the last import, so nothing changed.`,
    counts: (sections: number, items: number) => `${sections} section${sections === 1 ? "" : "s"}, ${items} item${items === 1 ? "" : "s"}.`,
    kept: (retired: number, removed: number) =>
      `${removed} item${removed === 1 ? "" : "s"} removed; ${retired} removed item${retired === 1 ? "" : "s"} kept because members completed ${retired === 1 ? "it" : "them"}.`,
    moreItems: (count: number) => `…and ${count} more`,
    moreSections: (count: number) => `…and ${count} more section${count === 1 ? "" : "s"} (too long to show here).`,
    moreCurricula: (count: number) => `…and ${count} more`,
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
    offWithTime: "Pick one: `off:True` switches your reminder off, `time:` sets it. Nothing changed.",
    needTime: "You have no reminder yet, so give a time too, for example `/remind time:08:30`. Nothing changed.",
    isOff: (cohort: string) =>
      `You have no daily reminder for **${inert(cohort)}**. Turn one on with \`/remind time:08:30\` (24-hour time; add \`timezone:\` for another time zone).`,
    isOn: (cohort: string, time: string, zone: string, next: string) =>
      `Your daily reminder for **${inert(cohort)}** is at **${time}** (${zone}); next one ${next}. Change it with \`/remind time:\`, or stop it with \`/remind off:True\`.`,
    set: (cohort: string, time: string, zone: string, next: string) =>
      `Saved: I'll send you a direct message at **${time}** (${zone}) on days you still have reading left in **${inert(cohort)}**. Next one ${next}.`,
    turnedOff: (cohort: string) => `Your daily reminder for **${inert(cohort)}** is off now. Turn it back on any time with \`/remind time:\`.`,
    alreadyOff: (cohort: string) => `Your daily reminder for **${inert(cohort)}** was already off, so nothing changed.`,
    directMessages: "Reminders come as direct messages: allow direct messages from members of this server to receive them.",
    pausedNote: "This cohort is paused: no reminders are sent until an admin resumes it.",
  },
  checkpoint: {
    noSections: "This cohort's curriculum has no sections, so there is no checkpoint yet.",
    unknownSection:
      "This checkpoint is no longer part of the cohort's curriculum, so there is nothing to answer. Run `/checkpoint` to see the current one.",
    ask: "How confident do you feel about it? Pick an answer below; you can change it any time.",
    yourAnswer: (answer: string) => `Your answer so far: **${answer}**.`,
    outcomesIntro: "After this path you should be able to:",
    objectiveIntro: "This section's aim:",
    noText: (section: string) => `Look back at **${inert(section)}**: could you explain its main ideas to someone else?`,
    recorded: (answer: string, section: string) => `Recorded **${answer}** for the **${inert(section)}** checkpoint.`,
    changed: (previous: string, answer: string, section: string) =>
      `Changed your **${inert(section)}** checkpoint answer from ${previous} to **${answer}**.`,
    unchanged: (answer: string, section: string) => `Your **${inert(section)}** checkpoint answer was already **${answer}**, so nothing changed.`,
    notYetHint: "No worries: `/week` shows the section's reading again, and `/today` what is due now.",
    partlyHint: "Good start: `/week` lists the section's items again, so you can go back to the ones that felt shaky.",
    confidentHint: "Nice work!",
  },
  week: {
    referenceIntro: "Reference material: listed, never assigned, worth no points.",
    nothingAssigned: "Nothing assigned.",
    beforeStart: (start: string) => `The course starts on **${start}**; this is its first week.`,
    afterEnd: "The course is over; this is its last week.",
    unestimated: (count: number) => `${count} item${count === 1 ? "" : "s"} without an estimate (counted as 15 min for points).`,
  },
  progress: {
    notRanked: "Not ranked yet: points put you on the leaderboard.",
    leftCohort: (name: string) => `${inert(name)} has left this cohort; their history is kept.`,
  },
  leaderboard: {
    emptyWeek: (week: number) => `Nobody has points in week ${week} yet. Log your reading with \`/done\` to get on the board.`,
    emptyAll: "Nobody has points yet. Log your reading with `/done` to get on the board.",
    callerRanked: (name: string, rank: number, ranked: number, points: number) => `**${inert(name)}**: #${rank} of ${ranked} · ${points} pts`,
    callerUnranked: (name: string, weekly: boolean) => `**${inert(name)}**: no points ${weekly ? "this week yet" : "yet"}`,
  },
  posts: {
    noCheckpoint: "This cohort's curriculum has no checkpoint prompts to post.",
    channelMissing: (channel: string) =>
      `The cohort channel ${channel} no longer exists, so the bot's posts are on hold. Pick a new channel with \`/cohort edit channel:\`.`,
    channelNoPermission: (channel: string) =>
      `I can't post in ${channel} any more (I need **View Channel**, **Send Messages** and **Embed Links** there), so the bot's posts are on hold. Fix the channel's permissions, or pick another channel with \`/cohort edit channel:\`.`,
    announceFailed: "Discord didn't accept the post just now. Please try again in a minute.",
    previewHeader: (week: number, totalWeeks: number, cohort: string, channel: string) =>
      `**Preview of week ${week} of ${totalWeeks}** for **${cohort}**: what the bot will post in ${channel}. Only you see this.`,
    previewInactive: (status: string) => `_The cohort is ${status}: nothing is posted until it is resumed._`,
    previewEnded: "_The cohort has ended: only its closing post still goes out, if it has not already._",
    previewHidden: (hidden: number, maxEmbeds: number, maxCharacters: number) =>
      `_${hidden} more embed${hidden === 1 ? "" : "s"} not shown here: Discord limits one reply to ${maxEmbeds} embeds and ${maxCharacters} characters._`,
    simulationUnknown: (value: string) => `There's no cohort (id or name) or curriculum (slug) called "${value}". See \`npm run cli -- curriculum list\`.`,
    simulationAmbiguous: (cohorts: readonly string[]) => `Several cohorts have that name; give one of these ids instead: ${cohorts.join("; ")}.`,
    announced: (what: string, channel: string, messages: number) =>
      `Posted ${what} in ${channel}${messages > 1 ? ` (${messages} messages)` : ""}.`,
  },
} as const;
