import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/**
 * The parameters an ICU message uses, each with its kind ("plural",
 * "select", "number", "argument"…), read from the message's syntax tree.
 * Two languages' messages must agree on these.
 */
export function messageParameters(message: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const visit = (elements: readonly MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.tag) {
        visit(element.children);
        continue;
      }
      const kind = TYPE[element.type];
      if (!parameters.has(element.value) || kind !== "argument") parameters.set(element.value, kind);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return parameters;
}
