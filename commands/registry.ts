import type { ButtonHandler, SlashCommand } from "../src/discord/commandTypes.js";
import { doneButton } from "./buttons/doneButton.js";
import { doneCommand } from "./done.js";
import { joinCommand } from "./join.js";
import { todayCommand } from "./today.js";

/** Every slash command the bot registers, in the order Discord lists them. */
export const slashCommands: readonly SlashCommand[] = [todayCommand, doneCommand, joinCommand];

/** Every button family, by custom-id prefix. */
export const buttonHandlers: readonly ButtonHandler[] = [doneButton];
