import type { PostRenderer } from "../../services/PostRenderer.js";
import type { PostView } from "../../services/PostService.js";
import { cohortTranslator, type Translator } from "../i18n/Translator.js";
import { directMessageLanguage } from "../i18n/languages.js";
import type { RenderedPost } from "./postMessage.js";
import { renderCheckpointPost } from "./renderCheckpointPost.js";
import { renderClosingPost } from "./renderClosingPost.js";
import { renderLeaderboardPost } from "./renderLeaderboardPost.js";
import { renderReminderDm } from "./renderReminderDm.js";
import { renderWeekPost } from "./renderWeekPost.js";
import { renderLiveBoard } from "./renderLiveBoard.js";
import { renderPostedBoard } from "./renderPostedBoard.js";
import { postPictures } from "./postPictures.js";
import type { Pictures } from "../pictures/Pictures.js";
import { optionalPicture, PictureKind } from "../pictures/optionalPicture.js";
import type { Logger } from "../../logging/createLogger.js";

/**
 * Any cohort-channel post. The scheduler, `/cohort announce`, `/cohort
 * preview` and the `simulate` CLI all render through here, so what the admin
 * previews is what the channel gets. `inertButtons` (preview) disables the
 * checkpoint buttons.
 */
export function renderPost(t: Translator, post: PostView, options: { readonly inertButtons?: boolean } = {}): RenderedPost {
  switch (post.kind) {
    case "week":
      return renderWeekPost(t, post.view);
    case "checkpoint":
      return renderCheckpointPost(t, post.view, { disabled: options.inertButtons === true });
    case "closing":
      return renderClosingPost(t, post.view);
    case "leaderboard":
      return renderLeaderboardPost(t, post.view);
  }
}

/**
 * The renderer `createApp` plugs into the scheduler and the announcer: posts (and their pictures) in the cohort's language,
 * reminder DMs in the member's (directMessageLanguage).
 * A chart that cannot be drawn is logged and the post goes out without it (its text says the same).
 */
export function createDiscordPostRenderer(pictures: Pictures, logger: Logger): PostRenderer {
  return {
    post: (view, language, options) => renderPost(cohortTranslator(language), view, options),
    reminder: (view) => renderReminderDm(cohortTranslator(directMessageLanguage(view.memberLocale, view.cohort.language)), view),
    pictures: async (view, language) =>
      (await optionalPicture(() => postPictures(cohortTranslator(language), pictures, view), logger, PictureKind.PostCharts)) ?? [],
    liveBoard: (view, language) => renderLiveBoard(cohortTranslator(language), view),
    postedBoard: (message, view) => renderPostedBoard(message, view),
  };
}
