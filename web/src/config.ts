/** `/config.json`: where the pages find the API and the user pool (written by the stack that serves them). */
export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** Cognito's endpoint; absent when deployed (then the region's public endpoint). The local stack names cognito-local. */
  cognitoEndpoint?: string;
}

let loaded: Promise<WebConfig> | undefined;

/** The configuration, fetched once per page load. */
export function config(): Promise<WebConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' }).then((res) => {
    if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
    return res.json() as Promise<WebConfig>;
  });
  return loaded;
}
