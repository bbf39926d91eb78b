/**
 * The build of the real content, as `npm run build` does, except that the URL
 * lock is a copy in a temporary folder: a lost URL still fails the build, but a test
 * run never rewrites the committed `content/published-urls.txt`. Arguments are passed
 * on to it, e.g. `--outDir .test-dist/subpath`. It is a local preview: the
 * site may stay at localhost.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK = 'content/published-urls.txt';

const folder = mkdtempSync(join(tmpdir(), 'timeline-lock-'));
const lock = join(folder, 'published-urls.txt');
if (existsSync(LOCK)) copyFileSync(LOCK, lock);
const build = spawnSync(process.execPath, ['src/cli/build.ts', '--local-preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TIMELINE_URL_LOCK: lock },
});
rmSync(folder, { recursive: true, force: true });
process.exit(build.status ?? 1);
