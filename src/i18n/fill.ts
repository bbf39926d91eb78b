/**
 * @param template a UI string with `{name}` placeholders
 * @param values replacements for the placeholders
 * @returns the string with its placeholders filled in; unknown ones are left as they are
 */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}
