import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { visibleText } from "./botHarness.js";

/** The heading of the group a member is listed under on a `/cohort roster` page; "" when the page does not list them. */
export function rosterGroupOf(message: EmulatorMessage, userId: string): string {
  let group = "";
  for (const line of visibleText(message).split("\n")) {
    const heading = /^\*\*\S+ (Behind|Quiet|Not yet|On track|Finished)\*\*/.exec(line);
    if (heading !== null) group = heading[1] ?? "";
    if (line.includes(`<@${userId}>`)) return group;
  }
  return "";
}
