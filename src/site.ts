/**
 * The story's own words about itself, from `content/site.json`: its title and
 * description. Read by the pages (through story.ts) and by the build's preview images,
 * which start drawing before any page is rendered.
 */
import siteJson from '../content/site.json';
import { parseFileData, siteSchema } from './lib/site-files';

export const site = parseFileData('content/site.json', siteJson, siteSchema);
