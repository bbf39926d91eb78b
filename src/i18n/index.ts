/** UI strings, kept in one keyed file so that wording changes in one place. */
import en from './en.json';
import { fill } from './fill';

export type UiKey = keyof typeof en;

/**
 * @param key a key of `en.json`
 * @param values replacements for `{name}` placeholders
 * @returns the string with its placeholders filled in
 */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return fill(en[key], values);
}

/**
 * The strings a script in the reader's browser needs, to hand it in the page rather
 * than bundle every string of the site with it.
 *
 * @param prefixes key prefixes, e.g. `search.`
 * @returns the strings whose keys start with one of them
 */
export function pickStrings(...prefixes: string[]): Partial<Record<UiKey, string>> {
  return Object.fromEntries(Object.entries(en).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))));
}
