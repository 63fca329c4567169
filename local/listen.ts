/** Starting and stopping the local stack's own HTTP servers (gateway, event bus, pages). */
import type { Server } from 'node:http';

/** Listens on 127.0.0.1:`port` (0: any free port); resolves with the port bound and a close that drops open connections. */
export async function listenLocally(server: Server, port: number): Promise<{ port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    // Keep-alive sockets (load tests, browsers) would otherwise hold close() open.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
