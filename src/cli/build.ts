/**
 * `npm run build`, and every build of the site (`npm start`, the tests, the bench):
 * `astro build` with the arguments given (e.g. `--local-preview`, `--outDir`), then its
 * finishing steps (search index, host files, swapping the site in, URL lock; see
 * integrations/finish.ts) in this process, once Astro's has exited. Run apart, the two
 * never hold their memory at once: at 10,000 events each needs about 1.5 GB.
 */
import './node-imports.ts';

const { spawnSync } = await import('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { fileURLToPath } = await import('node:url');
type Handover = import('../integrations/finish.ts').Handover;

const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'timeline-handover-'));
const file = join(folder, 'handover.json');
const build = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TIMELINE_HANDOVER: file } });
const handover = build.status === 0 ? (JSON.parse(readFileSync(file, 'utf8')) as Handover) : undefined;
rmSync(folder, { recursive: true, force: true });
if (!handover) process.exit(build.status ?? 1);

// Loaded only now, so that this process holds little while Astro's runs.
const { finishBuild } = await import('../integrations/finish.ts');

const say = (stream: NodeJS.WriteStream, message: string) => stream.write(`${new Date().toTimeString().slice(0, 8)} [finish] ${message}\n`);
try {
  await finishBuild(handover, { info: (message) => say(process.stdout, message), warn: (message) => say(process.stderr, `warning: ${message}`) });
} catch (error) {
  // The whole chain of causes: "Building the search index failed" alone says too little.
  const reasons: string[] = [];
  for (let cause: unknown = error; cause !== undefined; cause = cause instanceof Error ? cause.cause : undefined) {
    reasons.push(cause instanceof Error ? cause.message : String(cause));
  }
  say(process.stderr, `The build failed after Astro's pages, and the previous site was kept: ${reasons.join(': ')}`);
  process.exit(1);
}
