/**
 * Runs a command (the test suite) and fails when it changed what git sees: a tracked
 * file edited or deleted, or a new file that is not ignored. Tests must leave the
 * checkout as they found it; a build under test once rewrote the committed URL lock.
 * Changes made before the run (a developer's own edits) are allowed; only the run's
 * own are reported.
 *
 * Usage: `node tests/hermetic/unchanged.ts <command> [args…]`
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

interface TreeState {
  /** `git status` lines, e.g. ` M content/published-urls.txt` */
  status: Set<string>;
  /** Digest of every change to tracked files, so a second edit to an edited file shows. */
  digest: string;
}

function readTree(): TreeState {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const status = new Set(git('status', '--porcelain=v1', '--untracked-files=all').split('\n').filter(Boolean));
  const digest = createHash('sha256').update(git('diff', 'HEAD', '--binary')).digest('hex');
  return { status, digest };
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node tests/hermetic/unchanged.ts <command> [args…]');
  process.exit(2);
}

const before = readTree();
const run = spawnSync(command, args, { stdio: 'inherit' });
const after = readTree();

const changed = [...after.status].filter((line) => !before.status.has(line));
const gone = [...before.status].filter((line) => !after.status.has(line));
if (changed.length > 0 || gone.length > 0 || before.digest !== after.digest) {
  console.error('\nThe tests changed files in the checkout (git status before and after differ):');
  for (const line of [...changed, ...gone]) console.error(`  ${line}`);
  if (changed.length === 0 && gone.length === 0) console.error('  (files that were already edited before the run were changed again; see git diff)');
  console.error('Tests must write only to temporary or ignored folders.');
  process.exit(1);
}
process.exit(run.status ?? 1);
