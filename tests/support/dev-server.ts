/**
 * `astro dev` as an editor runs it, on a copy of the events in a temporary folder
 * outside the project, for tests that edit content and watch the browser.
 *
 * The dev server keeps its content store in `<root>/.astro/`, so it runs on a copy of
 * the project's sources in `.test-dist/` (ignored): a test never writes to the store
 * of an editor's own `npm run dev` in the same checkout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Ready in about 10 s on a quiet machine.
const READY_MS = 120_000;
const PROJECT_FILES = ['src', 'public', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export interface DevServer {
  /** The server's origin with a trailing slash, e.g. `http://localhost:4570/` */
  url: string;
  /** The events folder the server reads: edit files here. */
  events: string;
  /** Its redirects file (a copy of `content/redirects.json`), beside a copy of the URL lock. */
  redirects: string;
  /** Everything the server printed so far. */
  log: () => string;
  /** Stops the server and starts it again in the same checkout, as an editor does: its `.astro` content store kept. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * @param source the events to copy, the story's own by default (the bench gives generated ones)
 * @param extraEnv more environment, e.g. the bench's own cache folder
 * @param project the Astro project to run, this one by default (the bench also runs its
 *   bare skeleton); its files of `PROJECT_FILES` are copied
 * @returns a running dev server over a fresh copy of `source`, the URL lock and redirects
 */
export async function startDevServer(source = 'content/events', extraEnv: Record<string, string> = {}, project = '.'): Promise<DevServer> {
  const temp = mkdtempSync(join(tmpdir(), 'timeline-dev-'));
  const events = join(temp, 'events');
  cpSync(source, events, { recursive: true });
  const lock = join(temp, 'published-urls.txt');
  const redirects = join(temp, 'redirects.json');
  cpSync('content/published-urls.txt', lock);
  cpSync('content/redirects.json', redirects);
  const root = join('.test-dist', temp.split(/[\\/]/).at(-1) ?? 'timeline-dev');
  mkdirSync(root, { recursive: true });
  for (const file of PROJECT_FILES) {
    if (existsSync(join(project, file))) cpSync(join(project, file), join(root, file), { recursive: true });
  }

  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TIMELINE_CONTENT_DIR: events, TIMELINE_URL_LOCK: lock, TIMELINE_REDIRECTS: redirects, ...extraEnv };
  delete env['BASE_PATH'];
  delete env['SITE_URL'];
  const removeCopies = () => {
    rmSync(temp, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  };
  // A port the system picks, away from the fixed ports of other test runs on the machine;
  // should it be taken meanwhile, Vite moves on and prints the one it took. Kept for a
  // restart: Astro clears its content store when its config, the port included, changes.
  const port = await findFreePort();
  let running = await launch(root, env, port).catch((error: unknown) => {
    removeCopies();
    throw error;
  });
  const server: DevServer = {
    url: running.url,
    events,
    redirects,
    log: () => running.log(),
    restart: async () => {
      await running.stop();
      running = await launch(root, env, port);
      server.url = running.url;
    },
    stop: async () => {
      await running.stop();
      removeCopies();
    },
  };
  return server;
}

/** Starts `astro dev` in `root`; resolves once it prints its address. */
async function launch(root: string, env: NodeJS.ProcessEnv, port: number): Promise<{ url: string; log: () => string; stop: () => Promise<void> }> {
  // --ignore-lock: an editor's dev server in this checkout may be running.
  const args = ['node_modules/astro/bin/astro.mjs', 'dev', '--root', root, '--ignore-lock', '--port', String(port)];
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        // eslint-disable-next-line no-control-regex -- colours in the log
        output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
        const local = /Local\s+(http:\/\/localhost:\d+\/)/.exec(output);
        if (local?.[1]) resolve(local[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then(() => reject(new Error(`astro dev exited before it was ready:\n${output}`)));
      setTimeout(() => reject(new Error(`astro dev was not ready after ${READY_MS / 1000} s:\n${output}`)), READY_MS).unref();
    });
    return { url, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
