/**
 * The deployed hosted pages (infra/hosted-pages.ts), on every shipped customer file and on three
 * made here for the cases they may not cover: the pages alone (no appUrl: the emails link to the
 * distribution), an embedding app (appUrl and several origins, a pinned region), and the pages
 * turned off. One synth for all of them.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMERS_DIR, customerNames } from '#infra/customer-config.ts';
import { IMMUTABLE, REVALIDATE } from '#infra/hosted-pages.ts';
import { CONFIG_META } from '#shared/web-config.ts';
import { NO_BUNDLING, synthesize, type SynthesizedCustomer } from './synth.ts';
import { isDeploymentHandler, only, referencedIds, resources, statementRows, type Resource } from './template.ts';

const base = {
  rolePreset: 'asset-management',
  productName: 'Test Pages',
  adminEmail: 'admin@pages.example.com',
  alarmEmail: 'ops@pages.example.com',
  sesFromAddress: 'no-reply@pages.example.com',
  mfa: 'optional',
};

/** The cases made here, by name. */
const MADE = {
  // A product name with characters HTML escapes, inside the meta element's attribute.
  'pages-only': { ...base, productName: 'Pages "Only" & <Co>' },
  embedder: {
    ...base,
    appUrl: 'https://portal.embedder.example.com/team',
    appOrigins: ['https://portal.embedder.example.com', 'https://staging.embedder.example.com'],
    env: { region: 'eu-north-1' },
  },
  'own-pages': { ...base, hostedPages: false, appUrl: 'https://own.example.com', appOrigins: ['https://own.example.com'] },
};

let synthesized: ReturnType<typeof synthesize>;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-customers-'));
  for (const name of customerNames()) copyFileSync(join(CUSTOMERS_DIR, `${name}.json`), join(dir, `${name}.json`));
  for (const [name, file] of Object.entries(MADE)) writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, ...file }));
  // Function bundles do not matter here; the pages are built (esbuild) either way.
  synthesized = synthesize({ customersDir: dir, context: NO_BUNDLING });
});

const of = (name: string): SynthesizedCustomer => synthesized.stacks.find((s) => s.customer.name === name)!;
const ALL = [...customerNames(), ...Object.keys(MADE)];
const WITH_PAGES = ALL.filter((name) => name !== 'own-pages' && (name in MADE || !/"hostedPages"\s*:\s*false/.test(readFileSync(join(CUSTOMERS_DIR, `${name}.json`), 'utf8'))));

/** A template value as readable text: `Ref X` as `{X}`, `GetAtt X.A` as `{X.A}`, joins joined. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v?.Ref) return `{${v.Ref}}`;
  if (v?.['Fn::GetAtt']) return `{${v['Fn::GetAtt'].join('.')}}`;
  if (v?.['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(text).join(v['Fn::Join'][0]);
  throw new Error(`Not a string value: ${JSON.stringify(value)}`);
}

const distributionOf = (s: SynthesizedCustomer) => only(s.template, 'AWS::CloudFront::Distribution');
const pagesUrlOf = (s: SynthesizedCustomer) => `https://{${distributionOf(s)[0]}.DomainName}`;

/** The deployment custom resource whose path ends with `HostedPages/<id>/CustomResource/Default`. */
function deployment(s: SynthesizedCustomer, id: 'Modules' | 'Entry'): Resource {
  const found = resources(s.template, 'Custom::CDKBucketDeployment').find(([, r]) => r.Metadata?.['aws:cdk:path'] === `${s.stack.stackName}/HostedPages/${id}/CustomResource/Default`);
  if (!found) throw new Error(`No ${id} deployment`);
  return found[1];
}

