/**
 * A preview image's size in pixels, as drawn and as announced in each page's tags. In a
 * module of its own, with no imports, so the image workers (plain Node) can load it.
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
