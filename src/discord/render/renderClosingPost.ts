import type { APIEmbedField } from "discord.js";
import type { ClosingPostView } from "../../services/PostService.js";
import type { Translator } from "../i18n/Translator.js";
import { fitLines } from "./fitLines.js";
import { colors, limits } from "./format.js";
import { packEmbeds, type RenderedPost } from "./postMessage.js";
import { standingLines } from "./standingLines.js";

/** The closing post's final board (also what an edit of the post already sent replaces). */
export function finalBoardText(t: Translator, view: Pick<ClosingPostView, "top" | "rankedMembers">): string {
  if (view.top.length === 0) return t.t("closingPost.finalEmpty");
  const more = view.rankedMembers - view.top.length;
  return [...standingLines(t, view.top), ...(more > 0 ? [t.t("boardPost.more", { count: more })] : [])].join("\n");
}

/**
 * After the last week: the final (all-time) leaderboard and what the path says members can now do.
 * A cohort ended early says after which week, with its final board and no outcomes.
 */
export function renderClosingPost(t: Translator, view: ClosingPostView): RenderedPost {
  const { cohort, endedAfterWeek } = view;
  // A cohort whose board is off gets no public board, not even the final one.
  const fields: APIEmbedField[] = view.boardOn ? [{ name: t.plain("closingPost.finalName"), value: finalBoardText(t, view) }] : [];
  if (view.outcomes.length > 0) {
    fields.push({
      name: t.plain("closingPost.outcomesName"),
      value: fitLines(
        view.outcomes.map((outcome) => t.t("curriculumAdmin.outcome", { outcome })),
        limits.fieldValue,
        (hidden) => t.t("format.more", { count: hidden }),
      ),
    });
  }
  const messages = packEmbeds(
    {
      color: colors.success,
      ...(endedAfterWeek === null
        ? {
            title: t.t("closingPost.title", { cohort: cohort.name }),
            description: t.t("closingPost.description", { weeks: view.totalWeeks, curriculum: view.curriculumTitle }),
          }
        : {
            title: t.t("closingPost.endedTitle", { cohort: cohort.name }),
            description: t.t("closingPost.endedDescription", {
              week: endedAfterWeek,
              weeks: view.totalWeeks,
              curriculum: view.curriculumTitle,
            }),
          }),
      footer: { text: t.plain("closingPost.footer", { cohort: cohort.name }) },
    },
    fields,
    { continuationTitle: t.plain(endedAfterWeek === null ? "closingPost.continued" : "closingPost.endedContinued") },
  );
  return { messages, threadName: null };
}