/** The files of a deployment, as staged in the cloud assembly, with its markers substituted by readable text. */
function deployedFiles(s: SynthesizedCustomer, id: 'Modules' | 'Entry'): Map<string, string> {
  const props = deployment(s, id).Properties!;
  const files = new Map<string, string>();
  (props.SourceObjectKeys as string[]).forEach((key, i) => {
    const dir = join(synthesized.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
    const markers = Object.entries((props.SourceMarkers?.[i] ?? {}) as Record<string, unknown>);
    const walk = (sub: string) => {
      for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
        const path = sub ? `${sub}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path);
        else files.set(path, markers.reduce((body, [marker, value]) => body.replaceAll(marker, text(value)), readFileSync(join(dir, path), 'utf8')));
      }
    };
    walk('');
  });
  return files;
}

/** The CSP directives of the stack's response headers policy, as readable text. */
function csp(s: SynthesizedCustomer): Map<string, string[]> {
  const [, policy] = only(s.template, 'AWS::CloudFront::ResponseHeadersPolicy');
  const value = text(policy.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
  return new Map(value.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe.each(WITH_PAGES)('the hosted pages of Gatehouse-%s', (name) => {
  it('keep their files in a private, encrypted bucket that only this distribution reads, through origin access control', () => {
    const s = of(name);
    const [bucketId, bucket] = resources(s.template, 'AWS::S3::Bucket').find(([, b]) => b.Metadata?.['aws:cdk:path'] === `${s.stack.stackName}/HostedPages/Bucket/Resource`)!;
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties!.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties!.WebsiteConfiguration).toBeUndefined();
    // The build output only: deleted with the stack, emptied first by the deployments.
    expect(bucket.DeletionPolicy).toBe('Delete');
    expect(deployment(s, 'Entry').Properties!.RetainOnDelete).toBe(false);

    const [distributionId, distribution] = distributionOf(s);
    const [oacId, oac] = only(s.template, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties!.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const [origin] = distribution.Properties!.DistributionConfig.Origins;
    expect(distribution.Properties!.DistributionConfig.Origins).toHaveLength(1);
    expect(referencedIds(origin.DomainName)).toEqual(new Set([bucketId]));
    expect(referencedIds(origin.OriginAccessControlId)).toEqual(new Set([oacId]));
    expect(origin.S3OriginConfig.OriginAccessIdentity).toBe('');

    const policies = resources(s.template, 'AWS::S3::BucketPolicy').filter(([, p]) => referencedIds(p.Properties!.Bucket).has(bucketId));
    expect(policies).toHaveLength(1);
    const statements = policies[0]![1].Properties!.PolicyDocument.Statement as any[];
    const allows = statements.filter((st) => st.Effect === 'Allow');
    // One allow: CloudFront may get objects, for this distribution only; and a deny of plain HTTP.
    expect(allows).toHaveLength(1);
    expect(allows[0].Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allows[0].Action).toBe('s3:GetObject');
    expect(text(allows[0].Condition.StringEquals['AWS:SourceArn'])).toBe(`arn:{AWS::Partition}:cloudfront::{AWS::AccountId}:distribution/{${distributionId}}`);
    expect(statements.filter((st) => st.Effect === 'Deny')).toEqual([expect.objectContaining({ Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]);
    expect(JSON.stringify(statements)).not.toContain('"Principal":"*"');
  });

  it('answer over HTTPS only, from index.html for the root and every page path, with the security headers', () => {
    const s = of(name);
    const config = distributionOf(s)[1].Properties!.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    for (const behavior of [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])]) {
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behavior.AllowedMethods ?? ['GET', 'HEAD']).toEqual(['GET', 'HEAD']);
      expect(referencedIds(behavior.ResponseHeadersPolicyId)).toEqual(new Set([only(s.template, 'AWS::CloudFront::ResponseHeadersPolicy')[0]]));
    }
    // No error responses turning a missing file into a page.
    expect(config.CustomErrorResponses).toBeUndefined();

    // The page-path function, run as CloudFront would run it.
    const [functionId, fn] = only(s.template, 'AWS::CloudFront::Function');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }]);
    const handler = new Function(`${fn.Properties!.FunctionCode}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const uriOf = (uri: string) => handler({ request: { uri } }).uri;
    for (const page of ['/', '/sign-in', '/accept-invitation', '/account']) expect(uriOf(page), page).toBe('/index.html');
    // The console's pages load the console's own build.
    for (const page of ['/domains/01JDX', '/domains/01JDX/members', '/domains/01JDX/access-review', '/domains/01JDX/members/01JDY']) expect(uriOf(page), page).toBe('/console.html');
    for (const file of ['/index.html', '/console.html', '/config.json', '/gatehouse-elements.js', '/app/main-ABCDEF12.js', '/console/members-ABCDEF12.js', '/app/missing-00000000.js']) expect(uriOf(file), file).toBe(file);
  });

  it("send a CSP without inline code or wildcards, letting the pages fetch only their API and the region's Cognito, and HSTS", () => {
    const s = of(name);
    const directives = csp(s);
    const all = [...directives.values()].flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.filter((source) => source.includes('*'))).toEqual([]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    const restApiId = only(s.template, 'AWS::ApiGateway::RestApi')[0];
    const region = s.customer.env?.region ?? '{AWS::Region}';
    expect(directives.get('connect-src')).toEqual(["'self'", `https://{${restApiId}}.execute-api.${region}.{AWS::URLSuffix}`, `https://cognito-idp.${region}.amazonaws.com`]);

    const headers = only(s.template, 'AWS::CloudFront::ResponseHeadersPolicy')[1].Properties!.ResponseHeadersPolicyConfig;
    expect(headers.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: expect.any(Number), IncludeSubdomains: true, Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
    });
    expect(headers.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(365 * 24 * 3600);
    // CORS for the customer's own app origins only (embedding the modules), never '*': module
    // scripts and their chunks are fetched with CORS from the embedding page's origin.
    if (s.customer.appOrigins.length) {
      expect(headers.CorsConfig).toMatchObject({
        AccessControlAllowOrigins: { Items: s.customer.appOrigins },
        AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
        AccessControlAllowCredentials: false,
        OriginOverride: true,
      });
    } else expect(headers.CorsConfig).toBeUndefined();
  });

  it('deploy index.html with the configuration in its meta element, /config.json and /gatehouse-elements.js beside it (revalidated), and the hashed modules (immutable)', () => {
    const s = of(name);
    const expected = Object.fromEntries(Object.entries(s.stack.hostedPages!.config).map(([key, value]) => [key, text(s.stack.resolve(value))]));
    expect(Object.keys(expected).sort()).toEqual(['apiUrl', 'clientId', 'productName', 'region', 'userPoolId']);
    expect(expected.productName).toBe(s.customer.productName);
    const restApiId = only(s.template, 'AWS::ApiGateway::RestApi')[0];
    expect(expected.apiUrl).toMatch(new RegExp(`^https://\\{${restApiId}\\}\\.execute-api\\..+\\{AWS::URLSuffix\\}/\\{ApiRestApiDeploymentStage\\w+\\}$`));

    const entry = deployedFiles(s, 'Entry');
    expect([...entry.keys()].sort()).toEqual(['config.json', 'console.html', 'gatehouse-elements.js', 'index.html']);
    expect(JSON.parse(entry.get('config.json')!)).toEqual(expected);
    const html = entry.get('index.html')!;
    for (const page of ['index.html', 'console.html']) {
      const meta = new RegExp(`<meta name="${CONFIG_META}" content="([^"]*)">`).exec(entry.get(page)!);
      expect(meta, `the configuration meta element of ${page}`).not.toBeNull();
      expect(JSON.parse(meta![1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'))).toEqual(expected);
    }
    expect(deployment(s, 'Entry').Properties!.SystemMetadata).toEqual({ 'cache-control': REVALIDATE });

    const modules = deployedFiles(s, 'Modules');
    const module = /<script type="module" src="\/(app\/main-[A-Z0-9]+\.js)"><\/script>/.exec(html)?.[1];
    expect(module, 'index.html loads the hashed module').toBeDefined();
    expect([...modules.keys()]).toContain(module);
    expect([...modules.keys()].every((file) => /^(app|console)\/[\w-]+-[A-Z0-9]{8}\.js$/.test(file)), [...modules.keys()].join(', ')).toBe(true);
    // The console shell, named in index.html for /domains/…, is a hashed module of the console build.
    const shell = /<meta name="gatehouse-console" content="\/(console\/console-[A-Z0-9]{8}\.js)">/.exec(html)?.[1];
    expect(shell, 'index.html names the console shell').toBeDefined();
    expect([...modules.keys()]).toContain(shell);
    // console.html loads that shell, and nothing of the pages module.
    expect(entry.get('console.html')).toContain(`<script type="module" src="/${shell}"></script>`);
    expect(entry.get('console.html')).not.toContain('/app/');
    // The embeddable module's stable address (revalidated, in the Entry deployment) re-exports a hashed module deployed (immutable).
    const embedded = /^export \* from '\.\/(console\/gatehouse-elements-[A-Z0-9]{8}\.js)';\n$/.exec(entry.get('gatehouse-elements.js')!)?.[1];
    expect(embedded, entry.get('gatehouse-elements.js')).toBeDefined();
    expect([...modules.keys()]).toContain(embedded);
    expect(deployment(s, 'Modules').Properties!.SystemMetadata).toEqual({ 'cache-control': IMMUTABLE });
    // The files that name the module are deployed after it.
    const [entryId] = resources(s.template, 'Custom::CDKBucketDeployment').find(([, r]) => r === deployment(s, 'Entry'))!;
    const [modulesId] = resources(s.template, 'Custom::CDKBucketDeployment').find(([, r]) => r === deployment(s, 'Modules'))!;
    expect(s.template.toJSON().Resources[entryId].DependsOn).toContain(modulesId);
  });

  it("link every function's emails to the customer's appUrl, else to the distribution, whose origin CORS then allows", () => {
    const s = of(name);
    const appUrl = s.customer.appUrl ?? pagesUrlOf(s);
    const functions = resources(s.template, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties!.Environment?.Variables?.TABLE_NAME);
    expect(functions.length).toBeGreaterThan(10);
    for (const [id, fn] of functions) {
      expect(text(fn.Properties!.Environment.Variables.APP_URL), id).toBe(appUrl);
      const origins = text(fn.Properties!.Environment.Variables.APP_ORIGINS).split(',');
      // The deployed pages may always call their API: last when the customer names its own app.
      expect(origins, id).toEqual(s.customer.appUrl ? [...s.customer.appOrigins, ...(s.customer.hostedPages ? [pagesUrlOf(s)] : [])] : [pagesUrlOf(s), ...s.customer.appOrigins]);
    }
    const preflight = resources(s.template, 'AWS::ApiGateway::Method').find(([, m]) => m.Properties!.HttpMethod === 'OPTIONS')![1];
    const allowOrigin = text(preflight.Properties!.Integration.IntegrationResponses[0].ResponseParameters['method.response.header.Access-Control-Allow-Origin']);
    expect(allowOrigin).toBe(`'${s.customer.appUrl ? s.customer.appOrigins[0] : pagesUrlOf(s)}'`);
  });

  it("let CDK's deployment function touch only the asset bucket and the pages bucket", () => {
    const s = of(name);
    const bucketId = resources(s.template, 'AWS::S3::Bucket').find(([, b]) => b.Metadata?.['aws:cdk:path'] === `${s.stack.stackName}/HostedPages/Bucket/Resource`)![0];
    const policies = resources(s.template, 'AWS::IAM::Policy').filter(([, p]) => isDeploymentHandler(p));
    expect(policies).toHaveLength(1);
    const rows = (policies[0]![1].Properties!.PolicyDocument.Statement as unknown[]).flatMap(statementRows);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.includes(`"${bucketId}"`) || row.includes('cdk-hnb659fds-assets-'), row).toBe(true);
    expect(rows.some((row) => row.includes('s3:PutObject') && row.includes(`"${bucketId}"`))).toBe(true);
  });

  it('stay cdk-nag clean, with the findings of the distribution, the log bucket and the deployment function acknowledged', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(of(name).stack);
    expect(report.violations).toEqual([]);
  });
});

describe('a customer file with hostedPages false', () => {
  it('deploys no bucket, distribution or deployment, and the emails link to its appUrl', () => {
    const s = of('own-pages');
    expect(s.stack.hostedPages).toBeUndefined();
    for (const type of ['AWS::S3::Bucket', 'AWS::CloudFront::Distribution', 'AWS::CloudFront::ResponseHeadersPolicy', 'Custom::CDKBucketDeployment']) {
      expect(resources(s.template, type), type).toEqual([]);
    }
    for (const [id, fn] of resources(s.template, 'AWS::Lambda::Function').filter(([, f]) => f.Properties!.Environment?.Variables?.APP_URL)) {
      expect(fn.Properties!.Environment.Variables.APP_URL, id).toBe('https://own.example.com');
    }
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(s.stack);
    expect(report.violations).toEqual([]);
  });

  it('names the pages URL only when there are pages', () => {
    expect(Object.keys(of('own-pages').template.toJSON().Outputs)).not.toContain('PagesUrl');
    expect(text(of('pages-only').template.toJSON().Outputs.PagesUrl.Value)).toBe(pagesUrlOf(of('pages-only')));
    expect(text(of('pages-only').template.toJSON().Outputs.AppUrl.Value)).toBe(pagesUrlOf(of('pages-only')));
  });
});

it('builds the pages once for every stack of the synth', () => {
  const keys = WITH_PAGES.map((name) => deployment(of(name), 'Modules').Properties!.SourceObjectKeys[0]);
  expect(new Set(keys).size).toBe(1);
  expect(existsSync(join(synthesized.assembly.directory, `asset.${keys[0].replace(/\.zip$/, '')}`))).toBe(true);
});
