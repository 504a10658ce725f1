import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
} from "discord.js";

export const colors = {
  brand: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  danger: 0xed4245,
  neutral: 0x99aab5,
} as const;

/** Discord's limits for embeds and components. */
export const limits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
} as const;

let graphemes: Intl.Segmenter | undefined;

/**
 * At most `max` UTF-16 units, "…" last when cut; cut only between two graphemes, never inside a flag, an emoji
 * with a skin tone or a ZWJ sequence. Only the first `max` units and the character after them are segmented
 * (a boundary depends on the text before it and the character right after it), so a long text costs no more.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 1);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let cut = 0;
  for (const { index } of graphemes.segment(text.slice(0, room + 2))) {
    if (index > room) break;
    cut = index;
  }
  return `${text.slice(0, cut)}…`;
}

/** `<t:…:f>`: every reader sees the instant in their own time zone. */
export function timestamp(instant: Date, style: "t" | "T" | "d" | "D" | "f" | "F" | "R" = "f"): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:${style}>`;
}

export function buttonRows(buttons: readonly APIButtonComponent[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let index = 0; index < buttons.length && rows.length < limits.rows; index += limits.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(index, index + limits.buttonsPerRow) });
  }
  return rows;
}

export function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger = ButtonStyle.Secondary,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label: truncate(label, limits.buttonLabel), style };
}
