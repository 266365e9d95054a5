import { BadUserInputError } from "./errors";

/** A plausible e-mail address: one @, a dot in the domain, no spaces. */
export const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** A calendar date, YYYY-MM-DD (2026-02-30 is refused). */
export function checkDate(value: string, field: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(field, `"${value}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}
