import type { LiveBoardView } from "../../services/PostService.js";
import type { Translator } from "../i18n/Translator.js";
import { colors, limits, truncate } from "./format.js";
import type { PostMessage } from "./postMessage.js";
import { standingLines } from "./standingLines.js";

/** The weekly post's last message: this week's top ten, edited in place while the week runs. */
export function renderLiveBoard(t: Translator, view: LiveBoardView): PostMessage {
  const lines = standingLines(t, view.board.top);
  const more = view.board.rankedMembers - view.board.top.length;
  const standings = lines.length === 0 ? [t.t("liveBoard.empty")] : more > 0 ? [...lines, t.t("boardPost.more", { count: more })] : lines;
  // A cohort whose board was turned off while the week ran: its board says so, not that nobody scored.
  const description = view.board.boardOn ? [t.t("liveBoard.description"), "", ...standings] : [t.t("liveBoard.off")];
  return {
    embeds: [
      {
        color: colors.brand,
        title: truncate(t.t("liveBoard.title", { week: view.weekNumber }), limits.title),
        description: truncate(description.join("\n"), limits.description),
        footer: { text: truncate(t.plainUser(view.cohort.name), limits.footer) },
      },
    ],
  };
}
