// Serves test/demo/pages at /demo/ on 127.0.0.1 for `npm start`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const pages = resolve(import.meta.dirname, 'pages');

/**
 * Starts the demo server on `port` (0: any free port, the one chosen is in `origin`); rejects with a
 * clear message when the port is busy.
 */
export function serveDemo(port) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const relative = normalize(decodeURIComponent(path.replace(/^\/demo\/?/, '')) || 'index.html');
    if (!path.startsWith('/demo') || relative.startsWith('..')) {
      res.writeHead(302, { location: '/demo/index.html' }).end();
      return;
    }
    try {
      const body = await readFile(join(pages, relative));
      const type = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' }[extname(relative)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', (error) =>
      fail(new Error(error.code === 'EADDRINUSE' ? `port ${port} is busy — stop what uses it or run with HASHIYA_PORT=<another port>` : error.message)),
    );
    server.listen(port, '127.0.0.1', () =>
      ok({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) }),
    );
  });
}
