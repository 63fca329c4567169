import { CONFIG_META, type WebConfig } from '#shared/web-config.ts';

export type { WebConfig };

let loaded: Promise<WebConfig> | undefined;

/**
 * The configuration: from the page's own meta element where the server put it there (the hosted
 * pages, locally and deployed: no request), else fetched once from `/config.json`.
 */
export function config(): Promise<WebConfig> {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${CONFIG_META}"]`);
  loaded ??= meta
    ? Promise.resolve(JSON.parse(meta.content) as WebConfig)
    : fetch('/config.json', { cache: 'no-store' }).then((res) => {
        if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
        return res.json() as Promise<WebConfig>;
      });
  return loaded;
}
