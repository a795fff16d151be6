// scripts/serve.mjs - a small static server for dist/ (wasm as application/wasm, the page's CSP as a header).
// `node scripts/serve.mjs [port] [root]`; tests import serve() to run releases and hosts on other ports.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8', '.ico': 'image/x-icon',
};
export const PAGE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'";

/** Serves `root` (a folder, or a function returning one: tests swap releases) on 127.0.0.1:`port`.
 *  `headers(path)` may add or override headers. */
export function serve({ root, port = 8080, host = '127.0.0.1', headers = () => ({}), log = false }) {
  const rootOf = typeof root === 'function' ? root : () => root;
  const server = createServer(async (req, res) => {
    const base = resolve(rootOf());
    try {
      const url = new URL(req.url, 'http://x');
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      if (path.endsWith('/')) path += 'index.html';
      const file = join(base, path);
      if (!file.startsWith(base)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const extra = {
        'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff',
        // the page's CSP; everything else may be used by host pages on other origins (the element, its wasm)
        ...(type.startsWith('text/html') ? { 'Content-Security-Policy': PAGE_CSP }
          : { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
        ...headers(path),
      };
      res.writeHead(200, extra);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(200, req.url);
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(error.code === 'ENOENT' ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, () => ok(server)); });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const root = process.argv[3] ?? fileURLToPath(new URL('../dist', import.meta.url));
  await serve({ root, port });
  console.log(`wardshare is running at http://localhost:${port}/ (Ctrl-C to stop)`);
}
