// Serves a built book on 127.0.0.1 (a free port), under book.toml's site-url, as GitHub Pages
// would; prints its address on the first line and runs until stopped (SIGTERM or Ctrl-C).
//
//     node browser/serve.mjs [BOOK_DIR]     # default: book/

import path from 'node:path';
import { REPO, siteUrl } from './lib/book.mjs';
import { startServer } from './lib/server.mjs';

const dir = path.resolve(process.argv[2] ?? path.join(REPO, 'book'));
const server = await startServer(dir, siteUrl());
console.log(server.url);
const stop = async () => {
    await server.close();
    process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
