/**
 * Short names for a Pagefind bundle's fragment files, which its metadata lists page by
 * page, and which every search downloads first.
 *
 * Pagefind names each page's fragment (the text a result shows) by a hash of its
 * content, `en_4090eff`, and lists those names in the metadata. Random names do not
 * compress: Pakistan's metadata at 10,000 events was 55.4 KB as Pagefind writes it.
 * Here each fragment is named by its place in the list, in a folder named by the
 * metadata's own hash (`en_4d8bc943f2/0`, `…/1`, …), and the metadata is compressed at
 * zlib's best: 34.8 KB. The names still change whenever any fragment does, since the
 * metadata's hash does, so no cache can serve an old fragment under a current name.
 *
 * The metadata is gzipped CBOR after a signature: `[version, pages, …]`, each page
 * `[fragment name, word count, fragment group]`. Only the names are rewritten; the rest
 * is copied byte for byte.
 */
import { createHash } from 'node:crypto';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { FileToWrite } from './write-files';

const SIGNATURE = 'pagefind_dcd';
const ENTRY = 'pagefind-entry.json';
const TEXT = 3;
const ARRAY = 4;
const MAP = 5;

/** A CBOR item's head: its major type, its argument, and where what follows begins. */
interface Head {
  major: number;
  value: number;
  next: number;
}

