/**
 * Debian's nginx, started on a loopback port with the snippet the build writes
 * (`dist/nginx.conf`), as the README's nginx recipe has it: a server whose root is the
 * built folder. Runs in the foreground as one process, with every file it writes in a
 * temporary folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** @returns the nginx binary (`NGINX_PATH`, the PATH, or Debian's /usr/sbin/nginx), or none */
export function findNginx(): string | undefined {
  const named = process.env['NGINX_PATH'];
  if (named) return named;
  const onPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined;
}

// Beside the browser tests' two ports (TIMELINE_TEST_PORT and the next one).
export const NGINX_PORT = Number(process.env['TIMELINE_NGINX_PORT'] ?? Number(process.env['TIMELINE_TEST_PORT'] ?? 4322) + 2);

/**
 * @param nginx the binary
 * @param site the built folder, holding the build's nginx.conf
 * @returns its origin and a function that stops it
 */
export async function startNginx(nginx: string, site: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const prefix = mkdtempSync(join(tmpdir(), 'timeline-nginx-'));
  const root = resolve(site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${prefix}/${name};`).join('\n');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
${temp}
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${root};
    include ${root}/nginx.conf;
  }
}
`,
  );
  const tested = spawnSync(nginx, ['-t', '-p', prefix, '-e', `${prefix}/error.log`, '-c', `${prefix}/nginx.conf`], { encoding: 'utf8' });
  if (tested.status !== 0) throw new Error(`nginx rejects the configuration:\n${tested.stderr}`);
  const server: ChildProcess = spawn(nginx, ['-p', prefix, '-e', `${prefix}/error.log`, '-c', `${prefix}/nginx.conf`], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${NGINX_PORT}`;
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill();
      await new Promise((done) => server.once('exit', done));
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fetch(`${origin}/`);
      return { origin, stop };
    } catch (error) {
      if (server.exitCode !== null || attempt > 50) {
        const log = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
        await stop();
        throw new Error(`nginx did not start on port ${NGINX_PORT}:\n${log}`, { cause: error });
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}
