/**
 * Serves a built site as a static host does, with the headers its `_headers` file
 * names for each path (astro preview ignores that file), so that tests can see what
 * a browser does with them: which pages another site may frame.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { getHeadersForPath, parseHeaders } from '../../src/lib/headers.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** @returns a server listening on a loopback port */
export async function listen(port: number, handler: RequestListener): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

/**
 * @param root the built site, e.g. `dist`
 * @param port the port to serve it on
 * @returns the server; `_headers` is applied to every response, 404s included
 */
export function serveWithHeaders(root: string, port: number): Promise<Server> {
  const rules = parseHeaders(readFileSync(join(root, '_headers'), 'utf8'));
  return listen(port, (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    for (const [name, value] of getHeadersForPath(rules, pathname)) response.setHeader(name, value);
    let file = join(root, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
}
