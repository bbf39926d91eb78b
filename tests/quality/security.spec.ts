import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EMBED_TEMPLATES, TEMPLATES } from '../support/templates';

/** Collects what a strict page must never do: leave its origin, break its CSP, log errors. */
async function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:') problems.push(`request to another origin: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return problems;
}

test('every template and a search stay on this origin, within the CSP, without errors', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const problems = await watch(page, origin);
  for (const { name, path } of [...TEMPLATES, ...EMBED_TEMPLATES]) {
    const response = await page.goto(path);
    if (name === '404') {
      // The browser reports the page's own 404 status; that one is meant.
      expect(response?.status()).toBe(404);
      const own = problems.findIndex((p) => p.includes('status of 404'));
      if (own >= 0) problems.splice(own, 1);
    }
    if (path.startsWith('/search/')) await expect(page.locator('#search-status')).toHaveText(/\bresults?\b|No result/);
  }
  await page.goto('/search/');
  await page.getByLabel('Words to find').fill('restraint');
  await page.getByLabel('Country').selectOption('CN');
  await expect(page.locator('.result').first()).toBeVisible();
  await page.locator('.result a').first().click();
  await page.waitForLoadState('load');
  expect(problems).toEqual([]);
});

test('every page carries a CSP without unsafe-inline scripts, allowing what search needs', async ({ request }) => {
  for (const { path } of [...TEMPLATES.filter((t) => t.name !== '404'), ...EMBED_TEMPLATES]) {
    const html = await (await request.get(path)).text();
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
  }
});

test('a _headers file sets HSTS, nosniff, the referrer policy and frame-ancestors for static hosts', () => {
  // astro preview does not serve it; static hosts read it from the output folder.
  const headers = readFileSync('dist/_headers', 'utf8');
  expect(headers).toMatch(/^\/\*$/m);
  expect(headers).toMatch(/Strict-Transport-Security: max-age=\d+/);
  expect(headers).toContain('X-Content-Type-Options: nosniff');
  expect(headers).toMatch(/Referrer-Policy: \S+/);
  expect(headers).toContain("frame-ancestors 'none'");
  // Only the embeds may be framed by other sites (tests/unit/embed.test.ts reads the rules; tests/quality/embed.spec.ts frames them).
  expect(headers).toMatch(/^\/embed\/\*\n {2}! Content-Security-Policy\n {2}! X-Frame-Options\n {2}Content-Security-Policy: frame-ancestors \*$/m);
  expect(headers).toMatch(/Cross-Origin-Resource-Policy: same-(?:origin|site)/);
  // FLoC is gone; browsers warn about the unknown feature.
  expect(headers).not.toContain('interest-cohort');
});

/** @returns each rule of `dist/_headers` by its path: a path line, then its indented headers, up to the next path line */
function readHeaderRules(): Map<string | undefined, string> {
  return new Map(
    readFileSync('dist/_headers', 'utf8')
      .split(/\n(?=\S)/)
      .map((rule) => [rule.split('\n')[0]?.trim(), rule] as const),
  );
}

test('_headers keeps the hashed /_astro/ files for a year, and only those', () => {
  const rules = readHeaderRules();
  expect(rules.get('/_astro/*')).toContain('Cache-Control: public, max-age=31536000, immutable');
  expect(rules.get('/*')).not.toContain('Cache-Control');
});

test('_headers lets other sites load the embeds, their script and the preview images, and nothing else', () => {
  const rules = readHeaderRules();
  expect(rules.get('/*')).toContain('Cross-Origin-Resource-Policy: same-origin');
  for (const path of ['/embed/*', '/og/*']) {
    expect(rules.get(path), path).toContain('! Cross-Origin-Resource-Policy');
    expect(rules.get(path), path).toContain('Cross-Origin-Resource-Policy: cross-origin');
  }
});
