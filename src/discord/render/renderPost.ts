import type { PostView } from "../../services/PostService.js";
import type { RenderedPost } from "./postMessage.js";
import { renderCheckpointPost } from "./renderCheckpointPost.js";
import { renderClosingPost } from "./renderClosingPost.js";
import { renderLeaderboardPost } from "./renderLeaderboardPost.js";
import { renderWeekPost } from "./renderWeekPost.js";

/**
 * Any cohort-channel post. The scheduler, `/cohort announce`, `/cohort
 * preview` and the `simulate` CLI all render through here, so what the admin
 * previews is what the channel gets. `inertButtons` (preview) disables the
 * checkpoint buttons.
 */
export function renderPost(post: PostView, options: { readonly inertButtons?: boolean } = {}): RenderedPost {
  switch (post.kind) {
    case "week":
      return renderWeekPost(post.view);
    case "checkpoint":
      return renderCheckpointPost(post.view, { disabled: options.inertButtons === true });
    case "closing":
      return renderClosingPost(post.view);
    case "leaderboard":
      return renderLeaderboardPost(post.view);
  }
}
