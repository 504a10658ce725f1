import { describe, expect, it } from "vitest";
import { slashCommands } from "../../commands/registry.js";
import { MAX_PERSONAL_BREAK_DAYS } from "../../src/domain/schedule/memberPlan.js";

// The booking check lets a break end up to 28 days after its first day (29 days off): "at most 28 days" of break
// would promise one day less than /break takes, and a member planning a four-week holiday would be misled.
interface Described {
  readonly name: string;
  readonly description: string;
  readonly description_localizations?: Readonly<Record<string, string>>;
  readonly options?: readonly Described[];
}

const breakCommand = slashCommands.find((command) => command.definition.name === "break")?.definition as unknown as Described;
const daysAfter = { en: `${MAX_PERSONAL_BREAK_DAYS} days after`, "es-ES": `${MAX_PERSONAL_BREAK_DAYS} días después` } as const;

describe("/break's descriptions", () => {
  it.each([
    ["the command", breakCommand],
    ["the to option", breakCommand.options?.find((option) => option.name === "to")],
  ])("%s counts the limit in days after the first day off, as the booking check does", (_, node) => {
    expect(node?.description).toContain(daysAfter.en);
    expect(node?.description_localizations?.["es-ES"]).toContain(daysAfter["es-ES"]);
  });
});
