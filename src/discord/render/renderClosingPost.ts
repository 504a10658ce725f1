import type { APIEmbedField } from "discord.js";
import type { ClosingPostView } from "../../services/PostService.js";
import { colors, escapeText, limits } from "./format.js";
import { fitLines } from "./fitLines.js";
import { packEmbeds, type RenderedPost } from "./postMessage.js";
import { standingLines } from "./standingLines.js";

/** After the last week: the final (all-time) leaderboard and what the path says members can now do. */
export function renderClosingPost(view: ClosingPostView): RenderedPost {
  const { cohort } = view;
  const fields: APIEmbedField[] = [
    {
      name: "🏆 Final leaderboard",
      value:
        view.top.length === 0
          ? "Nobody logged points during the course."
          : `${standingLines(view.top).join("\n")}${view.rankedMembers > view.top.length ? `\n…and ${view.rankedMembers - view.top.length} more with points` : ""}`,
    },
  ];
  if (view.outcomes.length > 0) {
    fields.push({
      name: "What you can do now",
      value: fitLines(
        view.outcomes.map((outcome) => `• ${escapeText(outcome)}`),
        limits.fieldValue,
        (hidden) => `…and ${hidden} more`,
      ),
    });
  }
  const messages = packEmbeds(
    {
      color: colors.success,
      title: `🎓 ${cohort.name} is complete`,
      description: `That's the end of all ${view.totalWeeks} weeks of **${escapeText(view.curriculumTitle)}**. Thank you for reading along, and congratulations to everyone who took part!`,
      footer: { text: `${cohort.name} · final post` },
    },
    fields,
    { continuationTitle: "Course complete (continued)" },
  );
  return { messages, threadName: null };
}
