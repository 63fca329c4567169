/** The hosted pages' `/config.json`: written by the local stack (local/web-server.ts) or the deployed one, read by web/src/config.ts. */
export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** Cognito's endpoint; absent when deployed (then the region's public endpoint). The local stack names cognito-local. */
  cognitoEndpoint?: string;
}
