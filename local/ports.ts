/** The stack's ports: read from the environment, checked free before anything starts. */
import { createServer } from 'node:net';
import { LocalStackError } from '#local/errors.ts';

export interface StackPorts {
  api: number;
  dynamodb: number;
  cognito: number;
  ses: number;
  /**
   * The local EventBridge bus (local/event-bus.ts). Not in SPEC section 8 or stack.json: the
   * handlers get its endpoint in their environment. Unset: any free port.
   */
  events?: number;
  /** The hosted pages (web/, local/web-server.ts). Unset: the stack serves no pages (as the integration tests' stack). */
  web?: number;
}

/** Each port, the variable that overrides it and its default (SPEC section 8; 0: any free port). */
export const PORT_VARIABLES = {
  api: { variable: 'API_PORT', fallback: 3000 },
  dynamodb: { variable: 'DYNAMODB_PORT', fallback: 8000 },
  cognito: { variable: 'COGNITO_PORT', fallback: 9229 },
  ses: { variable: 'SES_PORT', fallback: 8005 },
  events: { variable: 'EVENTS_PORT', fallback: 0 },
  web: { variable: 'WEB_PORT', fallback: 5173 },
} as const satisfies Record<keyof StackPorts, { variable: string; fallback: number }>;

type PortName = keyof StackPorts;

/** Ports from API_PORT, DYNAMODB_PORT, COGNITO_PORT, SES_PORT, EVENTS_PORT and WEB_PORT, or their defaults. */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): StackPorts {
  const entries = (Object.keys(PORT_VARIABLES) as PortName[]).flatMap((name) => {
    const { variable, fallback } = PORT_VARIABLES[name];
    const raw = env[variable]?.trim();
    if (!raw) return fallback ? [[name, fallback] as const] : [];
    const port = Number(raw);
    if (!/^\d{1,5}$/.test(raw) || port < 1 || port > 65535) {
      throw new LocalStackError(`${variable}=${raw.slice(0, 20)} is not a port: set it to a number from 1 to 65535.`);
    }
    return [[name, port] as const];
  });
  return Object.fromEntries(entries) as unknown as StackPorts;
}

/**
 * Refuses a port set with duplicates or a port something else listens on, naming the
 * variable to change. Binding the wildcard address conflicts with any listener on the
 * port, IPv4 or IPv6, so a free answer here means every child can bind it.
 */
export async function assertPortsFree(ports: StackPorts): Promise<void> {
  // A port left unset (or 0) is picked by the system when the component starts.
  const names = (Object.keys(ports) as PortName[]).filter((name) => ports[name]);
  for (const [i, name] of names.entries()) {
    const twin = names.slice(0, i).find((other) => ports[other] === ports[name]);
    if (twin) {
      throw new LocalStackError(
        `${PORT_VARIABLES[twin].variable} and ${PORT_VARIABLES[name].variable} are both ${ports[name]}: give each its own port.`,
      );
    }
  }
  for (const name of names) {
    const port = ports[name] as number;
    if (await isFree(port)) continue;
    const { variable } = PORT_VARIABLES[name];
    const suggestion = await nextFreePort(port + 1, new Set(names.map((other) => ports[other] as number)));
    throw new LocalStackError(`Port ${port} (${variable}) is in use: stop what uses it or set ${variable}=${suggestion ?? '...'}`);
  }
}

/** True when nothing listens on the port (on any address). */
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the operating system considers free right now (for tests and internal listeners). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** `count` distinct free ports. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

async function nextFreePort(from: number, taken: ReadonlySet<number>): Promise<number | undefined> {
  for (let port = from; port < Math.min(from + 50, 65536); port++) {
    if (!taken.has(port) && (await isFree(port))) return port;
  }
  return undefined;
}
