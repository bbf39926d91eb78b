/** UI strings, kept in one keyed file so that wording changes in one place. */
import en from './en.json';

export type UiKey = keyof typeof en;

/**
 * @param key a key of `en.json`
 * @param values replacements for `{name}` placeholders
 * @returns the string with its placeholders filled in
 */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}
