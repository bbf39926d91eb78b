// The short fragment names of a real Pagefind bundle, read back with another CBOR
// reader (cborg) than the one that rewrote them.
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortenFragmentNames } from '../../src/build/fragment-names';

type File = { path: string; content: Uint8Array };
type Page = [name: string, words: number, group: string];
const SIGNATURE = 'pagefind_dcd';

const readMeta = (file: File) => decode(gunzipSync(file.content).subarray(SIGNATURE.length), { useMaps: false }) as [string, Page[], ...unknown[]];
const writeMeta = (meta: unknown[]) => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode(meta)]));
const metaOf = (files: File[]) => files.find(({ path }) => path.endsWith('.pf_meta')) as File;
const fragment = (files: File[], name: string) => files.find(({ path }) => path === `fragment/${name}.pf_fragment`)?.content;

let files: File[];

beforeAll(async () => {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error('Pagefind did not start');
  // More than 36 pages, so that some names take two characters.
  for (let i = 0; i < 40; i++) {
    await index.addCustomRecord({ url: `/events/e-${i}/`, content: `Event ${i} on the border, ${'words '.repeat(i)}`, language: 'en', meta: { title: `Event ${i}` } });
  }
  files = (await index.getFiles()).files.map(({ path, content }) => ({ path, content }));
});

afterAll(() => pagefind.close());

describe('shortenFragmentNames', () => {
  it('names each page’s fragment by its place, under the metadata’s hash, and keeps the rest', () => {
    const shortened = shortenFragmentNames(files);
    const before = readMeta(metaOf(files));
    const after = readMeta(metaOf(shortened));
    const folder = metaOf(files).path.replace(/^pagefind\.(.+)\.pf_meta$/, '$1');

    expect(metaOf(shortened).path).toBe(metaOf(files).path);
    expect(after[1]).toHaveLength(40);
    after[1].forEach(([name, words, group], i) => {
      expect(name).toBe(`${folder}/${i.toString(36)}`);
      const [oldName, oldWords, oldGroup] = before[1][i] as Page;
      expect([words, group]).toEqual([oldWords, oldGroup]);
      // The page's own fragment, byte for byte, under its new name.
      expect(fragment(shortened, name)).toEqual(fragment(files, oldName));
    });
    expect([after[0], ...after.slice(2)]).toEqual([before[0], ...before.slice(2)]);
    expect(shortened.map(({ path }) => path).filter((path) => path.startsWith('fragment/') && !path.startsWith(`fragment/${folder}/`))).toEqual([]);
    expect(shortened).toHaveLength(files.length);
    expect(shortened.filter(({ path }) => !path.startsWith('fragment/') && !path.endsWith('.pf_meta'))).toEqual(files.filter(({ path }) => !path.startsWith('fragment/') && !path.endsWith('.pf_meta')));
  });

  it('leaves a bundle with grouped fragments as it is', () => {
    const meta = readMeta(metaOf(files));
    (meta[1][0] as Page)[2] = 'en_group1';
    const grouped = files.map((file) => (file === metaOf(files) ? { ...file, content: writeMeta(meta) } : file));
    expect(shortenFragmentNames(grouped)).toEqual(grouped);
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
