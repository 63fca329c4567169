/** The local SES emulator keeps the mail it was sent across restarts (local/ses-emulator.ts), as the data directory keeps the invitations. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedChild } from '#local/children.ts';
import { freePort } from '#local/ports.ts';
import { mailStoreFile, startSes } from '#local/ses.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#local/stack-info.ts';

let dataDir: string;
let running: ManagedChild | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-mail-'));
});
afterAll(async () => {
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts the emulator on a free port with this data directory: its endpoint. */
async function start(): Promise<string> {
  const port = await freePort();
  running = await startSes(dataDir, dataDir, port, () => undefined);
  return `http://127.0.0.1:${port}`;
}
async function stop(): Promise<void> {
  await running?.stop();
  running = undefined;
}
const listed = async (endpoint: string) => ((await (await fetch(`${endpoint}/store`)).json()) as { emails: { messageId: string; subject: string; destination: { to: string[] }; body: { text?: string } }[] }).emails;

describe('the local mail store', { timeout: 60_000 }, () => {
  it('still lists a mail after the emulator restarts, until the store is cleared', async () => {
    let endpoint = await start();
    const ses = new SESv2Client({ region: LOCAL_REGION, endpoint, credentials: LOCAL_CREDENTIALS });
    const sent = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'no-reply@gatehouse.local',
        Destination: { ToAddresses: ['ulla@example.com'] },
        Content: { Simple: { Subject: { Data: 'You are invited' }, Body: { Text: { Data: 'Open http://localhost:5173/accept-invitation?token=abc' } } } },
      }),
    );
    ses.destroy();
    expect(await listed(endpoint)).toHaveLength(1);
    expect((await readFile(mailStoreFile(dataDir), 'utf8')).trim().split('\n')).toHaveLength(1);

    await stop();
    endpoint = await start();
    const after = await listed(endpoint);
    expect(after.map((m) => ({ id: m.messageId, subject: m.subject, to: m.destination.to, text: m.body.text }))).toEqual([
      { id: sent.MessageId, subject: 'You are invited', to: ['ulla@example.com'], text: 'Open http://localhost:5173/accept-invitation?token=abc' },
    ]);

    expect((await fetch(`${endpoint}/clear-store`, { method: 'POST' })).status).toBe(200);
    await stop();
    endpoint = await start();
    expect(await listed(endpoint)).toEqual([]);
  });
});
