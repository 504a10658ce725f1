import type { LanguageFile } from "../languages.js";

/**
 * English: the reference catalogue. Every other language has exactly these
 * keys with the same ICU parameters (test/unit/messageCatalogue.test.ts checks).
 * Messages are ICU MessageFormat; parameters from users (names, titles,
 * echoed input) are made inert by the translator, so write them bare here.
 */
export const en = {
  "generic.unexpected":
    "Something went wrong on our side. Please try again in a moment. If it keeps happening, give an admin this reference: `{reference}`.",
  "generic.databaseBusy": "The bot's database is busy right now, so nothing was changed. Please try again in a moment.",
  "generic.guildOnly": "This command works inside a server, not in direct messages.",
  "generic.fileTooLarge":
    "Discord refused the file as too large to attach here, so it was not sent; trying again will not help.{cohortExport, select, yes { Try `format:JSON` or `format:CSV (spreadsheets)` (whichever you did not use); if both are too large, ask the bot's host to export the cohort from the database.} other {}}",
  "generic.unknownCommand":
    "This command is not available any more, so nothing was done. If Discord still shows it once you reopen the command list, tell an admin: an old copy of the command may still be registered in this server.",
  "generic.outdatedCommand":
    "This command has changed since Discord showed it to you, so nothing was done. Try it again once Discord shows its new options; if it still looks the same, tell an admin: an old copy of the command may still be registered in this server.",
  "generic.unknownButton": "This button has expired. Run the command again to get a fresh one.",
  "generic.staleButton":
    "This button is out of date: the item or cohort it was for is no longer there (the curriculum or the cohort changed since). Run the command again for fresh buttons.",

  "permissions.manageServerRequired": "Only members with the **Manage Server** permission can do this.",
  "permissions.channelNotPostable":
    "I can't post in {channel}. Give me the **View Channel**, **Send Messages** and **Embed Links** permissions there, or pick another channel.",
  "permissions.channelMissingPermissions":
    "I can't post in {channel}: I'm missing {count, plural, one {the {permissions} permission} other {the {permissions} permissions}} there. Give {count, plural, one {it} other {them}} to me in the channel's settings, or pick another channel.",
  "permission.name":
    "{code, select, view_channel {View Channel} send_messages {Send Messages} embed_links {Embed Links} read_message_history {Read Message History} other {{code}}}",
  "permissions.channelNotText": "{channel} is not a text channel. Pick a text channel for the cohort's posts.",

  "cohort.noneInServer": "There are no cohorts in this server yet. An admin can create one with `/cohort create`.",
  "cohort.notMemberOfAny": "You're not a member of any cohort in this server. Use `/join` to join one.",
  "cohort.ambiguous": "You're in several cohorts: {names}. Pick one with the `cohort` option.",
  "cohort.ambiguousShared": "You share several cohorts with them: {names}. Pick one with the `cohort` option.",
  "cohort.noneShared": "That member isn't in any of your cohorts, so there is no progress of theirs to show you.",
  "cohort.ambiguousAdmin": "This server has several cohorts: {names}. Pick one with the `cohort` option.",
  "cohort.ambiguousName":
    "Several cohorts have a name that reads as **{name}**: {names}. Pick one from the list, or type it exactly as written (for a name shown with a #, type just that number).",
  "cohort.unknown": 'There\'s no cohort called "{value}" in this server. Start typing in the `cohort` option to see the choices.',
  "cohort.notJoined": "You're not a member of **{name}**. Use `/join` and pick it in the `cohort` option first.",
  "cohort.nameTaken": "This server already has a cohort called **{name}**. Choose another name.",
  "cohort.changedMeanwhile":
    "The cohort or its posts changed while saving (another edit, or a post going out), so nothing was changed. Try the edit again.",
  "cohort.nameInvalid": "A cohort name needs 1 to 80 characters.",
  "cohort.nameShowsNothing":
    "A cohort name needs 1 to 80 characters, and this one shows nothing: it holds only invisible characters (such as zero-width spaces). Use letters, digits or symbols.",
  "cohort.ended": "**{name}** has ended: it no longer takes new members or completions.",
  "cohort.finishedNoCompletions": "**{name}** has finished: it no longer takes new members or completions.",
  "cohort.endedNoChange": "**{name}** has ended: nothing more is posted in its channel, and its schedule no longer changes.",
  "cohort.finishedNoChange":
    "**{name}** has finished: its course is over, so its schedule no longer changes. Its name, channel, language and board settings still can.",
  "cohort.alreadyPaused": "**{name}** is already paused.",
  "cohort.notPaused": "**{name}** is not paused.",
  "cohort.alreadyEnded": "**{name}** has already ended.",
  "cohort.nothingToEdit": "Give at least one option to change.",
  "cohort.startCourseOver":
    "A cohort starting on **{start}** would already be over: its {weeks, plural, one {# week} other {# weeks}} ended on **{lastDay}**, so nothing would ever be posted. Pick a later `start` date (YYYY-MM-DD).",
  "cohort.startTooFar":
    "A cohort starting on **{start}** is too far ahead: the bot's calendar ends with the year 9999, and with room for extensions and breaks the latest start the bot accepts for this curriculum is **{latest}**. Pick an earlier `start` date (YYYY-MM-DD).",
  "cohort.otherNotMember": "That person isn't a member of **{name}**.",

  "curriculum.unknown": 'There\'s no curriculum called "{value}". Start typing in the `curriculum` option to see the choices.',
  "curriculum.none": "No curricula yet. An admin can import one with `/curriculum import`.",
  "curriculum.pickOne": "Several curricula are available: {titles}. Pick one with the `curriculum` option.",
  "curriculum.fileTooLarge": "That file is too large. Curriculum files can be at most {maxKb, number} KB.",
  "curriculum.fileNotText": "That file isn't a text file. Attach the learning path as a .md or .txt file.",
  "curriculum.fileUnreadable": "I couldn't download that attachment. Please attach it again.",
  "curriculum.malformed": "That file wasn't imported; nothing changed. Fix these and try again:",
  "curriculum.problemLine": "• line {line, number}: {message}",
  "curriculum.moreProblems": "…and {count, number} more.",

  "cohortAdmin.created": "**{name}** is set up and will post in {channel}. Members join with `/join`; check the settings below.",
  "cohortAdmin.edited": "Saved. These are **{name}**'s settings now.",
  "cohortAdmin.unchanged": "Nothing changed: **{name}** already has these settings.",
  "cohortAdmin.weekPostsLeftUp":
    "{count, plural, one {The week {weeks} post already sent stays in the channel} other {The posts of weeks {weeks} already sent stay in the channel}}: the bot does not delete messages, so remove {count, plural, one {it} other {them}} in Discord if {count, plural, one {it no longer fits} other {they no longer fit}}. The moved weeks are announced again at their new times.",
  "cohortAdmin.paused": "**{name}** is paused: no posts and no reminders until you run `/cohort resume`.",
  "cohortAdmin.resumed":
    "**{name}** is running again: posts and reminders are back on. Posts that came due while it was paused go out now if they are less than 24 hours late; older ones are not sent, except the closing post: if the course ended meanwhile, it goes out now, however late.",
  "cohortAdmin.ended":
    "**{name}** has ended: its closing post with the final leaderboard goes out if it has not yet, then no more posts, reminders or new members. Members keep their history and points.",
  "cohortAdmin.pausedNote": "Paused: nothing is posted and no reminders are sent until `/cohort resume`.",
  "cohortAdmin.endedNote": "Ended: the cohort posts nothing more.",
  "cohortAdmin.noMorePosts": "None left.",
  "cohortAdmin.noMoreCheckpoints": "None left.",
  "cohortAdmin.moreCohorts": "…and {count, number} more. Use `/cohort info` to see one.",

  "curriculumAdmin.created": "Imported **{title}** as a new curriculum (`{slug}`). Use it with `/cohort create curriculum:{slug}`.",
  "curriculumAdmin.updated":
    "Updated **{title}**. Cohorts on it see the new version; members keep their completions of {timed, select, yes {items} other {topics}} that are still there.",
  "curriculumAdmin.unchanged": "**{title}** is already up to date: this file is the same as the last import, so nothing changed.",
  "curriculumAdmin.replacesBuiltIn":
    "A built-in curriculum has the same name: in this server, `/cohort create` and `/curriculum list` now use this import instead. Cohorts already on the built-in one keep it.",
  "curriculumAdmin.counts":
    "{sections, plural, one {# section} other {# sections}}, {timed, select, yes {{items, plural, one {# item} other {# items}}} other {{items, plural, one {# topic} other {# topics}}}}.",
  "curriculumAdmin.kept":
    "{timed, select, yes {{removed, plural, one {# item removed} other {# items removed}}} other {{removed, plural, one {# topic removed} other {# topics removed}}}}{retired, plural, =0 {} one {, # kept hidden because members completed it} other {, # kept hidden because members completed them}}.",
  "curriculumAdmin.moreItems": "…and {count, number} more",
  "curriculumAdmin.moreSections": "…and {count, plural, one {# more section} other {# more sections}} (too long to show here).",
  "curriculumAdmin.moreCurricula": "…and {count, number} more",

  // --- Re-import diff and confirmation (issue 10, item 3) ---
  "curriculumImport.heading": "Review this update before it is written",
  "curriculumImport.intro":
    "**{title}** (`{slug}`) already exists. This is what the file would change; nothing is written until you press Confirm (within {minutes, number} minutes).",
  "curriculumImport.summary":
    "{timed, select, yes {} other {Topics: }}{added, plural, other {# added}} · {removed, plural, other {# removed}} · {changed, plural, other {# changed}} · {kept, number} kept",
  "curriculumImport.affected":
    "{completions, plural, =0 {No member completed a removed {timed, select, yes {item} other {topic}}: no completions are retired.} one {# completion of a removed {timed, select, yes {item} other {topic}} ({members, plural, one {# member} other {# members}}) is retired: the points stay, the {timed, select, yes {item} other {topic}} leaves their plan.} other {# completions of removed {timed, select, yes {items} other {topics}} ({members, plural, one {# member} other {# members}}) are retired: the points stay, the {timed, select, yes {items} other {topics}} leave their plans.}}",
  "curriculumImport.endingCohorts":
    "⚠️ The new version is {weeks, plural, one {# week} other {# weeks}} long (was {previous, number}): {count, plural, one {this running cohort is already past that, so its course would be over at once} other {these running cohorts are already past that, so their courses would be over at once}}: {names}{more, plural, =0 {} other { and # more}}.{paused, plural, =0 {} one { # of them is paused: its course ends when it is resumed, and its closing post goes out then.} other { # of them are paused: their courses end when they are resumed, and their closing posts go out then.}}",
  "curriculumImport.finishedCohortsKeep":
    "Finished cohorts keep the course they finished: {count, plural, one {# finished cohort on it gets} other {# finished cohorts on it get}} none of the new weeks.",
  "curriculumImport.addedField": "{timed, select, yes {Added} other {Topics added}} ({count, number})",
  "curriculumImport.removedField": "{timed, select, yes {Removed} other {Topics removed}} ({count, number})",
  "curriculumImport.changedField": "{timed, select, yes {Changed} other {Topics changed}} ({count, number})",
  "curriculumImport.titleLine": "• {title}",
  "curriculumImport.sectionsField": "Sections moved or renamed ({count, number})",
  "curriculumImport.sectionLine":
    "• {title}{moved, select, yes {: {previousWeeks} → {weeks}} other {}}{renamed, select, yes { (was {previousTitle})} other {}}",
  "curriculumImport.more": "…and {count, number} more",
  "curriculumImport.confirm": "Confirm update",
  "curriculumImport.cancel": "Cancel",
  "curriculumImport.cancelledHeading": "Update cancelled",
  "curriculumImport.cancelledBody": "Nothing changed: `{slug}` stays as it was.",
  "curriculumImport.unknown": "That update is not available. Upload the file again with `/curriculum import`.",
  "curriculumImport.notYours": "Only the admin who uploaded this file can confirm or cancel it.",
  "curriculumImport.alreadyApplied": "This update was already confirmed; it was imported once and nothing more changed.",
  "curriculumImport.cancelled": "This update was cancelled, so nothing changed. Upload the file again to import it.",
  "curriculumImport.expired": "This update waited too long and expired; nothing changed. Upload the file again with `/curriculum import`.",
  "curriculumImport.stale":
    "The curriculum changed after this preview, so nothing was imported. Upload the file again to see what it would change now.",
  "curriculumImport.slugTaken":
    "Nothing was imported: **{title}** already has the id `{slug}`, and this file's title would get the same id (they differ only in characters an id leaves out), so importing it would replace that curriculum. Change the first line of the file (its title), for example by adding a word, and import it again.",
  "curriculumImport.importerUnavailable":
    "The importer is restarting after a fault of its own, so nothing was imported yet. Press Confirm again in {seconds, plural, one {# second} other {# seconds}}.",
  "curriculumImport.importerFailed":
    "The importer failed to read this update (a fault of its own, not of the file), so nothing was imported. Please report it.",
  // --- end of re-import block ---

  "input.invalidDate":
    '{reason, select, format {"{value}" is not written as YYYY-MM-DD: give the year, month and day in that order, for example 2027-03-01.} year {"{value}" has a year before 1000: write the full four-digit year (YYYY-MM-DD), for example 2027-03-01.} other {"{value}" is not a date that exists. Use YYYY-MM-DD, for example 2027-03-01.}}',
  "input.invalidTimeZone": '"{value}" is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.',
  "input.timeZoneTypo":
    '"{value}" is not a time zone I know: did you mean {suggestions}? Time zones are IANA names such as Europe/Berlin or America/New_York.',
  "input.timeZoneAbbreviation":
    '"{value}" is an abbreviation, which I would read as {readAs}: maybe not your clock, as the same letters name different zones and may skip summer time. Use a place name such as Europe/London or America/New_York (start typing in `timezone` to see them).',
  // The CLI's wording: `simulate` takes the date as --start.
  "cli.startTooFar":
    "A cohort starting on **{start}** is too far ahead: the bot's calendar ends with the year 9999, and with room for extensions and breaks the latest start the bot accepts for this curriculum is **{latest}**. Give --start an earlier date (YYYY-MM-DD).",
  // The CLI's wording of the same mistake: it has --tz and no autocomplete.
  "cli.timeZoneAbbreviation":
    '"{value}" is an abbreviation, which I would read as {readAs}: maybe not your clock, as the same letters name different zones and may skip summer time. Give --tz a place name such as Europe/London or America/New_York (an IANA time zone name).',
  "input.invalidClock": '"{value}" is not a time of day. Use 24-hour HH:MM, for example 09:00 or 18:30.',
  "input.invalidWeekday": '"{value}" is not a day of the week. Use Monday … Sunday.',
  "input.invalidLanguage": '"{value}" is not a language I speak. Pick one from the `language` choices.',
  "input.invalidWeek": "Pick a week between 1 and {total, number}.",

  "item.unknown": "There's no item \"{value}\" in this cohort's curriculum. Start typing in the `item` option and pick one from the list.",
  "item.otherCohort":
    "That item was picked from the list of **{picked}**, but the `cohort` option names **{cohort}**. Pick the item again from the list, or leave the `cohort` option empty.",
  "item.pickAgain": "That item isn't on the list any more. Pick the item again from the list in the `item` option.",
  "item.ambiguous":
    "Several items match: {choices}. Pick one from the list in the `item` option, or type the title with its details in brackets, as written here.",
  "item.moreChoices": "…and {count, number} more",
  "item.choice":
    "**{title}** ({weeks} · {section}{withGroup, select, yes { · {group}} other {}}{ordinal, plural, =0 {} other { · '#'{ordinal}}})",
  "item.notDone": "You haven't marked **{title}** as done, so there's nothing to undo.",
  "item.notDoneTopic": "You haven't marked **{title}** as done, so there's nothing to undo.",

  "remind.disabledAfterFailures":
    "I couldn't send you your daily reminders of **{cohort}** by direct message, so I switched them off. Allow direct messages from server members and turn them back on with `/remind`.",
  "remind.refusedOnce":
    "I couldn't send you your last reminder of **{cohort}**: your direct messages are closed to me. Allow direct messages from this server's members (its Privacy Settings) to get the next ones, or stop them with `/remind off:True`. If three reminders of **{cohort}** in a row can't reach you, I'll switch them off.",
  "remind.offWithTime": "Pick one: `off:True` switches your reminder off, `time:` sets it. Nothing changed.",
  "remind.needTime": "You have no reminder yet, so give a time too, for example `/remind time:08:30`. Nothing changed.",
  "remind.isOff":
    "You have no daily reminder for **{cohort}**. Turn one on with `/remind time:08:30` (24-hour time{chosen, select, yes {, in the time zone kept for you, {zone}; `timezone:` changes it, `timezone:cohort` follows the cohort's zone} other {; add `timezone:` for another time zone}}).",
  "remind.isOn":
    "Your daily reminder for **{cohort}** is at **{time}** ({zone}); next one: {next}. Change it with `/remind time:`, or stop it with `/remind off:True`.",
  "remind.set":
    "Saved: I'll send you a direct message at **{time}** ({zone}) on days you still have reading left in **{cohort}**. Next one: {next}.",
  "remind.turnedOff":
    "Your daily reminder for **{cohort}** is off now. Turn it back on any time with `/remind time:`{chosen, select, yes {: it stays in the time zone kept for you, {zone} (`/remind timezone:cohort` follows the cohort's zone)} other {}}.",
  "remind.turnedOffForGood": "Your daily reminder for **{cohort}** is off now. The course is over for you, so no more reminders come.",
  "remind.followsCohort":
    "Your daily reminder for **{cohort}** is off, and now follows the cohort's time zone ({zone}): turned back on with `/remind time:`, it comes in that zone.",
  "remind.followCohortChoice": "The cohort's time zone (follows it when an admin changes it)",
  "remind.alreadyOff": "Your daily reminder for **{cohort}** was already off, so nothing changed.",
  "remind.directMessages": "Reminders come as direct messages: allow direct messages from members of this server to receive them.",
  "remind.dayHeld":
    "Your day stays **{day}** until your new time zone catches up, so a day that already ended in your previous time zone doesn't start over.",
  "remind.pausedNote": "This cohort is paused: no reminders are sent until an admin resumes it.",
  "remind.title": "⏰ Daily reminder",

  "checkpoint.noSections": "This cohort's curriculum has no sections, so there is no checkpoint yet.",
  "checkpoint.unknownSection":
    "This checkpoint is no longer part of the cohort's curriculum, so there is nothing to answer. Run `/checkpoint` to see the current one.",
  "checkpoint.ask":
    "How confident do you feel about it? Pick an answer below; you can change it any time. Admins see each member's answer.",
  "checkpoint.yourAnswer": "Your answer so far: **{answer}**.",
  "checkpoint.outcomesIntro": "After this path you should be able to:",
  "checkpoint.noText": "Look back at **{section}**: could you explain its main ideas to someone else?",
  "checkpoint.recorded": "Recorded **{answer}** for the **{section}** checkpoint.",
  "checkpoint.changed": "Changed your **{section}** checkpoint answer from {previous} to **{answer}**.",
  "checkpoint.unchanged": "Your **{section}** checkpoint answer was already **{answer}**, so nothing changed.",
  "checkpoint.notYetHint": "No worries: `/week` shows the section's reading again, and `/today` what is due now.",
  "checkpoint.notYetHintAfterCourse": "No worries: `/week` shows the section's reading again, to go back to it at your own pace.",
  "checkpoint.partlyHint": "Good start: `/week` lists the section's items again, so you can go back to the ones that felt shaky.",
  "checkpoint.confidentHint": "Nice work!",
  "checkpoint.moreSections":
    "{count, plural, one {# more section ends this week too: answer its checkpoint with the buttons of its post} other {# more sections end this week too: answer their checkpoints with the buttons of their posts}} in the cohort's channel.",

  "week.referenceIntro": "Reference material: listed, never assigned, worth no points.",
  "week.nothingAssigned": "Nothing assigned.",
  "week.beforeStart": "The course starts on **{start}**; this is its first week.",
  "week.startsOn": "The course starts on **{start}**.",
  "week.endedBeforeStart": "The cohort was ended before its start: this week never ran.",
  "week.afterEnd": "The course is over; this is its last week.",
  "week.unestimated": "{count, plural, one {# item} other {# items}} without an estimate (counted as 15 min for points).",

  "progress.leftCohort": "{name} has left this cohort; their history is kept.",

  "leaderboard.emptyWeek": "Nobody has points in week {week, number} yet. Log your reading with `/done` to get on the board.",
  "leaderboard.emptyWeekOver": "Nobody logged points in week {week, number}.",
  "leaderboard.emptyAll": "Nobody has points yet. Log your reading with `/done` to get on the board.",
  "leaderboard.callerRanked": "**{name}**: #{rank, number} of {ranked, number} · {points, number} pts",
  "leaderboard.callerUnrankedWeek": "**{name}**: no points this week yet",
  "leaderboard.callerUnrankedWeekOver": "**{name}**: no points in week {week, number}",
  "leaderboard.callerUnrankedAll": "**{name}**: no points yet",
  "leaderboard.callerUnrankedCourse": "**{name}**: no points during the course",
  "leaderboard.callerOffFinalBoard":
    "**{name}**: not on the final leaderboard (it was settled when the course closed) · {points, number} pts",
  "leaderboard.standing": "{place} **{name}** · {points, number} pts",
  "leaderboard.standingAlias": "{place} *{alias}* · {points, number} pts",
  "leaderboard.anonymous": "A member",
  "leaderboard.place": "{rank, number}\\.",

  "posts.noCheckpoint": "This cohort's curriculum has no checkpoint prompts to post.",
  "posts.notStarted":
    "**{name}** starts on **{start}**: {kind, select, week {there's no weekly assignment to post yet} checkpoint {there's no checkpoint to post yet} other {there's no leaderboard to post yet}}, so nothing was posted.",
  "posts.channelProblem":
    "{problem, select, channel_missing {The cohort channel {channel} no longer exists, so the bot's posts are on hold. Pick a new channel with `/cohort edit channel:`.} other {I can't post in {channel} any more (I need **View Channel**, **Send Messages** and **Embed Links** there), so the bot's posts are on hold. Fix the channel's permissions, or pick another channel with `/cohort edit channel:`.}}",
  "posts.announceFailed": "Discord didn't accept the post just now. Please try again in a minute.",
  "posts.previewHeader":
    "**Preview of week {week, number} of {totalWeeks, number}** for **{cohort}**: {posted, select, all {what the bot posted} some {what the bot posted and will post} missed {what the bot posted, or was to post and did not,} allMissed {what the bot was to post and did not} missedToCome {what the bot was to post and did not, and what it will post} postedMissedToCome {what the bot posted, was to post and did not, and will post} other {what the bot will post}} in {channel}. Only you see this.",
  "posts.previewInactive": "_The cohort is paused: nothing is posted until it is resumed._",
  "posts.previewHidden":
    "_{hidden, plural, one {# more embed} other {# more embeds}} not shown here: Discord limits one reply to {maxEmbeds, number} embeds and {maxCharacters, number} characters._",
  "posts.simulationUnknown": 'There\'s no cohort (id or name) or curriculum (slug) called "{value}". See `npm run cli -- curriculum list`.',
  "posts.simulationAmbiguous": "Several cohorts have that name; give one of these ids instead: {cohorts}.",
  "posts.announced": "Posted {what} in {channel}{messages, plural, =1 {} other { (# messages)}}.",
  "posts.announcedRest":
    "Posted the missing {missing, plural, other {#}} of {parts, number} messages of {what} in {channel}: {already, plural, one {the first was} other {the first # were}} already there.",
  "posts.announcedAlready":
    "The announcement of {what} was already complete in {channel}: {parts, plural, one {its message was} other {all # messages were}} there, so nothing more was posted.",
  "posts.announcePartial":
    "Only {posted, plural, other {#}} of {parts, number} messages of {kind, select, week {the week {week, number} assignment} checkpoint {the checkpoint prompt of {section}} other {the leaderboard}} went out in {channel}: {problem, select, channel_missing {the channel no longer exists, and those messages with it. Pick a new channel with `/cohort edit channel:`, then run the same `/cohort announce` again: it posts all {parts, number} messages there.} no_permission {I can't post there any more (I need **View Channel**, **Send Messages** and **Embed Links** there). Fix the channel's permissions, then run the same `/cohort announce` again: it posts only the {missing, plural, one {missing message} other {# missing messages}} (all of them if you pick another channel instead).} other {Discord didn't accept the rest just now. Run the same `/cohort announce` again in a minute: it posts only the {missing, plural, one {missing message} other {# missing messages}}.}}",
  "posts.announceInProgress":
    "{kind, select, week {The week {week, number} assignment} checkpoint {The checkpoint prompt of {section}} other {The leaderboard}} is being posted in {channel} right now by another `/cohort announce`, so this one posted nothing. Look at the channel in a minute: if messages are still missing then, run the same `/cohort announce` again.",
  "posts.announcedWeek": "the week {week, number} assignment",
  "posts.announcedCheckpoint": "the checkpoint prompt of {section}",
  "posts.announcedLeaderboard": "the leaderboard",

  "completion.logged":
    "Logged **{title}**: **+{points, plural, one {# point} other {# points}}**{onTime, select, yes { (includes the {bonus, number} % on-time bonus)} other {}}.",
  "completion.loggedNoPoints":
    "Logged **{title}**{forDay, select, yes { for **{date}**} other {}}: {reference, select, yes {reference material, worth no points} other {worth no points}}.",
  "completion.alreadyDone": "You had already marked **{title}** as done, so nothing changed.",
  "completion.alreadyDoneTopic": "You had already marked **{title}** as done, so nothing changed.",
  "completion.totals": "Total: **{total, plural, one {# point} other {# points}}**",
  "completion.required": "{timed, select, yes {Required items} other {Required topics}}: {bar} {done, number}/{total, number}",
  "completion.titleDone": "Done!",
  "completion.titleAlready": "Already done",
  "completion.titleAlreadyTopic": "Already done",
  "completion.afterCourse": "The cohort's course is over: this counts in `/progress`, not in its final standings.",
  "undo.title": "Completion removed",
  "undo.titleTopic": "Completion removed",
  "undo.descriptionNoPoints":
    "**{title}** is no longer marked as done ({reference, select, yes {reference material, worth no points} other {it was worth no points}}). Total: **{total, plural, one {# point} other {# points}}**.",
  "undo.description":
    "**{title}** is no longer marked as done: **−{points, plural, one {# point} other {# points}}**. Total: **{total, plural, one {# point} other {# points}}**.",
  "undo.descriptionTopic":
    "**{title}** is no longer marked as done: **−{points, plural, one {# point} other {# points}}**. Total: **{total, plural, one {# point} other {# points}}**.",

  "format.noEstimate": "no estimate",
  "format.minutes": "{minutes, number} min",
  "format.hours": "{hours, number} h",
  "format.hoursMinutes": "{hours, number} h {minutes, number} min",
  "format.weeksLower": "{same, select, yes {week {start}} other {weeks {start}–{end}}}",
  "format.weeksUpper": "{same, select, yes {Week {start}} other {Weeks {start}-{end}}}",
  "format.more": "…and {count, number} more",

  "today.title": "{cohort} · {phase, select, notStarted {Not started yet} finished {Course finished} other {Week {week} · Day {day}}}",
  "today.date": "**{date}** ({own, select, yes {your time} other {cohort time}}, {zone})",
  "today.nothingNoMore": "Nothing is assigned today, and the plan has no more reading days.",
  "today.nothingNext": "Nothing is assigned today. Next reading day: **{date}**.",
  "today.due": "Due by {due} · {left} left of {total}",
  "today.plannedEnded": "Planned for today: {total}",
  "today.paused": "⏸️ This cohort is paused: no posts or reminders for now.",
  "today.ended": "🏁 This cohort has ended: it takes no more completions. Your history and points are kept.",
  "today.finished": "🎓 This cohort has finished: it takes no more completions. Your history and points are kept.",
  "today.item": "{mark} **{title}** · {kind} · {minutes}",
  "today.overdueName": "Overdue · {count, plural, one {# item} other {# items}} · {minutes}",
  "today.overdueItem": "⬜ {title} · {minutes} · from {date}",
  "today.weekProgress": "Week {week} progress",
  "today.weekProgressValue": "{bar} {done, number}/{total, number} {timed, select, yes {items} other {topics}}",
  "today.doneButton": "Done: {title}",
  "today.doneButtonTopic": "Done: {title}",
  "today.afterCourse":
    "The cohort's course is over by its own clock: reading you log now counts in `/progress`, not in its final standings.",
  "kind.Required": "Required",
  "kind.Optional": "Optional",
  "kind.Reference": "Reference",
  "kindTopic.Required": "Required",
  "kindTopic.Optional": "Optional",
  "kindTopic.Reference": "Reference",
  "item.chooseOne": "Choose one: {tracks}",

  "week.range": "**{from} – {to}** ({own, select, yes {your time} other {cohort time}}, {zone})",
  "week.section": "📘 **{title}** · {weeks}",
  "week.total": "Total: **{minutes}** · {items, plural, one {# item} other {# items}} · {done, plural, other {# done}}",
  "week.dayName": "{date} · {minutes}",
  "week.item": "{mark} {title} · {kind} · {minutes}",
  "week.referenceName": "Reference · {count, plural, one {# item} other {# items}}",
  "week.referenceItem": "📎 {title} · {minutes}",
  "week.title": "{cohort} · Week {week} of {total}{current, select, yes { (this week)} other {}}",
  "week.footer": "✅ done · ⬜ to do · /done item: logs one",
  "week.footerTopics": "✅ done · ⬜ to do · /done item: logs one",
  "progress.required": "{timed, select, yes {Required items} other {Required topics}}: {bar} **{done, number}/{total, number}**",
  "progress.readingTime": "Reading time: **{done}** of {total}",
  "progress.topicsRead": "Topics read: **{done, number}** of {total, number}",
  "progress.pointsUnranked":
    "Points: **{points, number}** · Not ranked yet: points put {own, select, yes {you} other {them}} on the leaderboard.",
  "progress.pointsRanked": "Points: **{points, number}** · Rank: **#{rank, number}** of {ranked, number}",
  "progress.pointsHidden": "Points: **{points, number}** · Hidden from the board · you would be **#{rank, number}**",
  "progress.pointsExcluded": "Points: **{points, number}** · Not ranked in this cohort (your role is left off its boards)",
  "progress.pointsOffFinalBoard": "Points: **{points, number}** · Not on the final leaderboard: it was settled when the course closed.",
  "progress.pointsLeft": "Points: **{points, number}** · Off the leaderboard since leaving the cohort",
  "progress.section": "{bar} {done, number}/{total, number} · {title} ({weeks})",
  "progress.title": "Progress · {name}",
  "progress.sections": "Sections",
  "progress.sectionsContinued": "Sections (continued)",
  "leaderboard.title": "🏆 {cohort} · {weekly, select, yes {Week {week}} other {All time}}",
  "leaderboard.footer":
    "{ranked, plural, one {# member} other {# members}} with points · {weekly, select, yes {/leaderboard period:all for all time} over {/leaderboard for the last week} other {/leaderboard for this week}}",
  "join.already": "You're already a member of **{name}**.",
  "join.renamed": "Your name on its boards is now **{name}**.",
  "join.renamedOffBoards": "Your stored name is now **{name}** (this cohort's boards do not show that name).",
  "join.reminderBack": "Your daily reminder is on again, at **{time}** ({zone}): `/remind off:True` stops it.",
  "join.rejoined": "Welcome back to **{name}**! Your earlier progress is still here. Run `/today` to see today's reading.",
  "join.joined": "Welcome to **{name}**! Run `/today` to see today's reading, and `/done` to log what you finish.",
  "leave.left": "You left **{name}**. Your history is kept; `/join` again any time to pick up where you were.",
  "leave.notMember": "You're not a member of **{name}**, so there was nothing to leave.",
  "leave.leftEnded": "You left **{name}**. Your history is kept, but the cohort has ended, so `/join` can't take you back into it.",
  "leave.leftFinished": "You left **{name}**. Your history is kept, but the course is over, so `/join` can't take you back into it.",
  "checkpoint.answer.confident": "Confident",
  "checkpoint.answer.partly": "Partly",
  "checkpoint.answer.not_yet": "Not yet",
  "checkpoint.objective": "This section's aim: {text}",
  "checkpoint.outcome": "• {text}",
  "checkpoint.buttonFor": "{section}: {answer}",
  "checkpoint.title": "✅ Checkpoint · {section}",
  "checkpoint.footer": "{cohort} · {weeks} of {total}",
  "checkpoint.postAsk":
    "How confident do you feel about it? Pick an answer below. You can change it later; admins see each member's answer.",
  "checkpoint.continued": "Checkpoint (continued)",
  "remind.next": "{at} ({relative})",
  "remind.nextNone": "none, as your plan has no more days with reading",
  "remind.nextPaused": "none while the cohort is paused",
  "reminderDm.intro": "Still to read today (**{date}**, {minutes}), due by {due}:",
  "reminderDm.item": "• **{title}** · {kind} · {minutes}",
  "reminderDm.overdue":
    "Also {count, plural, one {# overdue {timed, select, yes {item} other {topic}}} other {# overdue {timed, select, yes {items} other {topics}}}} from earlier days.",
  "reminderDm.howTo": "Run `/today` in the server to mark items done. `/remind off:True` stops these reminders.",
  "reminderDm.title": "⏰ Reading reminder · {cohort}",
  "cohortAdmin.status.active": "🟢 Active",
  "cohortAdmin.status.paused": "⏸️ Paused",
  "cohortAdmin.status.ended": "🏁 Ended",
  "cohortAdmin.weekNotStarted": "Not started · {total, plural, one {# week} other {# weeks}}",
  "cohortAdmin.weekFinished": "Finished · {total, plural, one {# week} other {# weeks}}",
  "cohortAdmin.weekCurrent": "Week {week} of {total}",
  "cohortAdmin.weekEndedBeforeStart": "Ended before its start · {total, plural, one {# week} other {# weeks}}",
  "cohortAdmin.weekEndedIn": "Ended in week {week} of {total}",
  "cohortAdmin.members": "{count, plural, one {# member} other {# members}}",
  "cohortAdmin.listName": "**{name}** · {status} · {channel}",
  "cohortAdmin.listOnHold": "⚠️ Posts on hold: see `/cohort info`",
  "cohortAdmin.listResuming":
    "{paused, select, yes {✅ I can post in the channel again: posts on hold go out once the cohort is resumed} other {✅ Posts on hold go out within a few minutes: I can post in the channel again}}",
  "cohortAdmin.listDetail": "↳ {curriculum} · starts {start} · {week} · {members}",
  "cohortAdmin.listTitle": "Cohorts in this server ({count, number})",
  "cohortAdmin.listOneTitle": "One cohort of this server",
  "cohortAdmin.postAt": "{at} ({relative}) · {detail}",
  "cohortAdmin.postCatchingUp": "Within a minute (it was due {at}) · {detail}",
  "cohortAdmin.postOnHold": "On hold until the channel is fixed: it goes out then if that is before {until} (it was due {at}) · {detail}",
  "cohortAdmin.postResuming": "Within a few minutes, now that I can post in the channel again (it was due {at}) · {detail}",
  "cohortAdmin.postWeek": "week {week}",
  "cohortAdmin.field.status": "Status",
  "cohortAdmin.field.channel": "Channel",
  "cohortAdmin.field.members": "Members",
  "cohortAdmin.field.curriculum": "Curriculum",
  "cohortAdmin.curriculumValue": "{title} (`{slug}`) · {weeks, plural, one {# week} other {# weeks}}",
  "cohortAdmin.field.start": "Start",
  "cohortAdmin.field.lastDay": "Last day",
  "cohortAdmin.field.progress": "Progress",
  "cohortAdmin.field.timeZone": "Time zone",
  "cohortAdmin.field.weeklyPost": "Weekly post",
  "cohortAdmin.weeklyPostValue": "{weekday}s at {time}",
  "cohortAdmin.field.optional": "Optional items",
  "cohortAdmin.optionalAssigned": "{assigned, select, yes {Assigned} other {Not assigned}}",
  "cohortAdmin.field.language": "Language",
  "cohortAdmin.field.nextWeeklyPost": "Next weekly post",
  "cohortAdmin.field.nextCheckpoint": "Next checkpoint",
  "cohortAdmin.field.note": "Note",
  "cohortAdmin.field.channelProblem": "⚠️ Channel problem",
  "cohortAdmin.field.picturesBlocked": "⚠️ Pictures",
  "cohortAdmin.picturesBlocked":
    "I can't attach files in {channel}, so its posts go out without their charts (their text gives the same figures). Give me the **Attach Files** permission there and the next posts will carry them again.",
  "cohortAdmin.field.threadsBlocked": "⚠️ Discussion threads",
  "cohortAdmin.threadsBlocked":
    "I can't create threads in {channel}, so its weekly posts go out without their week's discussion thread. Give me the **Create Public Threads** permission there and the next weekly posts will open one again.",
  "cohortAdmin.field.excludeRoleUnlisted": "⚠️ Never ranked",
  "cohortAdmin.field.excludeRoleDeleted": "⚠️ exclude_role deleted",
  "cohortAdmin.excludeRoleDeleted":
    "The role set as exclude_role was deleted from the server, so nobody is kept off the boards now: members who held it are ranked again. Pick another role with `/cohort edit exclude_role:`, or clear it with `exclude_role:@everyone`.",
  "cohortAdmin.excludeRoleDeletedValue": "A deleted role: nobody",
  "cohortAdmin.excludeRoleUnlisted":
    "Discord won't let me list who holds {role}, so a member given it is kept off the boards only from their own next command. Turn on the **Server Members Intent** for the bot (Developer Portal → your application → Bot → Privileged Gateway Intents), then set the role again with `/cohort edit exclude_role:`.",
  "cohortAdmin.field.boardsBlocked": "⚠️ Posted boards",
  "cohortAdmin.boardsBlocked":
    "I'm missing {count, plural, one {the {permissions} permission} other {the {permissions} permissions}} in {channel}, so I can't edit the boards I already posted there: when a member deletes their data or hides from the boards, I can't take them out of those boards (I try again less and less often, then give up after about five days). Give {count, plural, one {it} other {them}} to me there: the boards I have given up on are edited once you give {count, plural, one {it} other {them}} back (usually within a few minutes), and so are the later changes' boards.",
  "cohortAdmin.heldForPermissions":
    "I can't post in {channel} any more: I'm missing {count, plural, one {the {permissions} permission} other {the {permissions} permissions}} there, so the bot's posts are on hold. Give {count, plural, one {it} other {them}} to me in the channel's settings, or pick another channel with `/cohort edit channel:`.",
  "cohortAdmin.channelUsableAgain":
    "{paused, select, yes {I can post in {channel} again: the bot's posts go out there once you resume the cohort with `/cohort resume`.} other {I can post in {channel} again: the bot's posts on hold go out within a few minutes.}}",
  "cohortAdmin.finalEditWaiting":
    "The last week's board in {channel} gets its final edit once I have my permissions back there, if that is within a day of the week's end; after that it stays as it is.",
  "cohortAdmin.finalEditChannelGone":
    "The cohort channel {channel} no longer exists, and the last week's board with it: it gets no final edit. Nothing waits for the channel any more; to give the cohort another one, pick it with `/cohort edit channel:`.",
  "cohortAdmin.channelTrouble":
    "{check, select, missing {The cohort channel {channel} no longer exists. The bot's next posts will wait until you pick a new channel with `/cohort edit channel:`.} not_text {{channel} is not a text channel. The bot's next posts will wait until you pick a text channel with `/cohort edit channel:`.} other {I can't post in {channel} now: I'm missing {count, plural, one {the {permissions} permission} other {the {permissions} permissions}} there. The bot's next posts will wait until you give {count, plural, one {it} other {them}} to me in the channel's settings, or pick another channel with `/cohort edit channel:`.}}",
  "cohortAdmin.footer": "Cohort id {id}",
  "cohortAdmin.tallyName": "Checkpoint self-assessments",
  "cohortAdmin.tallyLine": "{section}: Confident {confident, number} · Partly {partly, number} · Not yet {notYet, number}",
  "cohortAdmin.tallyNone": "No answers yet.",
  "cohortAdmin.tallyEarlier": "…and {count, plural, one {# earlier section} other {# earlier sections}}",
  "curriculumAdmin.scopeBuiltIn": "built in",
  "curriculumAdmin.scopeReplacesBuiltIn": "imported in this server, used instead of the built-in one of the same name",
  "curriculumAdmin.scopeImported": "imported in this server",
  "curriculumAdmin.listLine": "**{title}** · `{slug}` · {weeks, plural, one {# week} other {# weeks}} · {scope}",
  "curriculumAdmin.listTitle": "Curricula ({count, number})",
  "curriculumAdmin.group": "*{group}*",
  "curriculumAdmin.item":
    "• {title}{minutes, select, none {} other { · {minutes}}}{kind, select, Required {} Choice { *(choose one)*} Optional { *(optional)*} other { *(reference)*}}",
  "curriculumAdmin.noItems": "No items.",
  "curriculumAdmin.weeks": "{weeks, plural, one {# week} other {# weeks}}",
  "curriculumAdmin.sections": "{count, plural, one {# section} other {# sections}}",
  "curriculumAdmin.required": "{count, plural, other {# required}} ({minutes})",
  "curriculumAdmin.requiredTopics": "{count, plural, other {# required}}",
  "curriculumAdmin.optional": "{count, plural, other {# optional}}",
  "curriculumAdmin.reference": "{count, number} reference",
  "curriculumAdmin.sectionName": "{weeks} · {title}{minutes, select, none {} other { · ~{minutes}}}",
  "curriculumAdmin.outcomesName": "After this path you can…",
  "curriculumAdmin.outcome": "• {outcome}",
  "curriculumAdmin.notImported": "Curriculum not imported",
  "curriculumAdmin.headingCreated": "Curriculum imported",
  "curriculumAdmin.headingUpdated": "Curriculum updated",
  "curriculumAdmin.headingUnchanged": "Nothing changed",
  "weekPost.item": "• **{title}** · {kind} · {minutes}{withTrack, select, yes { · {track}} other {}}",
  "weekPost.noEstimate": "no time estimate",
  "weekPost.time": "{minutes}{unestimated, plural, =0 {} other { + # without an estimate}}",
  "weekPost.dayName": "{date} · {time}",
  "weekPost.free": "free",
  "weekPost.nothingAssigned": "Nothing assigned: catch up or read ahead.",
  "weekPost.dayContinued": "{date} (continued)",
  "weekPost.header": "**{curriculum}** · {from} – {to}",
  "weekPost.thisWeekNone": "**This week:** no new reading",
  "weekPost.thisWeek": "**This week:** {sections}",
  "weekPost.section": "{title} ({weeks})",
  "weekPost.totalNone": "**Total:** nothing new this week: a good time to catch up.",
  "weekPost.totalNoneChoice": "**Total:** nothing new this week: keep going with the track you chose, or catch up.",
  "weekPost.total":
    "**Total:** {items, plural, one {# item} other {# items}} · {time} over {days, plural, one {# study day} other {# study days}}",
  "weekPost.checkpoint": "**Checkpoint:** {section} on {at}",
  "weekPost.reference": "**Reference:** {count, plural, one {# item} other {# items}} to look things up in, listed in `/week`.",
  "weekPost.howTo": "Run `/today` each day for your list, and `/done` to log what you finish.",
  "weekPost.topName": "🏆 Week {week} top five",
  "weekPost.topEmpty": "Nobody logged points in week {week}. This week could be yours!",
  "weekPost.title": "📚 Week {week} of {total} · {cohort}",
  "weekPost.footer": "{cohort} · week {week} of {total}",
  "weekPost.continued": "Week {week} (continued)",
  "weekPost.thread": "Week {week} discussion · {cohort}",
  "boardPost.more": "…and {count, number} more with points",
  "boardPost.thisWeek": "This week (week {week})",
  "boardPost.thisWeekEmpty": "No points logged this week yet.",
  "boardPost.allTime": "All time",
  "boardPost.allTimeEmpty": "No points logged yet.",
  "boardPost.title": "🏆 Leaderboard · {cohort}",
  "boardPost.description":
    "{timed, select, yes {Points come from logged reading: its estimated minutes, plus {bonus} % when it's done by the end of its day.} other {Points come from logged topics: {points, number} for each, plus {bonus} % for each done by the end of its day.}} Use `/leaderboard` any time.",
  "boardPost.continued": "Leaderboard (continued)",
  "closingPost.finalName": "🏆 Final leaderboard",
  "closingPost.finalEmpty": "Nobody logged points during the course.",
  "closingPost.outcomesName": "What you can do now",
  "closingPost.title": "🎓 {cohort} is complete",
  "closingPost.description":
    "That's the end of {weeks, plural, one {the one week} other {all # weeks}} of **{curriculum}**. Thank you for reading along, and congratulations to everyone who took part!",
  "closingPost.footer": "{cohort} · final post",
  "closingPost.continued": "Course complete (continued)",
  "closingPost.endedTitle": "🏁 {cohort} has ended",
  "closingPost.endedDescription":
    "{week, plural, =0 {It was ended before its first week} other {It was ended after week # of {weeks}}} of **{curriculum}**. Thank you to everyone who read along!",
  "closingPost.endedContinued": "Cohort ended (continued)",
  "preview.weekLabel": "Week {week} assignment",
  "preview.checkpointLabel": "Checkpoint prompt · {section}",
  "preview.closingLabel": "Closing post",
  "preview.post":
    "• {label}{parts, plural, =1 {} other { (# messages)}}: {posted, select, yes {posted {at}} missed {not posted: due {at}, and it will not go out (more than 24 hours late, or given up on)} other {{at}}} ({relative})",

  // The curriculum importer's problems, one per code of src/domain/curriculum/parse/problemCodes.ts; quoted parameters are excerpts of the document.
  "parse.importerFailed": "The importer could not read this file ({reason}). Please report it.",
  "parse.parseTimedOut": "Reading this file took more than {seconds, number} seconds, so it was stopped. Please report it.",
  "parse.importerUnavailable":
    "The importer is restarting after a fault of its own, not of this file. Try the import again in {seconds, plural, one {# second} other {# seconds}}.",
  "parse.notText": "The curriculum must be given as text.",
  "parse.fileTooLarge":
    "The file is too large ({characters, number} characters; the limit is {limit, number}). Split it into smaller paths.",
  "parse.fileEmpty": 'The file is empty. A curriculum starts with its title, then sections such as "Week 1-2: Database Fundamentals".',
  "parse.moreProblems": "…and {count, number} more problems from here on; fix the ones above first.",
  "parse.lineTooLong": "Line is {length, number} characters long (the limit is {limit, number}); break it up.",
  "parse.controlCharacters":
    "This line contains control characters: the file does not look like plain text. Save the curriculum as UTF-8 text.",
  "parse.codeBlockUnclosed":
    "The code block opened on this line is never closed, so the rest of the file would be hidden: close it with a line of three backticks (or tildes, as it was opened).",
  "parse.codeBlockHidesSection":
    "The code block opened on this line hides the section heading on line {sectionLine, number, ::group-off}: close the code block before it (a line of three backticks).",
  "parse.frontMatterHidesSection":
    'This section heading is inside the front matter (between the "---" lines at the top): move it below the closing "---".',
  "parse.frontMatterUnclosed": 'The front matter that starts here has no closing "---" line.',
  "parse.titleNotFirst": 'The first line should be the path\'s title (e.g. "Backend Engineer Learning Path").',
  "parse.titleHeadingEmpty": "The title heading has no text.",
  "parse.titleMissing":
    '{format, select, markdown {The curriculum has no title: start it with a heading such as "# Backend Engineer - Complete Mastery Path".} other {The curriculum has no title: its first line should be the path\'s title.}}',
  "parse.titleTooLong": 'The title "{title}" is {length, number} characters long; the limit is {limit, number}. Shorten it.',
  "parse.headingUnreadable": 'Section heading "{heading}" is not in a form the importer reads: write "Week 3: Title" or "Week 3-4: Title".',
  "parse.weekZero": 'Section heading "{heading}" uses week 0: weeks are numbered from 1.',
  "parse.weekRangeBackwards":
    'Section heading "{heading}" has its week range backwards ({start, number, ::group-off}-{end, number, ::group-off}): write it as {end, number, ::group-off}-{start, number, ::group-off}.',
  "parse.weekBeyondLimit": 'Section heading "{heading}" goes beyond week {limit, number}; check the week numbers.',
  "parse.headingWithoutTitle":
    'Section heading "{heading}" has no title: write e.g. "Week {week, number, ::group-off}: Database Fundamentals".',
  "parse.phaseWithoutWeeks": 'Phase heading "{heading}" needs a week range, e.g. "### Phase 1: Foundations (Weeks 1-4)".',
  "parse.noSections":
    'No sections found. Sections start with a heading such as "Week 1-2: Database Fundamentals" (in Markdown also as a heading of any level, "## Week 1-2: …", or "### Phase 1: Foundations (Weeks 1-4)"), followed by their items.',
  "parse.tooManySections": "The path has {count, number} sections; the limit is {limit, number}. Split it into smaller paths.",
  "parse.sectionWithoutItems":
    'Section "{section}" has no items: add at least one line like {format, select, markdown {"- Internet fundamentals: HTTP, DNS, TCP/IP"} other {"- [ ] Required -- Storage Engines (30 min)"}} under it.',
  "parse.tooManyItems":
    'Section "{section}" has {count, number} items; the limit is {limit, number} per section. Split it into several sections.',
  "parse.duplicateSection":
    'Section heading "{section}" repeats the one on line {firstLine, number, ::group-off}: merge the two sections or rename one.',
  "parse.duplicateSectionKey":
    'Section "{section}" would get the same identity as the section on line {firstLine, number, ::group-off}; give it a more distinct title.',
  "parse.firstWeekNotOne":
    'The first section, "{section}", starts in week {week, number, ::group-off}: a cohort would have nothing to read in {before, plural, one {week 1} other {weeks 1-{before, number, ::group-off}}}. Number the weeks from 1.',
  "parse.weekGap":
    'Section "{section}" starts in week {start, number, ::group-off}, but no section covers {count, plural, one {week {from, number, ::group-off}} other {weeks {from, number, ::group-off}-{to, number, ::group-off}}} (the one before, on line {previousLine, number, ::group-off}, ends in week {previousEnd, number, ::group-off}): a cohort would have nothing to read then. Number the weeks without gaps; a cohort can take a week off with `/cohort break`.',
  "parse.duplicateItem":
    'Item "{item}" repeats the one on line {firstLine, number, ::group-off} in the same section{inGroup, select, yes { and group "{group}"} other {}}{onTrack, select, yes {, on the same track "{track}"} other {}}: members could not tell them apart. Rename one (e.g. "… (part 2)") or remove it.',
  "parse.sectionAfterClosing":
    'Section heading "{heading}" comes after the closing part of the path (which starts on line {closingLine, number, ::group-off}); move the closing lists to the end.',
  "parse.itemWithoutKind":
    'Item "{item}" has no kind: write it like "- [ ] Required -- Storage Engines (30 min)" (kinds: Required, Optional, Reference).',
  "parse.unknownKind": 'Unknown item kind "{kind}": use Required, Optional or Reference.',
  "parse.itemWithoutTitle": 'Item has no title: write it like "- [ ] Required -- Storage Engines (30 min)".',
  "parse.durationUnreadable":
    'Item "{item}": cannot read the duration "({duration})": write it like "(30 min)", "(1 hour)", "(1.5 hours)" or "(1h 30min)". If the parenthesis is part of the title, add the duration after it.',
  "parse.durationTooShort": 'Item "{item}": the duration "({duration})" must be at least 1 minute.',
  "parse.durationTooLong":
    'Item "{item}": the duration "({duration})" is more than {hours, number} hours; check for a typo or split the reading up.',
  "parse.durationNotAtEnd":
    'Item "{item}": the duration "({duration})" must end the line, but "{note}" follows it. Move the note before the duration: "{rewritten}".',
  "parse.itemBeforeFirstSection":
    'Item before the first section: put it under a section heading such as "Week 1-2: Database Fundamentals".',
  "parse.itemOutsidePhase": 'Item outside any phase: put it under a heading such as "### Phase 1: Foundations (Weeks 1-4)".',
  "parse.itemAfterClosing":
    'Item "{item}" comes after the closing part of the path (which starts on line {closingLine, number, ::group-off}); move it into a section.',
  "parse.emptyTopic": 'Empty topic in phase "{section}": write it like "- Internet fundamentals: HTTP, DNS, TCP/IP" or remove the line.',
  "parse.listLineNotItem":
    'List line "{text}" inside section "{section}" is not an item: write it like "- [ ] Required -- Storage Engines (30 min)".',
  "parse.itemWithoutCheckbox":
    'Line "{text}" in section "{section}" reads like an item without its "- [ ]": add "- [ ]" for an item ("- [ ] Required -- Storage Engines (30 min)"), or end it with ":" for a group.',
  "parse.unexpectedLine":
    '{format, select, markdown {Unexpected line "{text}" after the topics of phase "{section}": make it a topic ("- Internet fundamentals: HTTP, DNS, TCP/IP") or a group label ("**Group:**"), or move it above the topics.} other {Unexpected line "{text}" in section "{section}": expected an item ("- [ ] Required -- Storage Engines (30 min)"), a group heading followed by items, or "Checkpoint" followed by its paragraph.}}',
  "parse.groupWithoutName": "A group heading needs a name before the colon.",
  "parse.trackWithoutName":
    'A "choose one" track needs a name that shows, in bold before its topics "{text}": write it like "- **Go Path:** Goroutines, channels".',
  "parse.needsSectionFirst": '"{text}" must come after a section heading such as "Week 1-2: Database Fundamentals".',
  "parse.estimateRepeated": 'Section "{section}" already has an estimated reading time; keep one.',
  "parse.estimateUnreadable": 'Cannot read the reading time "{value}": write it like "6 hours", "3.5 hours" or "45 min".',
  "parse.estimateTooShort": 'The reading time "{value}" must be at least 1 minute.',
  "parse.estimateTooLong": 'The reading time "{value}" is more than {hours, number} hours; check for a typo.',
  "parse.checkpointRepeated": 'Section "{section}" already has a "Checkpoint" (line {firstLine, number, ::group-off}); keep one.',
  "parse.checkpointWithoutText": '"Checkpoint" must be followed by the checkpoint paragraph on the next line.',
  "parse.checkpointNotInline": 'Write the checkpoint text on the same line: "**Checkpoint:** After this phase you can …".',

  // --- Member plans (issue 12): /pace, /break, /done when:, late joiners, forgiving streaks ---
  "pace.invalidDays": "Pick between {min, number} and {max, number} study days for a catch-up.",
  "pace.extendLimit":
    "Your calendar already runs {max, number} weeks behind the cohort's, the most it can.{reset, select, yes { `/pace mode:reset` goes back to the cohort's calendar.} other {}}",
  "pace.resetAfterCourse":
    "**{name}**'s calendar is over: going back to it would end your course today, for good. Your own weeks stay as they are; nothing changed.",
  "pace.nothingToCatchUp": "Nothing to catch up: everything due before today is done.",
  "pace.nothingToReset": "You're already on the cohort's calendar: you have no extension or catch-up plan to clear, so nothing changed.",
  "pace.changedMeanwhile": "Your pace changed while this catch-up was being planned, so nothing was changed. Run `/pace` again.",
  "pace.courseOver":
    "The course of **{name}** is over, so there is nothing left to plan: `/today` shows your course summary, and reading you log still counts in `/progress`.",
  "pace.title": "Your pace · {cohort}",
  "pace.behind":
    "Behind the cohort's plan: **{timed, select, yes {{count, plural, one {# Required item} other {# Required items}}} other {{count, plural, one {# Required topic} other {# Required topics}}}}**{timed, select, yes { ({minutes})} other {}}",
  "pace.ahead":
    "Ahead of the cohort's plan: **{timed, select, yes {{count, plural, one {# Required item} other {# Required items}}} other {{count, plural, one {# Required topic} other {# Required topics}}}}**{timed, select, yes { ({minutes})} other {}}",
  "pace.onTrack": "You're on track with the cohort's plan.",
  "pace.backlog":
    "To catch up: {timed, select, yes {**{count, plural, one {# item} other {# items}}** ({minutes})} other {**{count, plural, one {# topic} other {# topics}}**}} due before today and not done{preJoin, plural, =0 {} other {, # of them from before you {returned, select, yes {came back} other {joined}}}}{optional, plural, =0 {} one {, # of them an Optional {timed, select, yes {item} other {topic}} added on {day}} other {, # of them Optional {timed, select, yes {items} other {topics}} added on {day}}}.",
  "pace.extended": "Your calendar runs {weeks, plural, one {# week} other {# weeks}} later than the cohort's (at most {max, number}).",
  "pace.ended": "🏁 This cohort has ended, so your pace can no longer change. Your history and points are kept.",
  "pace.finished": "🎓 This cohort has finished, so your pace can no longer change. Your history and points are kept.",
  "pace.cohortEnded": "**{name}** has ended, so your pace can no longer change. Your history and points are kept.",
  "pace.cohortFinished": "**{name}** has finished, so your pace can no longer change. Your history and points are kept.",
  "pace.helpCatchUp":
    "**Catch up** spreads what's left over your next {days, number} study days, filling no day past twice an average one: what doesn't fit runs on to the days after, and an item longer than that on its own is the only catch-up item on its day.",
  "pace.helpExtend": "**Extend by a week** moves your calendar one week later.",
  "pace.helpReset": "**Back to the cohort's plan** goes back to the cohort's calendar.",
  "pace.catchUpButton": "Catch up",
  "pace.extendButton": "Extend by a week",
  "pace.resetButton": "Back to the cohort's plan",
  "pace.changedTitle": "Pace updated · {cohort}",
  "pace.caughtUp":
    "Spread {timed, select, yes {**{count, plural, one {# item} other {# items}}** ({minutes})} other {**{count, plural, one {# topic} other {# topics}}**}} over your next study days, on top of each day's own {timed, select, yes {reading} other {topics}}, until **{date}**.",
  "pace.catchUpHeavy":
    "{dates} {count, plural, one {carries} other {carry}} more than twice an average study day{timed, select, yes { ({cap})} other {}}, as one reading alone is longer{count, plural, one {} other { on each}}.",
  "pace.catchUpLonger":
    "It takes more than {days, number} study days, as {cause, select, mixed {no other day carries more than that} oversized {{count, plural, one {that reading takes} other {each of those readings takes}} a day of its own} other {no day carries more than twice an average study day{timed, select, yes { ({cap})} other {}}}}.",
  "pace.catchUpTopicADay":
    "One topic a day: this path's study days are light, so each topic on its own is more than twice an average one and takes a day of its own.{pastWindow, select, yes { So it takes more than {days, number} study days.} other {}}",
  "pace.catchUpShares": "`/today` shows each day's share.",
  "pace.catchUpMoved": "Your catch-up reading now runs until **{date}**.",
  "pace.extendedNow":
    "Your calendar now runs {weeks, plural, one {# week} other {# weeks}} later than the cohort's (at most {max, number}). `/today`, `/week` and reminders follow it.",
  "pace.extendStillOverdue":
    "{timed, select, yes {**{count, plural, one {# item} other {# items}}** ({minutes})} other {**{count, plural, one {# topic} other {# topics}}**}} due before today {count, plural, one {is} other {are}} still overdue: `/pace mode:catch_up` spreads {count, plural, one {it} other {them}} over your next study days.",
  "pace.resetNow": "You're back on the cohort's calendar: extensions and catch-up plans are cleared.",
  "break.notADate":
    '{reason, select, format {"{value}" is not written as YYYY-MM-DD: give `from` and `to` as year, month and day in that order, e.g. 2027-03-01.} year {"{value}" has a year before 1000: write `from` and `to` with the full four-digit year (YYYY-MM-DD), e.g. 2027-03-01.} other {"{value}" is not a date that exists: check its month and day (YYYY-MM-DD, e.g. 2027-03-01).}}',
  "break.endsBeforeStart": "The break ends before it starts: `to` must be on or after `from`.",
  "break.tooLong": "A break ends at most {max, number} days after its first day. Take a shorter one, and another later if you need it.",
  "break.startsInThePast": "A break starts today or later: pick a `from` date that has not passed.",
  "break.overlaps":
    "You already have days off from **{fromDate}** to **{toDate}**, which overlap these dates. To change them, end them with `off:True`, then take the days you want.",
  "break.tooMany": "You already have {max, number} breaks planned. End one with `off:True` before adding another.",
  "break.added":
    "🌴 Days off from **{from}** to **{to}**: no reminders, and these days neither break nor extend your streak. `off:True` ends the break early.",
  "break.ended": "Your break is over: from today reminders and streak days are back.",
  "break.endedDaysOffGoOn":
    "Your break is over, but days off go on until **{until}** (a cohort break week{own, select, yes {, then days off you planned} other {}}): reminders and streak days are back from **{back}**.",
  "break.calledOff": "Your days off from **{from}** to **{to}** are called off: reminders and streak days go on as usual.",
  "break.cohortEnded":
    "**{name}** has ended: it takes no more reading and sends no more reminders, so days off can no longer be added or ended. Nothing changed.",
  "break.cohortFinished":
    "**{name}** has finished: it takes no more reading and sends no more reminders, so days off can no longer be added or ended. Nothing changed.",
  "break.nothingToEnd": "You have no break between **{from}** and **{to}** to end.",
  "done.noYesterday": "There is no earlier study day to log this for. Use `/done` without `when`.",
  "done.notInCohortYesterday":
    "You were not in this cohort on its previous study day ({returned, select, yes {you came back after it} other {you joined after it}}), so there is nothing to log for it. Use `/done` without `when`.",
  "completion.loggedYesterday":
    "Logged **{title}** for **{date}**: **+{points, plural, one {# point} other {# points}}** (no on-time bonus for a completion logged for an earlier day).",
  "streak.line":
    "🔥 Streak: **{streak, plural, one {# study day} other {# study days}}** · ❄️ Freezes: {freezes, number}/{max, number}{safe, select, yes { · safe until {until}} other {}}{final, select, yes { · final, as it stood when the course ended} other {}}",
  "streak.startsOn": "🔥 Streak: starts on **{date}**, {whose, select, own {your} other {their}} first study day of the course",
  "today.overdueMore": "…and {count, number} more ({minutes}): `/pace` to catch up",
  "today.backlog":
    "📚 {returned, select, yes {From before you came back} other {From before you joined}}: {timed, select, yes {{count, plural, one {# item} other {# items}} ({minutes})} other {{count, plural, one {# topic} other {# topics}}}}. They never count as overdue; `/pace` can spread them out.",
  "today.optionalBacklog":
    "📚 Optional {timed, select, yes {items} other {topics}} added on {day}: {timed, select, yes {{count, plural, one {# item} other {# items}} ({minutes})} other {{count, plural, one {# topic} other {# topics}}}}. They never count as overdue; `/pace` can spread them out.",
  "today.optionalBacklogEnded":
    "📚 Optional {timed, select, yes {items} other {topics}} added on {day}: {timed, select, yes {{count, plural, one {# item} other {# items}} ({minutes})} other {{count, plural, one {# topic} other {# topics}}}}. They never count as overdue.",
  "today.dayOff": "🌴 A day off: no reading is expected, and your streak waits for you.",
  // An ended cohort takes no completions and no pace changes: its lines point nowhere else.
  "today.overdueMoreEnded": "…and {count, number} more ({minutes})",
  "today.backlogEnded":
    "📚 {returned, select, yes {From before you came back} other {From before you joined}}: {timed, select, yes {{count, plural, one {# item} other {# items}} ({minutes})} other {{count, plural, one {# topic} other {# topics}}}}. They never count as overdue.",
  "week.footerEnded": "✅ done · ⬜ to do",
  "week.footerEndedTopics": "✅ done · ⬜ to do",
  "nudge.cohortEnded": "**{name}** has ended: it takes no more completions, so no nudge was sent.",
  "nudge.cohortFinished": "**{name}** has finished: it takes no more completions, so no nudge was sent.",
  "nudge.courseOver": "{member}'s course is over: their last study day has passed, so no nudge was sent.",
  "nudge.failed": "Discord didn't accept the nudge DM to {member} just now, so it wasn't sent. Please try again in a minute.",
  "today.dayOffWithReading":
    "🌴 A day off: no reminders, and your streak waits for you. The items below are still due today; after that `/pace` can spread what is left.",
  "join.late":
    "The course is already under way. Earlier items form a backlog that never counts as overdue (`/pace` shows it). Start from this week, or catch up by spreading the backlog over your next {days, number} study days, filling no day past twice an average one: what doesn't fit runs on to the days after, and an item longer than that on its own is the only catch-up item on its day.",
  "join.startButton": "Start from this week",
  "join.catchUpButton": "Catch up",
  "join.startAfterCatchUp":
    "Your earlier items are already spread over your coming study days by a catch-up, and they stay there: `/today` shows each day's share.{reset, select, yes { `/pace mode:reset` puts them back in your backlog.} other {}}",
  "join.startChosen": "You start from this week. Earlier items stay in your backlog; `/pace` shows it whenever you want to catch up.",
  // ── Issue 12, cohort side: the end of the course, break weeks (cohorts-end branch) ──
  // Also before the closing post keeps the final board (the last week over): it claims no kept board.
  "cohort.finished": "**{name}** has finished: its course is over.",
  "cohortAdmin.finished":
    "{posted, select, yes {**{name}** has finished: the closing post went out and the final leaderboard is kept. Nothing more is posted or reminded.} other {**{name}** has finished, but its closing post did not go out (Discord refused it, or it came too late), and it is not sent again. The final leaderboard is kept all the same: members see it with `/leaderboard`, and their course summary with `/today`. Nothing more is posted or reminded.}}",
  "cohortAdmin.finishedNote": "Finished: the course is over and its final leaderboard is kept; nothing more is posted or reminded.",
  "cohortAdmin.status.finished": "🎓 Finished",
  "cohortAdmin.field.breaks": "Break weeks",
  "checkpoint.cohortEnded": "**{name}** has ended, so its checkpoints take no more answers. Your answers so far are kept.",
  "checkpoint.cohortFinished": "**{name}** has finished, so its checkpoints take no more answers. Your answers so far are kept.",
  "checkpoint.courseFinished":
    "**{name}**'s course has finished, so its checkpoints take no more answers. `/today` shows your course summary.",
  "checkpoint.courseFinishedReadOn":
    "**{name}**'s course has finished, so its checkpoints take no more answers. Your own plan runs on: `/today` shows your reading.",
  "remind.cohortEnded": "**{name}** has ended, so there are no more reminders. Nothing changed.",
  "remind.cohortFinished": "**{name}** has finished, so there are no more reminders. Nothing changed.",
  "remind.courseFinished": "**{cohort}**'s course has finished, so there are no more reminders. `/today` shows your course summary.",
  "summary.title": "🎓 {cohort} · Course finished",
  "summary.description": "The course ended on **{date}**. This is how your course went:",
  "summary.titleEndedEarly": "🏁 {cohort} · Cohort ended",
  "summary.descriptionEndedEarly": "It was ended on **{date}**, before its planned last day. This is how your course went:",
  "summary.lateEndedEarly": "It takes no more completions, and the final leaderboard stays as it was posted.",
  "summary.lateEndedEarlyUnposted": "It takes no more completions, and its final standings stay as they were when it was ended.",
  "summary.requiredName": "Required",
  "summary.requiredValue": "{bar} {done, number} of {total, number}",
  "summary.optionalName": "Optional",
  "summary.optionalValue": "{count, plural, =0 {none done} other {# done}}",
  "summary.pointsName": "Points",
  "summary.pointsValue": "{points, number} pts",
  "summary.rankName": "Final rank",
  "summary.rankNameSoFar": "Rank so far",
  "summary.rankValue": "#{rank, number} of {ranked, number}",
  "summary.unranked": "Not on the final board",
  "summary.unrankedSoFar": "Not on the leaderboard so far",
  "summary.excluded": "Not ranked in this cohort (your role is left off its boards)",
  "summary.rankHidden": "Hidden from the board · you would be #{rank, number}",
  "summary.streakName": "Best streak",
  "summary.streakValue": "{days, plural, one {# study day} other {# study days}}",
  "summary.checkpointsName": "Checkpoints",
  "summary.checkpointsValue": "{answered, number} of {total, number} answered",
  "summary.late": "What you log from now on still counts in `/progress`; the final leaderboard stays as it was posted.",
  "summary.lateUnposted": "What you log from now on still counts in `/progress`, not in the course's final standings.",
  "summary.lateBeforeCourseEnd":
    "What you log until the cohort's course ends ({at}, {relative}) still counts in its final standings; after that, only in `/progress`.",
  "leaderboard.finalTitle": "🏆 {cohort} · Final leaderboard",
  "leaderboard.finalFooter": "As posted at the end of the course · {ranked, plural, one {# member} other {# members}} with points",
  "leaderboard.finalTitleEnded": "🏁 {cohort} · Final leaderboard",
  "leaderboard.finalFooterEnded": "As posted when the cohort was ended · {ranked, plural, one {# member} other {# members}} with points",
  "leaderboard.finalFooterUnposted": "At the end of the course · {ranked, plural, one {# member} other {# members}} with points",
  "leaderboard.finalFooterEndedUnposted": "When the cohort was ended · {ranked, plural, one {# member} other {# members}} with points",
  "break.title": "Break weeks",
  "break.set":
    "Week {week} of **{name}** is now a break: nothing is assigned that week, and every later week, post and checkpoint moves one week later. The course now has {total} weeks; its closing post comes on **{end}**.",
  "break.undone":
    "Week {week} of **{name}** is a reading week again: every later week moves back one week. The course now has {total} weeks; its closing post comes on **{end}**.",
  "break.weeks": "{count, plural, one {Break week} other {Break weeks}}: {weeks}",
  "break.noneLeft": "No break weeks left.",
  "break.notAWeek": "**{name}** has weeks 1 to {total}: pick one of them.",
  "break.alreadyBreak": "Week {week} of **{name}** is already a break. Add `undo:True` to make it a reading week again.",
  "break.notABreak": "Week {week} of **{name}** is not a break, so there is nothing to undo.",
  "break.alreadyStarted": "Week {week} of **{name}** has already begun: only weeks still to come can change.",
  "break.postSent": "Week {week}'s post for **{name}** has already gone out: only weeks not yet announced can change.",
  "break.pastCalendar":
    "**{name}** can't take another break week: its course would then come too close to the end of the year 9999, where the bot's calendar ends.",
  "weekPost.breakWeek": "☕ **Break week:** no reading this week. Rest, or catch up on earlier reading; week {next} starts on **{date}**.",
  "week.breakWeek": "☕ Break week: nothing is assigned. Reading resumes on **{date}**.",
  // Paths without estimates (the 36-week path's topics)
  "format.topics": "{count, plural, one {# topic} other {# topics}}",
  "weekPost.itemTopic": "• **{title}** · {kind}{withTrack, select, yes { · {track}} other {}}",
  "weekPost.totalTopics":
    "**Total:** {items, plural, one {# topic} other {# topics}} over {days, plural, one {# study day} other {# study days}}",
  "week.itemTopic": "{mark} {title} · {kind}",
  "week.totalTopics": "Total: **{items, plural, one {# topic} other {# topics}}** · {done, plural, other {# done}}",
  "today.itemTopic": "{mark} **{title}** · {kind}",
  "today.itemsMore": "…and {count, number} more: `/week` lists them, and `/done` finds them by name",
  "today.overdueTopics": "Overdue · {count, plural, one {# topic} other {# topics}}",
  "today.overdueEndedName": "Not done from earlier days · {count, plural, one {# item} other {# items}} · {minutes}",
  "today.overdueEndedTopics": "Not done from earlier days · {count, plural, one {# topic} other {# topics}}",
  "today.overdueItemTopic": "⬜ {title} · from {date}",
  "reminderDm.itemTopic": "• **{title}** · {kind}",
  // ── Privacy (issue 13): boards by name, alias or not at all; /privacy; cohort board settings. ──
  "leaderboard.alias": "Member {alias, number, ::group-off}",
  "leaderboard.standingYou": "{line} ← you",
  "leaderboard.callerExcluded": "**{name}**: not ranked in this cohort (your role is left off its boards) · {points, number} pts",
  "leaderboard.callerHidden": "**{name}**: hidden from the board · you would be #{rank, number} · {points, number} pts",
  "leaderboard.privacyNote":
    "{shown, select, alias {Others see you on public boards by your alias, not your name.} hidden {You are hidden from public boards: `/privacy leaderboard:` changes that.} other {This cohort has no public leaderboard, so only you see this.}}",
  "leaderboard.boardOff": "This cohort keeps its leaderboard private: only your own standing is shown, to you.",
  "leaderboard.nearEmpty": "Nobody near you on the board yet.",
  "leaderboard.nearEmptyWeekOver": "Nobody near you on the board of week {week, number}: that week is over.",
  "leaderboard.nearNoPlace": "You have no place on this board, so there is nobody to show around you.",
  "leaderboard.nearOffFinalBoard": "You have no place on the final leaderboard, so there is nobody to show around you.",
  "leaderboard.finalNearNobodyShown": "None of the members around your place on the final leaderboard can be shown now.",
  "leaderboard.finalNobodyShown": "None of the members on the final leaderboard can be shown now.",
  "leaderboard.finalKeptPrivate":
    "This cohort's leaderboard was private when the course closed, so there is no final board to show: only your own standing, to you.",
  "posts.boardOff": "**{name}** keeps its leaderboard private (`leaderboard: off`), so there is no board to post.",
  "privacy.notInServer": "You are not in any cohort in this server, so there is nothing to set.",
  "privacy.confirmExpired": "This button is not yours, or it has expired. Run `/privacy delete:True` again.",
  "privacy.invalidGuild": '"{value}" is not a server id: Discord server ids are 17 to 20 digits, below 2^64.',
  "privacy.progressPrivate": "This member keeps their progress private: the cohort's boards do not show them by name.",
  "privacy.title": "🔒 Your privacy in this server",
  "privacy.settings":
    "{cohorts, plural, one {# cohort} other {# cohorts}} · Leaderboard: **{leaderboard, select, name {your name} alias {an alias} other {hidden}}** · Nudges from facilitators: **{nudges, select, on {on} other {off}}**",
  "privacy.updated": "Saved: this applies to all your cohorts in this server.",
  "privacy.cohortRule": "A cohort that shows aliases or no board at all keeps you at least that private.",
  "privacy.help":
    "Change with `/privacy leaderboard:` or `/privacy nudges:`. `/privacy export:True` sends you a copy of your data; `/privacy delete:True` erases it.",
  "privacy.exported": "Here is everything stored about you in this server, as JSON.",
  "privacy.exportAlreadyRunning": "Your copy is still being made or sent. Wait for it, then ask again if you still need another.",
  "privacy.exportTooLarge":
    "Your copy is larger than Discord's {maxMb} MB attachment limit, so it cannot be sent here. Ask the bot's host for a copy from the database.",
  "privacy.nothingStored": "Nothing is stored about you in this server.",
  "privacy.deleteConfirm":
    "This erases everything stored about you in this server: {cohorts, plural, =0 {your id on the cohorts you created and the admin actions you took} one {# cohort membership with their completions, points, checkpoint answers and reminders} other {# cohort memberships with their completions, points, checkpoint answers and reminders}}. It cannot be undone. Press the button to confirm, or dismiss this message to keep your data.",
  "privacy.deleteButton": "Delete my data",
  "privacy.deleted":
    "Done: everything stored about you in this server is erased ({cohorts, plural, =0 {your id in the admin records} one {# cohort membership} other {# cohort memberships}}). The leaderboards no longer count you, and the boards already posted in the cohort channels are edited to leave you out, usually within a few minutes (later while a cohort is paused or the bot cannot post in its channel; a post an admin made with `/cohort announce` stays as it was).",
  "cohortAdmin.field.leaderboard": "Leaderboard",
  "cohortAdmin.leaderboardValue":
    "{board, select, names {Names} aliases {Aliases (Member 7)} other {Off: each member sees only their own standing}}",
  "cohortAdmin.field.excludeRole": "Never ranked",
  "cohortAdmin.excludeRoleNone": "No role: every member can be ranked",
  // ── end of privacy block ──
  // ── pictures branch: the progress card, the weekly and course charts, the live weekly board ──
  "pictures.number": "{value, number}",
  "pictures.percent": "{value, number}%",
  "progressCard.required": "Required",
  "progressCard.sections": "Sections",
  "progressCard.points": "{points, plural, one {point} other {points}}",
  "progressCard.rank": "#{rank, number} of {ranked, number}",
  "progressCard.rankHidden": "would be #{rank, number}",
  "progressCard.streak": "Streak",
  "progressCard.streakValue": "🔥 {days, plural, one {# day} other {# days}}",
  "progressCard.streakStarts": "🔥 Starts {date}",
  "progressCard.freezes": "❄️ {count, plural, one {# freeze} other {# freezes}} held",
  "progressCard.week": "W{week}",
  "progressCard.legendDone": "Done",
  "progressCard.legendMissed": "Missed",
  "progressCard.legendFrozen": "Frozen",
  "progressCard.legendDayOff": "Day off",
  "progressCard.more": "+{count, number} more",
  "progressCard.count": "{done, number} / {total, number}",
  "progressCard.sectionCount": "{done, number}/{total, number}",
  "progressCard.alt":
    "Progress card of {name}: {done, number} of {total, number} required {timed, select, yes {items} other {topics}} done, {points, plural, one {# point} other {# points}}, {standing}, {starts, select, yes {a streak starting on {startsOn}} other {a streak of {streak, plural, one {# study day} other {# study days}}}}; study-day grid: {studied, plural, one {# day done} other {# days done}}, {missed, plural, other {# missed}}{frozen, plural, =0 {} one {, # covered by a freeze} other {, # covered by freezes}}, {off, plural, one {# day off} other {# days off}}.",
  "progressCard.altRanked": "rank #{rank, number} of {ranked, number}",
  "progressCard.altHidden": "hidden from the board, would be #{rank, number}",
  "progressCard.altExcluded": "not ranked in this cohort",
  "progressCard.altUnranked": "not ranked yet",
  "progressCard.altOffFinalBoard": "not on the final leaderboard",
  "progressCard.altLeft": "off the leaderboard since leaving the cohort",
  "weeklyChart.title": "Week {week} · {from} – {to}",
  "weeklyChart.minutesRead": "Minutes read",
  "weeklyChart.topicsRead": "Topics read",
  "weeklyChart.sectionCompletion": "Section completion",
  "weeklyChart.more": "+{count, number} more",
  "weeklyChart.alt":
    "Chart of week {week}: the cohort read {minutes, plural, one {# minute} other {# minutes}} {partial, select, yes {so far} other {in all}} ({days}); section completion: {sections}.",
  "weeklyChart.dayMinutes": "{day} {minutes, number} min",
  "weeklyChart.dayTopics": "{day} {topics, number}",
  "weeklyChart.beforeStartBar": "Before",
  "weeklyChart.beforeStartMinutes": "before the first day {minutes, number} min",
  "weeklyChart.beforeStartTopics": "before the first day {topics, number}",
  "weeklyChart.dayNotOver": "{day} not over yet",
  "weeklyChart.notOverBar": "…",
  "weeklyChart.altTopics":
    "Chart of week {week}: the cohort read {topics, plural, one {# topic} other {# topics}} {partial, select, yes {so far} other {in all}} ({days}); section completion: {sections}.",
  "weeklyChart.sectionPercent": "{title} {percent, number}%",
  "courseChart.title": "\u2068{cohort}\u2069 · the whole course",
  "courseChart.completionPerWeek": "Completion per week",
  "courseChart.week": "W{week}",
  "courseChart.alt": "Chart of the course: how much of each week's reading the cohort completed, week by week: {percents}.",
  "courseChart.weekPercent": "week {week}: {percent, number}%",
  "courseChart.weekBreak": "week {week}: break",
  "courseChart.breakBar": "☕",
  "courseChart.weekNothingAssigned": "week {week}: nothing assigned",
  "courseChart.nothingAssignedBar": "–",
  "liveBoard.title": "🏆 Week {week} leaderboard · live",
  "liveBoard.description": "Kept up to date as members log their reading this week (at most once a minute).",
  "liveBoard.empty": "No points yet this week. Log your reading with `/done` to get on the board.",
  "liveBoard.off": "This cohort keeps its leaderboard private now: each member sees their own standing with `/leaderboard`.",
  "liveBoard.finalTitle": "🏆 Week {week} leaderboard · final",
  "liveBoard.finalDescription": "Week {week} is over: these are its standings as they stood when this board was closed.",
  "liveBoard.finalEmpty": "Nobody logged points this week.",
  "liveBoard.setAsideTitle": "🏆 Week {week} leaderboard · moved",
  "liveBoard.setAsideDescription":
    "The cohort's start date changed and week {week} moved to new dates: this board is no longer kept up to date. `/leaderboard` shows the standings.",
  // ── Facilitators: /cohort roster, audit, credit, export, Nudge, confidence map (facilitators branch) ──
  "roster.namesake": "{name} #{number}",
  "roster.title": "Roster · {name}",
  "roster.counts":
    "🔴 Behind {behind, number} · 💤 Quiet {quiet, number} · 🤔 Not yet {notYet, number} · 🟢 On track {onTrack, number} · 🏁 Finished {finished, number}",
  "roster.group.behind": "**🔴 Behind** (Required reading due and not done)",
  "roster.group.behindTopics": "**🔴 Behind** (Required topics due and not done)",
  "roster.group.quiet": "**💤 Quiet** (nothing logged in the last 5 study days)",
  "roster.group.not_yet": '**🤔 Not yet** (answered "Not yet" on one of the latest checkpoints)',
  "roster.group.on_track": "**🟢 On track**",
  "roster.group.finished": "**🏁 Finished**",
  "roster.line":
    "{member} ({name}) · {pace} · {logged, select, yes {last {last}} other {nothing logged yet}} · streak {streak, number} · ✅ {confident, number} 🟡 {partly, number} 🔴 {notYet, number}{hasLatest, select, yes { · 🤔 {latest}} other {}}{daysOff, select, yes { · 🌴 days off until {until}} other {}}{nudgesOff, select, yes { · 🔕 nudges off} other {}}",
  "roster.paceBehind":
    "{timed, select, yes {{items, plural, one {# item} other {# items}} overdue ({time})} other {{items, plural, one {# topic} other {# topics}} overdue}}",
  "roster.paceOnTrack": "on pace",
  "roster.latestNotYet": "{count, number}/{total, number}",
  "roster.latestLegend": '🤔 2/3: "Not yet" on 2 of the 3 latest checkpoints',
  "roster.empty": "No members in this list.",
  "roster.nudge": "Nudge {name}",
  "roster.previous": "◀ Previous",
  "roster.next": "Next ▶",
  "roster.footer": "Page {page, number} of {pages, number} · {filter}",
  "roster.filter.all": "all members",
  "roster.filter.behind": "behind",
  "roster.filter.quiet": "quiet",
  "roster.filter.not_yet": "not yet",
  "nudge.member": "{member} ({name})",
  "nudge.sent":
    "Nudged {member}: they got a friendly DM.{count, plural, =0 {} one { It names the latest checkpoint they have not answered: {checkpoints}.} other { It names the # latest checkpoints they have not answered: {checkpoints}.}}",
  "nudge.checkpointTitle": "**{title}**",
  "nudge.checkpointSeparator": ", ",
  "nudge.tooSoon": "{member} was nudged less than 3 days ago. You can nudge them again {next}.",
  "nudge.optedOut": "{member} turned nudges off, so no DM was sent.",
  "nudge.daysOff": "{member} is on days off until {until}, so no DM was sent. You can nudge them once they are back.",
  "nudge.notNeeded":
    "{finished, select, yes {{member} has finished every Required {timed, select, yes {item} other {topic}}} other {{member} is on track now}}, so no DM was sent.",
  "nudge.dmClosed": "{member} doesn't accept direct messages from the bot, so the nudge couldn't be delivered.",
  "nudgeDm.title": "A hello from {cohort}",
  "nudgeDm.checkpoints":
    "{count, plural, one {The latest checkpoint is} other {The # latest checkpoints are}} still waiting for your answer: {checkpoints}. {count, plural, one {Its buttons are on its prompt} other {Their buttons are on their prompts}} in the cohort channel.",
  "nudgeDm.body":
    "Your facilitators in **{cohort}** are checking in: how is the reading going? Use `/today` in the server to see where you are. No pressure: every bit counts, and you can always ask in the cohort channel.",
  "audit.title": "Admin actions · {name}",
  "audit.empty": "No admin actions recorded yet.",
  "audit.newer": "◀ Newer",
  "audit.older": "Older ▶",
  "audit.line": "{when} · {hasActor, select, yes {{actor} · } other {}}{action}{hasDetails, select, yes { · {details}} other {}}",
  "audit.actor.erased": "an admin whose id is not kept",
  "audit.breakSet": "week {week} is a break",
  "audit.breakUndone": "week {week} is a reading week again",
  "audit.announced": "{kind, select, week {week {week}'s assignment} checkpoint {the checkpoint of {section}} other {the leaderboard}}",
  "audit.announcedParts":
    "{complete, select, no {only {posted, plural, other {#}} of {parts, number} messages went out} other {the missing {missing, plural, other {#}} of {parts, number} messages}}",
  "audit.exported":
    "{format, select, json {JSON} other {CSV}}{upload, select, sent { · sent} too_large { · not sent: Discord refused the file as too large} refused { · not sent: Discord refused it} failed { · the upload failed; Discord may have received the file} other {}}",
  "audit.action.create": "created the cohort",
  "audit.action.edit": "edited the settings",
  "audit.action.pause": "paused the cohort",
  "audit.action.resume": "resumed the cohort",
  "audit.action.end": "ended the cohort",
  "audit.action.break": "changed a break week",
  "audit.action.credit": "credited a completion",
  "audit.action.credit_undo": "removed a completion",
  "audit.action.announce": "posted an announcement",
  "audit.action.import": "imported a curriculum",
  "audit.action.nudge": "nudged a member",
  "audit.action.export": "asked for an export of the cohort's data",
  "audit.action.privacy_delete": "a member deleted their data (/privacy)",
  "audit.action.channel_usable": "the bot can post in the cohort's channel again",
  "audit.action.course_shortened": "a shorter version of the curriculum ended the course",
  "credit.loggedFor": "Logged for {member}:",
  "credit.removedFor": "Removed for {member}:",
  "credit.alreadyDone": "**{title}** was already marked as done for {member}, so nothing changed.",
  "credit.notDone": "**{title}** isn't marked as done for {member}, so there's nothing to remove.",
  "credit.alreadyDoneTopic": "**{title}** was already marked as done for {member}, so nothing changed.",
  "credit.notDoneTopic": "**{title}** isn't marked as done for {member}, so there's nothing to remove.",
  "export.ready": "**{name}**: {members, plural, one {# member} other {# members}} exported as {format}.",
  "export.alreadyRunning":
    "An export of this server is already being made. Only one runs at a time: wait for its file, then try again if you still need one.",
  "export.tooLarge":
    "This export is larger than Discord's {maxMb} MB attachment limit. Try `format:JSON` or `format:CSV (spreadsheets)` (whichever you did not use); if both are too large, ask the bot's host to export the cohort from the database.",
  "confidence.name": "Confidence map (on track / behind)",
  "confidence.line":
    "{section}: Confident {confident, number}/{confidentBehind, number} · Partly {partly, number}/{partlyBehind, number} · Not yet {notYet, number}/{notYetBehind, number}",

  // The local playground's own page and API (src/playground): its chrome, clock panel and refusals.
  // playground.page.* are filled in by the page itself: plain {parameters} only (src/playground/pageWords.ts).
  "playground.page.title": "cohort-bot playground",
  "playground.page.loading": "Loading…",
  "playground.page.servers": "Servers",
  "playground.page.sidebar": "Channels and who you are",
  "playground.page.youAre": "You are",
  "playground.page.language": "Discord language",
  "playground.page.members": "Members",
  "playground.page.messages": "Messages",
  "playground.page.clock": "Playground clock",
  "playground.page.clockDay": "+1 day",
  "playground.page.clockDayHint": "Move the clock forward one day",
  "playground.page.clockWeek": "+1 week",
  "playground.page.clockWeekHint": "Move the clock forward one week",
  "playground.page.clockNextPost": "Next post ▸",
  "playground.page.clockNextPostHint": "Move the clock to the next scheduled post",
  "playground.page.clockNext": "Next: {post} · {when}",
  "playground.page.clockNextTitle": "{cohort}: {post}, {when}",
  "playground.page.clockNoPostLeft": "No scheduled posts left.",
  "playground.page.command": "Command",
  "playground.page.commandPlaceholder": "Type / to use a command",
  "playground.page.commandPlaceholderIn": "Type / to use a command in #{channel}",
  "playground.page.commandPlaceholderShort": "Type / for a command",
  "playground.page.commandsInChannelsOnly": "Commands run in server channels",
  "playground.page.send": "Send",
  "playground.page.sendHint": "Run the command",
  "playground.page.hint": "Pick who you are in the member list, type {slash} and choose a command. Nothing leaves this machine.",
  "playground.page.pickCommand": "Type / and pick a command.",
  "playground.page.fillIn": "Fill in {option} first.",
  "playground.page.commands": "Commands",
  "playground.page.choose": "Choose…",
  "playground.page.true": "True",
  "playground.page.false": "False",
  "playground.page.textChannels": "Text channels",
  "playground.page.directMessages": "Direct messages",
  "playground.page.dmWelcome": "Direct messages from {bot}",
  "playground.page.dmWelcomeText": "Reminders the bot sends you (/remind) arrive here.",
  "playground.page.channelWelcome": "Welcome to #{channel}",
  "playground.page.channelWelcomeText":
    "The bot posts each week's reading here, checkpoint prompts at the end of each section that has a checkpoint, and the leaderboard.",
  "playground.page.groupAdmin": "Admin — {count}",
  "playground.page.groupMembers": "Members — {count}",
  "playground.page.groupNewcomers": "Not in the cohort yet — {count}",
  "playground.page.groupApps": "Apps — {count}",
  "playground.page.viewerAdmin": "{name} (admin)",
  "playground.page.viewerNewcomer": "{name} (not joined yet)",
  "playground.page.actAs": "Act as {name}",
  "playground.page.unknownName": "unknown",
  "playground.page.deletedRole": "deleted-role",
  "playground.page.requestFailed": "Request failed ({status})",
  "playground.page.connectionRefused": "its live connection was refused",
  "playground.page.couldNotLoad": "The playground could not load: {reason}",
  "playground.page.todayAt": "Today at {time}",
  "playground.page.yesterdayAt": "Yesterday at {time}",
  "playground.page.used": "{user} used {command}",
  "playground.page.clickedButton": "{user} clicked a button",
  "playground.page.appTag": "APP",
  "playground.page.thinking": "{name} is thinking…",
  "playground.page.thread": "🧵 Thread opened for discussion",
  "playground.page.onlyYou": "Only you can see this · {dismiss}",
  "playground.page.dismiss": "Dismiss message",
  "playground.page.download": "Download {file}",
  "playground.page.selectMenu": "Select menu",
  "playground.page.brokenMessage": "This message could not be shown.",
  "playground.clock.starts": "Starts {date}",
  "playground.clock.finished": "Course finished",
  "playground.clock.week": "Week {week} · Day {day}",
  "playground.clock.weekNoReading": "Week {week} · Day {day} · no reading",
  "playground.clock.withStatus":
    "{words} ({status, select, active {active} paused {paused} ended {ended} finished {finished} other {{status}}})",
  "playground.clock.weekPost": "Week {week} assignment",
  "playground.clock.checkpointPost": "Checkpoint: {section}",
  "playground.clock.closingPost": "Closing post",
  "playground.error.stillStarting": "The playground is still starting.",
  "playground.error.notFound": "Not found",
  "playground.error.localOnly": "Open the playground at its 127.0.0.1 address.",
  "playground.error.sendJson": "Send JSON (content-type: application/json).",
  "playground.error.jsonBody": "Send a JSON body.",
  "playground.error.tooLarge": "Request too large",
  "playground.error.invalid": "Invalid request: {problem}",
  "playground.error.unexpected": "The playground hit an unexpected error; see the terminal for details.",
  "playground.error.emulator": "{reason}",
  "playground.error.optionRequired": '{command} needs the option "{option}".',
  "playground.error.optionNumber": 'Option "{option}" of {command} takes a number.',
  "playground.error.optionInteger": 'Option "{option}" of {command} takes a whole number.',
  "playground.error.optionAtLeast": 'Option "{option}" of {command} must be at least {limit}.',
  "playground.error.optionAtMost": 'Option "{option}" of {command} must be at most {limit}.',
  "playground.error.optionMinLength":
    'Option "{option}" of {command} takes at least {limit, plural, one {# character} other {# characters}}.',
  "playground.error.optionMaxLength":
    'Option "{option}" of {command} takes at most {limit, plural, one {# character} other {# characters}}.',
  "playground.error.optionUnknownUser": 'Option "{option}" of {command}: there is no user {id} in the demo server.',
  "playground.error.autocompleteTimeout": "{bot} did not answer the autocomplete request in time.",
  "playground.error.interactionFailed": "This interaction failed: the bot did not answer within 3 seconds.",
  "playground.error.noPostLeft": "There is no scheduled post left to move to.",
  "playground.error.unknownLanguage": "Pick one of the languages the bot speaks.",
  "playground.error.unknownUser": "Pick someone from the demo server.",
  "playground.error.unknownChannel": "Pick a channel of the demo server.",
} as const;

export type MessageKey = keyof typeof en;

/** English, the default: its commands' texts are the definitions' own. */
export const language: LanguageFile = {
  catalogue: en,
  commands: {},
  intlLocale: "en-GB",
  discordLocales: ["en-US", "en-GB"],
  label: "English",
};
