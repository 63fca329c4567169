/**
 * The hosted pages' configuration and headers, shared by the local stack (local/web-server.ts),
 * the deployed one (infra) and the pages themselves (web/src/config.ts). Pure: no Node imports.
 */

/** The hosted pages' `/config.json` (and the `<meta name="gatehouse-config">` of their HTML). */
export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** Cognito's endpoint; absent when deployed (then the region's public endpoint). The local stack names cognito-local. */
  cognitoEndpoint?: string;
  /** The stack's product name (PRODUCT_NAME), for the pages of the account rather than of a domain (password reset, account); absent: Gatehouse. */
  productName?: string;
}

/** The name of the meta element that carries the configuration in the pages' HTML (one request fewer than /config.json). */
export const CONFIG_META = 'gatehouse-config';

/** The origins the pages fetch from: the API and Cognito (the local emulator, or the region's endpoint). */
export function connectOrigins(config: WebConfig): string[] {
  const cognito = config.cognitoEndpoint ? new URL(config.cognitoEndpoint).origin : `https://cognito-idp.${config.region}.amazonaws.com`;
  return [new URL(config.apiUrl).origin, cognito];
}

/**
 * The Content-Security-Policy of the pages: script and style from their own origin only (no
 * inline script, no third-party script), fetch to the API and Cognito only. Images may also come
 * over https, for the domain's logo, which lives on the customer's origin; an image runs no code.
 * `connect` takes origins as strings, so the stack can pass CloudFormation tokens.
 */
export function contentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    `connect-src ${["'self'", ...new Set(connect)].join(' ')}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The security headers of every answer of the pages, locally and behind CloudFront. */
export function securityHeaders(connect: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connect),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Invitation and reset links carry their token in the query: never send it anywhere.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/**
 * The HTML a page path (no file extension) is answered with: console.html for the console
 * (/domains/…: it loads the console's own build, web/build.ts), index.html for every other page.
 * infra/hosted-pages.ts's CloudFront function does the same.
 */
export function pageHtml(pathname: string): 'console.html' | 'index.html' {
  return pathname.startsWith('/domains/') ? 'console.html' : 'index.html';
}

/** Escapes text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The pages' index.html with their configuration in a meta element before `</head>`, so a page
 * needs no request for it. `configJson` is the JSON of a WebConfig (it may hold CloudFormation
 * tokens, which resolve to URLs and ids without quotes or markup).
 */
export function withConfigMeta(indexHtml: string, configJson: string): string {
  if (!indexHtml.includes('</head>')) throw new Error('index.html has no </head> to put the configuration before');
  return indexHtml.replace('</head>', `  <meta name="${CONFIG_META}" content="${attribute(configJson)}">\n  </head>`);
}
