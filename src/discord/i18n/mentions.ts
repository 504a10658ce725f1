import { markup, type Markup } from "./Translator.js";

/** A cohort's channel as a mention (markup: never escaped), for every reply that names it. */
export function channelMention(cohort: { readonly channelId: string }): Markup {
  return markup(`<#${cohort.channelId}>`);
}

/** A role as a mention (markup: never escaped), for every reply that names it. */
export function roleMention(roleId: string): Markup {
  return markup(`<@&${roleId}>`);
}
