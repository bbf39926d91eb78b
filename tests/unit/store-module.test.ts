/**
 * In `npm run dev`, the module that hands Astro's content store to the pages reads the
 * store's file when it runs, instead of carrying the whole file as a string
 * (src/integrations/fresh-content.ts): it gives the pages the same store, and it
 * replaces Astro's module only when that module is the file as it is on disk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoreWhenRun, STORE_MODULE } from '../../src/integrations/fresh-content';

const folder = mkdtempSync(join(tmpdir(), 'store-module-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A content store as Astro writes it, with quotes, backslashes and text outside ASCII at both ends. */
function storeText(entries: number, pad = 0): string {
  const entry = (i: number) => ({ id: `2024-01-18-event-${i}${i === 0 ? '-'.repeat(pad) : ''}`, html: `<p>“Quoted,” he said \\ back\\slash — سیستان و بلوچستان ${i}</p>` });
  return JSON.stringify([['Map', 1], ...Array.from({ length: entries }, (_, i) => entry(i))]);
}

/** @returns Astro's module for the store in `text`: the file embedded whole */
const astroModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;

function transform(code: string, file: string): string | undefined {
  const { transform: hook } = readStoreWhenRun(file);
  if (typeof hook !== 'object' || hook === null) throw new Error('no transform hook');
  const result = (hook.handler as (code: string, id: string) => { code: string } | undefined).call({}, code, STORE_MODULE);
  return result?.code;
}

let modules = 0;
/** @returns the value the module exports, as the module runner would get it */
async function run(code: string): Promise<unknown> {
  const file = join(folder, `module-${modules++}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('the content store module in dev', () => {
  it('gives the pages the same store, read from the file', async () => {
    // Short and long, each end read where it cuts a character in two, or not.
    for (const entries of [1, 3, 40]) {
      for (let pad = 0; pad < 40; pad++) {
        const file = join(folder, `store-${entries}-${pad}.json`);
        const text = storeText(entries, pad);
        writeFileSync(file, text);
        const code = transform(astroModule(text), file);
        expect(code, `${entries} entries, ${pad} more characters`).toBeDefined();
        expect(code?.length).toBeLessThan(300);
        expect(await run(code ?? '')).toEqual(JSON.parse(text));
      }
    }
  });

  it('leaves Astro\'s module alone when the file is not what it embeds', () => {
    const file = join(folder, 'store-changed.json');
    writeFileSync(file, storeText(40));
    expect(transform(astroModule(storeText(39)), file)).toBeUndefined();
    expect(transform(astroModule(storeText(40).replace('event-0"', 'event-9"')), file)).toBeUndefined();
    expect(transform(astroModule(storeText(40).replace('event-39"', 'event-30"')), file)).toBeUndefined();
  });

  it('leaves Astro\'s module alone when there is no store, or the module has another form', () => {
    expect(transform('export default new Map()', join(folder, 'missing.json'))).toBeUndefined();
    const file = join(folder, 'store-other.json');
    writeFileSync(file, storeText(3));
    expect(transform('export default {"events":[]}', file)).toBeUndefined();
  });
});
