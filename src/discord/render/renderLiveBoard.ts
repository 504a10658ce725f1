import type { LiveBoardView } from "../../services/PostService.js";
import type { Translator } from "../i18n/Translator.js";
import { colors, limits, truncate } from "./format.js";
import type { PostMessage } from "./postMessage.js";
import { standingLines } from "./standingLines.js";

/** The weekly post's last message: this week's top ten, edited in place while the week runs, and once after it (final). */
export function renderLiveBoard(t: Translator, view: LiveBoardView): PostMessage {
  if (view.setAside)
    return boardMessage(t, view, t.t("liveBoard.setAsideTitle", { week: view.weekNumber }), [
      t.t("liveBoard.setAsideDescription", { week: view.weekNumber }),
    ]);
  const lines = standingLines(t, view.board.top);
  const more = view.board.rankedMembers - view.board.top.length;
  const empty = t.t(view.weekOver ? "liveBoard.finalEmpty" : "liveBoard.empty");
  const standings = lines.length === 0 ? [empty] : more > 0 ? [...lines, t.t("boardPost.more", { count: more })] : lines;
  const intro = view.weekOver ? t.t("liveBoard.finalDescription", { week: view.weekNumber }) : t.t("liveBoard.description");
  // A cohort whose board was turned off while the week ran: its board says so, not that nobody scored.
  const description = view.board.boardOn ? [intro, "", ...standings] : [t.t("liveBoard.off")];
  const title = t.t(view.weekOver ? "liveBoard.finalTitle" : "liveBoard.title", { week: view.weekNumber });
  return boardMessage(t, view, title, description);
}

function boardMessage(t: Translator, view: LiveBoardView, title: string, description: readonly string[]): PostMessage {
  return {
    embeds: [
      {
        color: colors.brand,
        title: truncate(title, limits.title),
        description: truncate(description.join("\n"), limits.description),
        footer: { text: truncate(t.plainUser(view.cohort.name), limits.footer) },
      },
    ],
  };
}
