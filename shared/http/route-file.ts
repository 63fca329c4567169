/**
 * Files a function reads at run time instead of bundling them (a route's `files`): deployed,
 * each lies beside the function's bundle (infra/function.ts copies it there at bundling);
 * in the local stack, which runs the handler modules from the source tree, it is read from
 * node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a route file is: beside the bundle when deployed, else in node_modules. */
export function routeFilePath(specifier: string): string {
  // Deployed, this module is inlined in /var/task/index.mjs; locally it is shared/http/route-file.ts.
  const beside = join(dirname(fileURLToPath(import.meta.url)), basename(specifier));
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve(specifier);
}

/** The contents of a route file (one of its route's `files`), as UTF-8 text. */
export function readRouteFile(specifier: string): string {
  return readFileSync(routeFilePath(specifier), 'utf8');
}