function readHead(bytes: Uint8Array, at: number): Head {
  const first = bytes[at];
  if (first === undefined) throw new Error('it ends early');
  const major = first >> 5;
  const info = first & 0x1f;
  if (info < 24) return { major, value: info, next: at + 1 };
  const size = { 24: 1, 25: 2, 26: 4 }[info];
  if (size === undefined || at + 1 + size > bytes.length) throw new Error(`it holds an item this reader does not know (0x${first.toString(16)} at byte ${at})`);
  let value = 0;
  for (let i = 1; i <= size; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return { major, value, next: at + 1 + size };
}

/** @returns where the item at `at` ends */
function skip(bytes: Uint8Array, at: number): number {
  const { major, value, next } = readHead(bytes, at);
  if (major === 2 || major === TEXT) return next + value;
  if (major === ARRAY || major === MAP) {
    let end = next;
    for (let i = 0; i < value * (major === MAP ? 2 : 1); i++) end = skip(bytes, end);
    return end;
  }
  // Integers, and simple values or floats, whose bytes the head already covers.
  return next;
}

function textItem(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  const length = body.length;
  const head = length < 24 ? [(TEXT << 5) | length] : length < 256 ? [(TEXT << 5) | 24, length] : [(TEXT << 5) | 25, length >> 8, length & 0xff];
  return Buffer.concat([Uint8Array.from(head), body]);
}

/** Another bundle's fragments, for a bundle whose pages it holds too. */
export interface SharedFragments {
  /** Pagefind's name of each of its fragments → its short name there (`en_e57349bb27/0`) */
  names: ReadonlyMap<string, string>;
  /** That bundle's folder, relative to this one's (`../../`) */
  up: string;
}

/** A bundle's files with short fragment names, and the names its own fragments got. */
export interface ShortenedBundle<File> {
  files: File[];
  /** Pagefind's name of each fragment this bundle writes → its short name */
  names: Map<string, string>;
}

/**
 * Renames a bundle's fragments by their place in its metadata (see above). A page whose
 * fragment `shared` holds is pointed at that one instead (`../../../fragment/en_…/0`:
 * Pagefind fetches `<bundle>/fragment/<name>.pf_fragment`), and its own copy is
 * dropped. The same page makes the same fragment, byte for byte, in every bundle, and
 * Pagefind names fragments by their content. So a country bundle writes no fragment
 * of its own, and a reader who searches a country and then the whole site fetches each
 * result's text once. The metadata is then named by a hash of what it holds, since it
 * now changes with another bundle's names.
 *
 * A bundle whose pages share grouped fragment files is returned as it is: a group is
 * read by the pages' names.
 *
 * @param files a bundle's files, as Pagefind wrote them
 * @param shared another bundle's fragments, which this one's pages may share
 * @returns the same files, the metadata and fragments renamed, those shared dropped
 */
export function shortenFragmentNames<File extends FileToWrite>(files: readonly File[], shared?: SharedFragments): ShortenedBundle<File> {
  const metas = files.filter(({ path }) => /^pagefind\.[^/]+\.pf_meta$/.test(path));
  const byPath = new Map(files.map((file) => [file.path, file]));
  const renamed = new Map<string, File | undefined>();
  const names = new Map<string, string>();
  const hashes = new Map<string, string>();
  for (const meta of metas) {
    const folder = meta.path.slice('pagefind.'.length, -'.pf_meta'.length);
    const bytes = gunzipSync(meta.content);
    const own = new Map<string, string>();
    const parts: Uint8Array[] = [];
    try {
      if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error('its signature is not Pagefind’s');
      const top = readHead(bytes, SIGNATURE.length);
      if (top.major !== ARRAY || top.value < 2) throw new Error('it is not a list');
      const pages = readHead(bytes, skip(bytes, top.next));
      if (pages.major !== ARRAY) throw new Error('its pages are not a list');
      parts.push(bytes.subarray(0, pages.next));
      let at = pages.next;
      for (let i = 0; i < pages.value; i++) {
        const page = readHead(bytes, at);
        const name = readHead(bytes, page.next);
        if (page.major !== ARRAY || page.value < 1 || name.major !== TEXT) throw new Error(`page ${i} is not a list beginning with its fragment’s name`);
        const end = skip(bytes, at);
        const group = page.value >= 3 ? readHead(bytes, skip(bytes, skip(bytes, page.next))) : undefined;
        if (group && group.major === TEXT && group.value > 0) return { files: [...files], names: new Map() };
        const old = bytes.subarray(name.next, name.next + name.value).toString('utf8');
        const elsewhere = shared?.names.get(old);
        const fresh = elsewhere !== undefined ? `../${shared?.up ?? ''}fragment/${elsewhere}` : (own.get(old) ?? `${folder}/${own.size.toString(36)}`);
        if (elsewhere === undefined) own.set(old, fresh);
        else renamed.set(`fragment/${old}.pf_fragment`, undefined);
        parts.push(bytes.subarray(at, page.next), textItem(fresh), bytes.subarray(name.next + name.value, end));
        at = end;
      }
      parts.push(bytes.subarray(at));
    } catch (error) {
      throw new Error(`Pagefind’s metadata ${meta.path} is not as expected: ${(error as Error).message}`, { cause: error });
    }
    for (const [old, fresh] of own) {
      const fragment = byPath.get(`fragment/${old}.pf_fragment`);
      if (!fragment) throw new Error(`Pagefind’s metadata ${meta.path} names a fragment it did not write: ${old}`);
      renamed.set(fragment.path, { ...fragment, path: `fragment/${fresh}.pf_fragment` });
      names.set(old, fresh);
    }
    const content = gzipSync(Buffer.concat(parts), { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
    const language = folder.slice(0, folder.lastIndexOf('_'));
    const hash = `${language}_${createHash('sha256').update(content).digest('hex').slice(0, 10)}`;
    hashes.set(folder, hash);
    renamed.set(meta.path, { ...meta, path: `pagefind.${hash}.pf_meta`, content });
  }
  const entry = byPath.get(ENTRY);
  if (entry && hashes.size > 0) {
    const json = JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages: Record<string, { hash: string }> };
    for (const language of Object.values(json.languages)) language.hash = hashes.get(language.hash) ?? language.hash;
    renamed.set(ENTRY, { ...entry, content: Buffer.from(JSON.stringify(json)) });
  }
  return { files: files.flatMap((file) => (renamed.has(file.path) ? (renamed.get(file.path) ?? []) : [file])), names };
}
