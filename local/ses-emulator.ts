/**
 * aws-ses-v2-local with a mail store that outlives the process: `node --import tsx
 * local/ses-emulator.ts --port P --host H --store FILE`. The emulator keeps sent mail in
 * memory only, while invitations persist in the local data directory; a restart would lose
 * the links they were sent with. Each sent message is appended to FILE (one JSON object a
 * line) and read back at start; `POST /clear-store` empties FILE too.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

/** The parts of the emulator's store module this wrapper uses (aws-ses-v2-local/dist/store). */
interface EmulatorStore {
  saveEmail(email: { at: number }): void;
  clearStore(): void;
  getStoreReadonly(): { emails: { at: number }[] };
}

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, store: { type: 'string' } } });
if (!values.port || !values.host || !values.store) {
  console.error('Usage: local/ses-emulator.ts --port P --host H --store FILE');
  process.exit(2);
}
const file = values.store;

// The emulator's modules call the store through its exports object, so replacing the two
// functions there puts every send (v1, v2, bulk) and every clear through this file too.
const store = require('aws-ses-v2-local/dist/store.js') as EmulatorStore;
let kept = '';
try {
  kept = readFileSync(file, 'utf8');
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
const emails = store.getStoreReadonly().emails;
for (const line of kept.split('\n')) {
  if (!line.trim()) continue;
  try {
    emails.push(JSON.parse(line));
  } catch {
    // A line cut short by a crash mid-append: the rest are whole.
  }
}
const save = store.saveEmail;
store.saveEmail = (email) => {
  appendFileSync(file, `${JSON.stringify(email)}\n`, { mode: 0o600 });
  save(email);
};
const clear = store.clearStore;
store.clearStore = () => {
  clear();
  writeFileSync(file, '');
};

const server = require('aws-ses-v2-local').default as (config: { port: number; host: string }) => Promise<unknown>;
await server({ port: Number(values.port), host: values.host });
console.log(`aws-ses-v2-local: server running at http://${values.host}:${values.port}, ${emails.length} kept message(s) from ${file}`);
