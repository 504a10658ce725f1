import { LocalDateProblem, localDateProblem } from "../domain/schedule/localTime.js";
import { UserError } from "../errors.js";

/** The refusal of a typed date `parseLocalDate` does not accept: not in the YYYY-MM-DD form, or no such day. */
export function invalidDateError(typed: string): UserError<"input.invalidDate"> {
  return new UserError("input.invalidDate", { value: typed.slice(0, 40), reason: localDateProblem(typed) ?? LocalDateProblem.Format });
}
