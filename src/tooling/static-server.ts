/**
 * Serves a built site on 127.0.0.1 under its base path, for the PDF step, browser tests and benchmarks.
 * sirv does the file serving (types, ETags, index.html); this only mounts it at the base and picks a free port.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

/** A running server and its base URL (ending in the base path). */
export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Starts serving `dir` at `base` (e.g. '/' or '/plans/2020/') on a free loopback port. With `precompressed`,
 * the .br/.gz files the build writes are served to browsers that accept them, as the production server does.
 */
export async function serveStatic(dir: string, base = '/', precompressed = false): Promise<RunningServer> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'], brotli: precompressed, gzip: precompressed });
  const notFound = join(dir, '404.html');
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
