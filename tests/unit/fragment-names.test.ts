// The short fragment names of a real Pagefind bundle, read back with another CBOR
// reader (cborg) than the one that rewrote them.
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortenFragmentNames } from '../../src/build/fragment-names';

type File = { path: string; content: Uint8Array };
type Page = [name: string, words: number, group: string];
const SIGNATURE = 'pagefind_dcd';
const ENTRY = 'pagefind-entry.json';

const readMeta = (file: File) => decode(gunzipSync(file.content).subarray(SIGNATURE.length), { useMaps: false }) as [string, Page[], ...unknown[]];
const writeMeta = (meta: unknown[]) => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode(meta)]));
const metaOf = (files: File[]) => files.find(({ path }) => path.endsWith('.pf_meta')) as File;
const entryOf = (files: File[]) => files.find(({ path }) => path === ENTRY) as File;
const fragment = (files: File[], name: string) => files.find(({ path }) => path === `fragment/${name}.pf_fragment`)?.content;

let files: File[];
// A country's bundle: every third page of the site, and one page the site lacks.
let country: File[];

const record = (i: number) => ({ url: `/events/e-${i}/`, content: `Event ${i} on the border, ${'words '.repeat(i)}`, language: 'en', meta: { title: `Event ${i}` } });

async function bundle(records: ReturnType<typeof record>[]): Promise<File[]> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error('Pagefind did not start');
  for (const one of records) await index.addCustomRecord(one);
  const written = (await index.getFiles()).files.map(({ path, content }) => ({ path, content }));
  await index.deleteIndex();
  return written;
}

beforeAll(async () => {
  // More than 36 pages, so that some names take two characters.
  files = await bundle(Array.from({ length: 40 }, (_, i) => record(i)));
  country = await bundle([...Array.from({ length: 14 }, (_, i) => record(i * 3)), { ...record(99), url: '/events/only-here/' }]);
});

afterAll(() => pagefind.close());

describe('shortenFragmentNames', () => {
  it('names each page’s fragment by its place, under the metadata’s hash, and keeps the rest', () => {
    const { files: shortened, names } = shortenFragmentNames(files);
    const before = readMeta(metaOf(files));
    const after = readMeta(metaOf(shortened));
    const folder = metaOf(files).path.replace(/^pagefind\.(.+)\.pf_meta$/, '$1');

    // The metadata is named by what it holds, and the entry file says so.
    const hash = `en_${createHash('sha256').update(metaOf(shortened).content).digest('hex').slice(0, 10)}`;
    expect(metaOf(shortened).path).toBe(`pagefind.${hash}.pf_meta`);
    expect(JSON.parse(Buffer.from(entryOf(shortened).content).toString()).languages.en.hash).toBe(hash);
    expect(after[1]).toHaveLength(40);
    after[1].forEach(([name, words, group], i) => {
      expect(name).toBe(`${folder}/${i.toString(36)}`);
      const [oldName, oldWords, oldGroup] = before[1][i] as Page;
      expect([words, group]).toEqual([oldWords, oldGroup]);
      // The page's own fragment, byte for byte, under its new name.
      expect(fragment(shortened, name)).toEqual(fragment(files, oldName));
      expect(names.get(oldName)).toBe(name);
    });
    expect([after[0], ...after.slice(2)]).toEqual([before[0], ...before.slice(2)]);
    expect(shortened.map(({ path }) => path).filter((path) => path.startsWith('fragment/') && !path.startsWith(`fragment/${folder}/`))).toEqual([]);
    expect(shortened).toHaveLength(files.length);
    const rest = (bundle: File[]) => bundle.filter(({ path }) => !path.startsWith('fragment/') && !path.endsWith('.pf_meta') && path !== ENTRY);
    expect(rest(shortened)).toEqual(rest(files));
  });

  it('points a bundle’s pages at another’s fragments where it holds the same, and keeps its own copy of none of those', () => {
    const site = shortenFragmentNames(files);
    const { files: shortened } = shortenFragmentNames(country, { names: site.names, up: '../../' });
    const before = readMeta(metaOf(country))[1];
    const after = readMeta(metaOf(shortened))[1];
    expect(after).toHaveLength(15);
    // Where the browser fetches each page's text from, as Pagefind builds the address.
    const fetched = (name: string) => new URL(`fragment/${name}.pf_fragment`, 'https://example.org/pagefind/country/cn/').pathname;
    const fromSite = (name: string) => site.files.find(({ path }) => `/pagefind/${path}` === fetched(name))?.content;
    after.forEach(([name], i) => {
      const [oldName] = before[i] as Page;
      const own = fetched(name).startsWith('/pagefind/country/cn/');
      // The same text as the page's own fragment, fetched from the whole site's bundle but for the page it lacks.
      expect(own ? fragment(shortened, name) : fromSite(name), name).toEqual(fragment(country, oldName));
      expect(own, name).toBe(i === 14);
    });
    expect(shortened.filter(({ path }) => path.startsWith('fragment/'))).toHaveLength(1);
  });

  it('leaves a bundle with grouped fragments as it is', () => {
    const meta = readMeta(metaOf(files));
    (meta[1][0] as Page)[2] = 'en_group1';
    const grouped = files.map((file) => (file === metaOf(files) ? { ...file, content: writeMeta(meta) } : file));
    expect(shortenFragmentNames(grouped).files).toEqual(grouped);
  });

  it('fails naming the file when the metadata is not Pagefind’s', () => {
    const meta = metaOf(files);
    const broken = (content: Uint8Array) => files.map((file) => (file === meta ? { ...file, content } : file));
    expect(() => shortenFragmentNames(broken(gzipSync('not_pagefind')))).toThrow(`metadata ${meta.path} is not as expected: its signature`);
    expect(() => shortenFragmentNames(broken(gzipSync(gunzipSync(meta.content).subarray(0, 200))))).toThrow(`metadata ${meta.path} is not as expected: it ends early`);
    const missing = files.filter(({ path }) => path !== `fragment/${readMeta(meta)[1][3]?.[0] ?? ''}.pf_fragment`);
    expect(() => shortenFragmentNames(missing)).toThrow('names a fragment it did not write');
  });
});
