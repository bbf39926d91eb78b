/**
 * An oEmbed 1.0 response checked against the spec (https://oembed.com/, section 2.3),
 * written from its text: every rule a consumer relies on, nothing of ours.
 */

const TYPES = ['photo', 'video', 'link', 'rich'];
const STRINGS = ['title', 'author_name', 'author_url', 'provider_name', 'provider_url', 'thumbnail_url', 'url', 'html'];
const URLS = ['author_url', 'provider_url', 'thumbnail_url', 'url'];
const NUMBERS = ['cache_age', 'thumbnail_width', 'thumbnail_height', 'width', 'height'];

/** @returns what is wrong with a parsed oEmbed response; empty when it follows the spec */
export function checkOembed(doc: unknown): string[] {
  const problems: string[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['not a JSON object'];
  const d = doc as Record<string, unknown>;
  // 2.3.4: type and version are required, and the version must be "1.0".
  if (!TYPES.includes(String(d['type']))) problems.push(`type must be one of ${TYPES.join(', ')}, is ${String(d['type'])}`);
  if (d['version'] !== '1.0') problems.push(`version must be "1.0", is ${JSON.stringify(d['version'])}`);
  for (const key of STRINGS) if (key in d && typeof d[key] !== 'string') problems.push(`${key} must be a string`);
  for (const key of URLS) {
    if (typeof d[key] === 'string' && !URL.canParse(d[key])) problems.push(`${key} must be an absolute URL`);
  }
  for (const key of NUMBERS) {
    if (key in d && (typeof d[key] !== 'number' || !Number.isInteger(d[key]) || (d[key] as number) < 0)) problems.push(`${key} must be a non-negative whole number`);
  }
  // "If this parameter is present, thumbnail_width and thumbnail_height must also be present", and each needs the others.
  const thumbnail = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((key) => key in d);
  if (thumbnail.length !== 0 && thumbnail.length !== 3) problems.push(`thumbnail_url, thumbnail_width and thumbnail_height go together; only ${thumbnail.join(', ')}`);
  // 2.3.4.1-4: what each type requires.
  const required = { photo: ['url', 'width', 'height'], video: ['html', 'width', 'height'], rich: ['html', 'width', 'height'], link: [] }[String(d['type'])] ?? [];
  for (const key of required) if (!(key in d)) problems.push(`a ${String(d['type'])} response needs ${key}`);
  // "The HTML should have no padding or margins. Consumers may wish to load the HTML in an off-domain iframe."
  if (typeof d['html'] === 'string' && /<script\b/i.test(d['html'])) problems.push('html carries a script: consumers cannot be asked to run it');
  return problems;
}
