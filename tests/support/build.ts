/**
 * Runs a real build of the project, as `npm run build` does (`astro build`, then the
 * finishing steps), on the content folder a test names, into a folder of its own, and
 * returns what it printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** @returns the environment less NODE_ENV */
export function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest['NODE_ENV'];
  return rest;
}

/**
 * @param contentDir the events folder, relative to the project root
 * @param env extra environment, e.g. `TZ`
 * @param outDir where the site goes; a new temporary folder by default
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}, outDir = mkdtempSync(join(tmpdir(), 'timeline-build-'))): BuildResult {
  const result = spawnSync(process.execPath, ['src/cli/build.ts', '--local-preview', '--outDir', outDir], {
    encoding: 'utf8',
    // Without the test runner's NODE_ENV (test), under which Vite builds with
    // import.meta.env.DEV set: a host's build has none.
    env: { ...withoutNodeEnv(process.env), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', TIMELINE_CONTENT_DIR: contentDir, ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
