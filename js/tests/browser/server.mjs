// A static server for the browser tests: the repository's js/ folder at /
// and spec/vectors/ at /vectors/, on 127.0.0.1 with a port the system picks.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const jsDir = fileURLToPath(new URL('../../', import.meta.url));
const vectorsDir = fileURLToPath(new URL('../../../spec/vectors/', import.meta.url));

// application/wasm lets the glue use WebAssembly.instantiateStreaming.
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

function resolve(urlPath) {
  const path = decodeURIComponent(urlPath);
  const [root, rest] = path.startsWith('/vectors/')
    ? [vectorsDir, path.slice('/vectors/'.length)]
    : [jsDir, path.slice(1)];
  const file = normalize(join(root, rest.endsWith('/') || rest === '' ? rest + 'index.html' : rest));
  // Nothing outside the two folders is served.
  return file.startsWith(root) ? file : null;
}

export async function serve() {
  const server = createServer(async (req, res) => {
    const file = resolve(new URL(req.url, 'http://localhost').pathname);
    try {
      if (file === null) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}
