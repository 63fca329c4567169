import type { WebConfig } from '#shared/web-config.ts';

export type { WebConfig };

let loaded: Promise<WebConfig> | undefined;

/** The configuration, fetched once per page load. */
export function config(): Promise<WebConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' }).then((res) => {
    if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
    return res.json() as Promise<WebConfig>;
  });
  return loaded;
}
