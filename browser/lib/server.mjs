// A tiny static file server for the built book, on loopback only, with no dependencies.
//
// It serves the book the way GitHub Pages serves a project site: under the path of book.toml's
// `site-url` (e.g. /rust-memory-measured/), a directory as its index.html, and 404.html with
// status 404 for anything missing (so mdBook's 404 page is tested as readers get it).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.ttf': 'font/ttf',
    '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(p) {
    try {
        const s = await stat(p);
        if (s.isFile()) return p;
        if (s.isDirectory()) return fileAt(path.join(p, 'index.html'));
    } catch {
        // missing
    }
    return null;
}

/**
 * Serves `dir` under `prefix` on 127.0.0.1, on a free port chosen by the system.
 * Resolves to { url, close }, where url is the book's root, e.g. http://127.0.0.1:40123/rust-memory-measured/.
 */
export function startServer(dir, prefix = '/') {
    const root = path.resolve(dir);
    if (!prefix.startsWith('/')) prefix = '/' + prefix;
    if (!prefix.endsWith('/')) prefix += '/';
    const server = createServer(async (req, res) => {
        const send = async (status, file) => {
            res.writeHead(status, {
                'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
                'Cache-Control': 'no-store',
            });
            if (req.method === 'HEAD') return res.end();
            createReadStream(file).pipe(res);
        };
        const notFound = async () => {
            const page = await fileAt(path.join(root, '404.html'));
            if (page) return send(404, page);
            res.writeHead(404, { 'Content-Type': 'text/plain' });
            res.end('not found\n');
        };
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405);
            return res.end();
        }
        const url = new URL(req.url, 'http://127.0.0.1');
        let pathname;
        try {
            pathname = decodeURIComponent(url.pathname);
        } catch {
            return notFound();
        }
        if (pathname === prefix.slice(0, -1)) {
            res.writeHead(301, { Location: prefix });
            return res.end();
        }
        if (!pathname.startsWith(prefix)) return notFound();
        const target = path.resolve(root, '.' + path.posix.normalize('/' + pathname.slice(prefix.length)));
        if (target !== root && !target.startsWith(root + path.sep)) return notFound();
        const file = await fileAt(target);
        if (!file) return notFound();
        return send(200, file);
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            resolve({
                url: `http://127.0.0.1:${port}${prefix}`,
                close: () => new Promise((done) => {
                    server.closeAllConnections?.();
                    server.close(() => done());
                }),
            });
        });
    });
}

/**
 * Where the suites open the built book: `BOOK_URL` when it is set (a book served elsewhere),
 * else `dir` served here under the book's site-url (`startServer`). Resolves to { url, close }.
 */
export async function serveBook(dir, prefix) {
    if (process.env.BOOK_URL) {
        return { url: process.env.BOOK_URL.replace(/\/?$/, '/'), close: async () => {} };
    }
    return startServer(dir, prefix);
}
