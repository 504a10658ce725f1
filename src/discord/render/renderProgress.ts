import type { APIEmbed } from "discord.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import { messages } from "../../messages.js";
import type { ProgressView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { fitLines } from "./fitLines.js";
import { colors, escapeText, limits, minutesText, truncate } from "./format.js";

/** `/progress`: required items, reading time, points, rank, streak and a bar per section. */
export function renderProgress(view: ProgressView): Reply {
  const { member, required } = view;
  const name = member.displayName.trim() === "" ? "A member" : member.displayName;
  const lines = [
    `Required items: ${progressBar(required.done, required.total)} **${required.done}/${required.total}**`,
    `Reading time: **${minutesText(view.minutesDone)}** of ${minutesText(view.minutesTotal)}`,
    view.rank === null
      ? `Points: **${view.points}** · ${messages.progress.notRanked}`
      : `Points: **${view.points}** · Rank: **#${view.rank}** of ${view.rankedMembers}`,
    `Streak: **${view.streak} study day${view.streak === 1 ? "" : "s"}**`,
  ];
  if (member.leftAt !== null) lines.push("", messages.progress.leftCohort(name));
  const sectionLines = view.sections.map(
    ({ section, done, total }) =>
      `${progressBar(done, total)} ${done}/${total} · ${escapeText(section.title)} (${section.weekStart === section.weekEnd ? `week ${section.weekStart}` : `weeks ${section.weekStart}–${section.weekEnd}`})`,
  );
  const embed: APIEmbed = {
    color: colors.brand,
    title: truncate(`Progress · ${escapeText(name)}`, limits.title),
    description: truncate(lines.join("\n"), limits.description),
    fields:
      sectionLines.length === 0
        ? []
        : [{ name: "Sections", value: fitLines(sectionLines, limits.fieldValue, (hidden) => `…and ${hidden} more`) }],
    footer: { text: truncate(view.cohort.name, limits.footer) },
  };
  return { embeds: [embed], ephemeral: true };
}
