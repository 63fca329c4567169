/**
 * Where throwaway stacks (the tests', the bench's) keep their data: on tmpfs (/dev/shm) when the
 * machine has one. DynamoDB Local keeps its table in a SQLite file, and on this machine's disk it
 * wrote about 210 items/s, on tmpfs about 1,450 (the fsyncs cost nothing there); startLocalStack
 * has no in-memory option, so this is the stand-in for one. `npm start` keeps `.local/` on disk.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder for throwaway data: `override` if given, else /dev/shm if it exists, else the OS's temp folder. */
export function scratchBase(override?: string): { base: string; storage: string } {
  if (override) return { base: override, storage: override };
  if (existsSync('/dev/shm')) return { base: '/dev/shm', storage: 'tmpfs (/dev/shm)' };
  return { base: tmpdir(), storage: `disk (${tmpdir()})` };
}

/** A new empty folder for a throwaway stack's data, named `<prefix>XXXXXX`. */
export function scratchDir(prefix: string, override?: string): Promise<string> {
  return mkdtemp(join(scratchBase(override).base, prefix));
}
