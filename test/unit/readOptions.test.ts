import {
  ApplicationCommandOptionType,
  CommandInteractionOptionResolver,
  type Attachment,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type User,
} from "discord.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import { languageOption, postChannelOption } from "../../src/discord/adminCommandOptions.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { Language } from "../../src/discord/i18n/languages.js";
import { readOptions, type OptionValues } from "../../src/discord/readOptions.js";

const _everyKindOfOption = [
  cohortOption(true),
  { ...cohortOption(false), name: "other" },
  {
    type: ApplicationCommandOptionType.String,
    name: "period",
    description: "This week or all time",
    required: false,
    choices: [
      { name: "This week", value: "week" },
      { name: "All time", value: "all" },
    ],
  },
  {
    type: ApplicationCommandOptionType.Integer,
    name: "day",
    description: "Day",
    required: true,
    choices: [
      { name: "Monday", value: 1 },
      { name: "Tuesday", value: 2 },
    ],
  },
  { type: ApplicationCommandOptionType.Number, name: "weight", description: "Weight" },
  { type: ApplicationCommandOptionType.Boolean, name: "off", description: "Off", required: false },
  { type: ApplicationCommandOptionType.User, name: "member", description: "Member", required: true },
  { type: ApplicationCommandOptionType.Attachment, name: "file", description: "File", required: true },
  postChannelOption(true),
  languageOption("Language"),
] as const;

type Values = OptionValues<typeof _everyKindOfOption>;

describe("readOptions' types follow the command's as-const definition", () => {
  it("makes a required option non-optional and leaves the others nullable", () => {
    expectTypeOf<Values["cohort"]>().toEqualTypeOf<string>();
    expectTypeOf<Values["other"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Values["weight"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Values["off"]>().toEqualTypeOf<boolean | null>();
  });

  it("narrows an option with choices to the union of its choices' values", () => {
    expectTypeOf<Values["period"]>().toEqualTypeOf<"week" | "all" | null>();
    expectTypeOf<Values["day"]>().toEqualTypeOf<1 | 2>();
    expectTypeOf<Values["language"]>().toEqualTypeOf<Language | null>();
  });

  it("resolves users, attachments and channels to discord.js objects", () => {
    expectTypeOf<Values["member"]>().toEqualTypeOf<User>();
    expectTypeOf<Values["file"]>().toEqualTypeOf<Attachment>();
    expectTypeOf<Values["channel"]>().toHaveProperty("id").toEqualTypeOf<string>();
  });

  it("offers exactly the declared names", () => {
    expectTypeOf<keyof Values>().toEqualTypeOf<
      "cohort" | "other" | "period" | "day" | "weight" | "off" | "member" | "file" | "channel" | "language"
    >();
    expectTypeOf(readOptions<typeof _everyKindOfOption>).returns.toEqualTypeOf<Values>();
    expectTypeOf(readOptions).parameter(1).toEqualTypeOf<ChatInputCommandInteraction>();
  });
});

/** A chat-input interaction whose options discord.js's own resolver reads from raw option data. */
function interactionWith(data: readonly CommandInteractionOption[]): ChatInputCommandInteraction {
  const resolver: unknown = Reflect.construct(CommandInteractionOptionResolver, [null, data, {}]);
  // Only `options` is read: the rest of the interaction plays no part.
  const interaction: unknown = { options: resolver };
  return interaction as ChatInputCommandInteraction;
}

const memberOptions = [
  cohortOption(false),
  {
    type: ApplicationCommandOptionType.String,
    name: "period",
    description: "This week or all time",
    required: false,
    choices: [
      { name: "This week", value: "week" },
      { name: "All time", value: "all" },
    ],
  },
  { type: ApplicationCommandOptionType.Integer, name: "number", description: "Week", required: true },
] as const;

describe("readOptions", () => {
  it("reads each declared option by its name, and an option left out as null", () => {
    const values = readOptions(
      memberOptions,
      interactionWith([
        { name: "period", type: ApplicationCommandOptionType.String, value: "all" },
        { name: "number", type: ApplicationCommandOptionType.Integer, value: 3 },
      ]),
    );
    expect(values).toEqual({ cohort: null, period: "all", number: 3 });
  });

  it("refuses a value outside an option's choices (an older registration's) as a changed command, rather than pass it on as one of them", () => {
    const forged = interactionWith([
      { name: "period", type: ApplicationCommandOptionType.String, value: "forever" },
      { name: "number", type: ApplicationCommandOptionType.Integer, value: 3 },
    ]);
    expect(() => readOptions(memberOptions, forged)).toThrow(expect.objectContaining({ code: "generic.outdatedCommand" }));
  });

  it("refuses an interaction that lacks a required option as a changed command", () => {
    expect(() => readOptions(memberOptions, interactionWith([]))).toThrow(expect.objectContaining({ code: "generic.outdatedCommand" }));
  });
});
