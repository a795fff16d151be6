// scripts/build-site.mjs - assembles the site in dist/: the page, the minified wasm glue, the wasm, examples,
// a service worker listing this release's files under a version hash, and the size budgets (checked).
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const wasmDir = join(root, 'build-wasm', 'wasm');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'examples'), { recursive: true });
for (const f of readdirSync(join(root, 'web'))) if (f !== 'sw.js') cpSync(join(root, 'web', f), join(dist, f), { recursive: true });

// the Emscripten glue, minified (Debian's Closure is too old for --closure)
const glue = readFileSync(join(wasmDir, 'wardshare.js'), 'utf8');
const min = await minify(glue, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
writeFileSync(join(dist, 'wardshare-core.js'), `${min.code}\n`);
cpSync(join(wasmDir, 'wardshare.wasm'), join(dist, 'wardshare.wasm'));

// examples for the one-click buttons
cpSync(join(root, 'tests', 'data', 'fryerns.txt'), join(dist, 'examples', 'fryerns.txt'));
cpSync(join(root, 'tests', 'corpus', 'tusc-local-elections-2024.txt'), join(dist, 'examples', 'tusc-local-elections-2024.txt'));

// every file of the release, and a version from their contents
const files = [];
const walk = (dir) => { for (const f of readdirSync(dir)) { const p = join(dir, f); statSync(p).isDirectory() ? walk(p) : files.push(p); } };
walk(dist);
files.sort();
const hash = createHash('sha256');
for (const f of files) hash.update(relative(dist, f)).update(readFileSync(f));
const version = hash.digest('hex').slice(0, 12);
const assets = ['./', ...files.map((f) => relative(dist, f))];
const sw = readFileSync(join(root, 'web', 'sw.js'), 'utf8').replace('__VERSION__', version).replace('__ASSETS__', JSON.stringify(assets));
writeFileSync(join(dist, 'sw.js'), sw);
writeFileSync(join(dist, 'version.json'), `${JSON.stringify({ version })}\n`);

// size budgets (gzip): wasm 60 KB, glue 10 KB, the page's own JS 15 KB
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
const pageJs = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'wardshare-core.js');
const sizes = {
  version,
  wasm: { raw: statSync(join(dist, 'wardshare.wasm')).size, gzip: gz(join(dist, 'wardshare.wasm')), budget: 60 * 1024 },
  glue: { raw: statSync(join(dist, 'wardshare-core.js')).size, gzip: gz(join(dist, 'wardshare-core.js')), budget: 10 * 1024 },
  page_js: { files: pageJs, raw: pageJs.reduce((n, f) => n + statSync(join(dist, f)).size, 0),
    gzip: gzipSync(Buffer.concat(pageJs.map((f) => readFileSync(join(dist, f)))), { level: 9 }).length, budget: 15 * 1024 },
};
writeFileSync(join(dist, 'sizes.json'), `${JSON.stringify(sizes, null, 1)}\n`);
let over = false;
for (const [name, s] of Object.entries(sizes)) {
  if (typeof s !== 'object') continue;
  const ok = s.gzip <= s.budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(8)} ${String(s.gzip).padStart(6)} B gzip (budget ${s.budget}, raw ${s.raw})`);
}
console.log(`site: dist/ (release ${version}, ${assets.length} files)`);
if (over) {
  console.error('build-site: a size budget is exceeded');
  process.exit(1);
}
