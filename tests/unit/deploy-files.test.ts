/**
 * The example GitHub Pages workflow: valid YAML whose steps are all named, that
 * installs with `npm ci`, keeps the image and content caches, builds with the Pages
 * address and deploys with GitHub's Pages actions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

describe('the GitHub Pages workflow', () => {
  const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8'), { prettyErrors: true, strict: true, uniqueKeys: true }) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const step = (test: (s: Step) => boolean) => steps.find(test);

  it('names every step, and each name once', () => {
    const names = steps.map((s) => s.name);
    expect(names.every((name) => typeof name === 'string' && name.length > 0), JSON.stringify(names)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('installs with npm ci, restores the cache folder before building, and builds with the Pages address', () => {
    const order = (s: Step | undefined) => (s ? steps.indexOf(s) : -1);
    const install = step((s) => /^npm ci\b/.test(s.run ?? ''));
    const cache = step((s) => (s.uses ?? '').startsWith('actions/cache@'));
    const build = step((s) => s.run === 'npm run build');
    expect(install && cache && build).toBeTruthy();
    expect(cache?.with?.['path']).toBe('.cache');
    expect(order(install)).toBeLessThan(order(build));
    expect(order(cache)).toBeLessThan(order(build));
    expect(build?.env?.['SITE_URL']).toContain('steps.pages.outputs.origin');
    expect(build?.env?.['BASE_PATH']).toContain('steps.pages.outputs.base_path');
  });

  it('uploads dist/ and deploys it with the Pages actions and their permissions', () => {
    expect(step((s) => (s.uses ?? '').startsWith('actions/upload-pages-artifact@'))?.with?.['path']).toBe('dist');
    expect(step((s) => (s.uses ?? '').startsWith('actions/deploy-pages@'))).toBeDefined();
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});
