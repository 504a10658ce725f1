/**
 * Zero of one of Discord's bit-flag enums, e.g. `noFlags(UserFlags)`: no flag
 * set. Those enums name each bit but have no member for 0, so the one cast
 * from a number lives here.
 */
export function noFlags<Flags extends number>(_flags: Readonly<Record<string, Flags | string>>): Flags {
  return 0 as Flags;
}
