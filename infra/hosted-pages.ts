/**
 * The hosted pages (web/), deployed: a private S3 bucket that only the stack's CloudFront
 * distribution reads (origin access control), HTTPS only, with the pages' security headers
 * (shared/web-config.ts: the same CSP the local stack sends, plus HSTS). The pages are built
 * with esbuild at synth (web/build.ts) and deployed with their configuration: in index.html's
 * `<meta name="gatehouse-config">` and as `/config.json` (for embedders).
 *
 * Embedding: the customer's app (appOrigins) loads `/gatehouse-elements.js`, the console's
 * elements, as a module script, which browsers fetch with CORS, and it imports the console's
 * hashed chunks (console/*). The response headers policy answers those origins with
 * `Access-Control-Allow-Origin` (on every file: modules, chunks and /config.json); the stable
 * module is revalidated like index.html, the hashed files are immutable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import * as esbuild from 'esbuild';
import { LOG_RETENTION } from '#infra/function.ts';
import { acknowledge } from '#infra/nag.ts';
import { securityHeaders, type WebConfig, withConfigMeta } from '#shared/web-config.ts';
import { buildOptions, consoleBuildOptions, consoleHtml, EMBED_MODULE, embedModule, indexHtml, webEntries } from '../web/build.ts';

/** Cache-Control of the content-hashed modules (app/main-XXXXXXXX.js, console/*-XXXXXXXX.js): a new build has a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of index.html, /config.json and /gatehouse-elements.js: revalidated on every load, so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

/** How long browsers keep to HTTPS for the distribution's host once they have seen it. */
const HSTS_MAX_AGE = Duration.days(365 * 2);

export interface BuiltPages {
  /** A directory holding app/ and console/ (the hashed modules), as web/dist holds them. */
  modules: string;
  /** index.html, loading the module by its hashed name, without configuration. */
  indexHtml: string;
  /** console.html (answered for /domains/…), loading the console shell by its hashed name, without configuration. */
  consoleHtml: string;
  /** /gatehouse-elements.js: the embeddable module's stable address, re-exporting its hashed entry. */
  embedModule: string;
}

let built: BuiltPages | undefined;

/**
 * Builds the pages once per process (every stack deploys the same build), with web/build.ts's
 * options into a temporary directory: esbuild only, offline, and web/dist (served by a running
 * `npm start`) is left alone.
 */
export function buildPages(): BuiltPages {
  if (!built) {
    const modules = mkdtempSync(join(tmpdir(), 'gatehouse-web-'));
    // The stacks' assets are copies (staged into the cloud assembly as each is created).
    process.once('exit', () => rmSync(modules, { recursive: true, force: true }));
    // buildSync (constructs are synchronous) takes no plugins; index.html and the stable embed
    // module are made below instead.
    const pages = esbuild.buildSync({ ...buildOptions(), outdir: join(modules, 'app') });
    const split = esbuild.buildSync({ ...consoleBuildOptions(), outdir: join(modules, 'console') });
    const entries = webEntries(pages.metafile, split.metafile);
    built = { modules, indexHtml: indexHtml(entries), consoleHtml: consoleHtml(entries), embedModule: embedModule(entries) };
  }
  return built;
}

/**
 * Rewrites a page path (no file extension: /sign-in, /accept-invitation) to /index.html, which
 * routes in the browser (web/src/main.ts), and a console path (/domains/x/members) to
 * /console.html, which loads the console's own build (shared/web-config.ts pageHtml). Files keep
 * their path, so a missing module is still an error, not a page.
 */
const PAGE_PATHS = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = request.uri.indexOf('/domains/') === 0 ? '/console.html' : '/index.html';
  return request;
}`;

/** The headers CloudFront adds to every answer, from shared/web-config.ts's, plus HSTS. */
function securityHeadersBehavior(connectOrigins: readonly string[]): Pick<cloudfront.ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'> {
  const headers = securityHeaders(connectOrigins);
  const behavior: { -readonly [K in keyof cloudfront.ResponseSecurityHeadersBehavior]: cloudfront.ResponseSecurityHeadersBehavior[K] } = {
    strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
  };
  const custom: cloudfront.ResponseCustomHeader[] = [];
  // CloudFront takes the security headers as settings of their own, not as custom headers.
  for (const [header, value] of Object.entries(headers)) {
    switch (header.toLowerCase()) {
      case 'content-security-policy':
        behavior.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`CloudFront sends X-Content-Type-Options: nosniff only, not ${value}`);
        behavior.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options':
        if (value !== 'DENY' && value !== 'SAMEORIGIN') throw new Error(`CloudFront sends X-Frame-Options DENY or SAMEORIGIN, not ${value}`);
        behavior.frameOptions = { frameOption: cloudfront.HeadersFrameOption[value], override: true };
        break;
      case 'referrer-policy': {
        const policy = Object.values(cloudfront.HeadersReferrerPolicy).find((known) => known === value);
        if (!policy) throw new Error(`CloudFront does not send Referrer-Policy: ${value}`);
        behavior.referrerPolicy = { referrerPolicy: policy, override: true };
        break;
      }
      case 'strict-transport-security':
      case 'x-xss-protection':
        throw new Error(`${header} is set by infra/hosted-pages.ts itself`);
      default:
        custom.push({ header, value, override: true });
    }
  }
  return { securityHeadersBehavior: behavior, ...(custom.length ? { customHeadersBehavior: { customHeaders: custom } } : {}) };
}

/**
 * cdk-nag's name for the objects of the CDK asset bucket, as the stack's template spells it:
 * pseudo parameters where the stack is environment-agnostic, the pinned account and region where not.
 */
export function assetObjectsFinding(stack: Stack): string {
  const pseudo = (value: string, name: string) => (Token.isUnresolved(value) ? `<AWS::${name}>` : value);
  const qualifier = (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const bucket = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace('${Qualifier}', qualifier)
    .replace('${AWS::AccountId}', pseudo(stack.account, 'AccountId'))
    .replace('${AWS::Region}', pseudo(stack.region, 'Region'));
  return `Resource::arn:${pseudo(stack.partition, 'Partition')}:s3:::${bucket}/*`;
}

export interface HostedPagesProps {
  /**
   * The pages' configuration: the API (its stage URL, no trailing slash), region, user pool
   * and client. Values may be tokens (they are substituted when deployed).
   */
  config: WebConfig;
  /** The API's origin (`https://host`), for the CSP's connect-src; may be a token. */
  apiOrigin: string;
  /**
   * Origins of the customer's own app, which may load the pages' modules and /config.json from
   * the distribution (embedding; CORS). None: no CORS headers.
   */
  embedderOrigins: readonly string[];
}

export class HostedPages extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  readonly modules: s3deploy.BucketDeployment;
  readonly entry: s3deploy.BucketDeployment;
  /** `https://<distribution domain>`, the pages' origin and root URL (a token). */
  readonly url: string;
  /** The configuration deployed in index.html and /config.json. */
  readonly config: WebConfig;

  constructor(scope: Construct, id: string, props: HostedPagesProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    this.config = props.config;

    // The pages bucket's server access log: every write (each deploy) and every read CloudFront
    // makes of it. Kept like the log groups (three months), and kept when the stack is deleted.
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.accessLogs,
      'AwsSolutions-S1',
      'This is the access log bucket of the hosted pages bucket; logging its own access would log the log deliveries, endlessly.',
    );

    // The build output only, rebuilt on every deploy: deleted with the stack (the deployments
    // below empty it first, so no auto-delete function is needed).
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'pages-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ResponseHeaders', {
      comment: 'Gatehouse hosted pages: CSP (own origin; fetch to the API and Cognito), HSTS, no referrer',
      ...securityHeadersBehavior([props.apiOrigin, `https://cognito-idp.${region}.amazonaws.com`]),
      ...(props.embedderOrigins.length
        ? {
            corsBehavior: {
              accessControlAllowOrigins: [...props.embedderOrigins],
              accessControlAllowMethods: ['GET', 'HEAD'],
              // CloudFront wants at least one; a module or JSON GET sends none, so is never preflighted.
              accessControlAllowHeaders: ['Content-Type'],
              accessControlAllowCredentials: false,
              accessControlMaxAge: Duration.hours(1),
              originOverride: true,
            },
          }
        : {}),
    });

    const pagePaths = new cloudfront.Function(this, 'PagePaths', {
      comment: 'Page paths (no file extension) answer /index.html; the pages route in the browser',
      code: cloudfront.FunctionCode.fromInline(PAGE_PATHS),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Gatehouse hosted pages (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessLevels: [cloudfront.AccessLevel.READ] }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        // Query strings (the links' tokens) are read by the page in the browser: never in the
        // cache key, never sent to S3.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        functionAssociations: [{ function: pagePaths, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Europe and North America's edges: the cheapest class; elsewhere is served from the nearest of them.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    const distribution = this.distribution.node.defaultChild!;
    acknowledge(
      distribution,
      'AwsSolutions-CFR1',
      "No geo restriction: the pages are the customer's front door for people it invites, wherever they are; the API behind them checks every token.",
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR2',
      'No WAF web ACL yet (a fixed monthly cost per customer stack): the distribution serves static files, read-only (GET and HEAD), from a private bucket; a WAF comes with the WAF issue.',
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR3',
      "No CloudFront access logs: their standard logs always record the query string, which carries the invitation, verification and reset tokens. The pages bucket's own access log records what CloudFront fetches (without query) and every deploy.",
    );
    acknowledge(
      distribution,
      'AwsSolutions-CFR4',
      "The distribution answers on its *.cloudfront.net name with CloudFront's default certificate, whose security policy cannot be chosen (only a custom domain with its own ACM certificate can set TLSv1.2_2021); current browsers negotiate TLS 1.2 or 1.3 with it, and HSTS keeps them on HTTPS.",
    );

    const { modules, indexHtml: html, consoleHtml: consolePage, embedModule: embed } = buildPages();
    // The modules first (hashed names, immutable), then the files that name them. Neither prunes:
    // a tab opened before a deploy still finds the module its index.html named, and the two
    // deployments would otherwise delete each other's files. Deleting the stack empties the bucket.
    // The deployments' function logs here (not into a log group CDK would retain): it follows the stack.
    const logGroup = new logs.LogGroup(this, 'DeploymentLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    this.modules = new s3deploy.BucketDeployment(this, 'Modules', {
      logGroup,
      sources: [s3deploy.Source.asset(modules)],
      destinationBucket: this.bucket,
      cacheControl: [s3deploy.CacheControl.fromString(IMMUTABLE)],
      prune: false,
      retainOnDelete: false,
    });
    this.entry = new s3deploy.BucketDeployment(this, 'Entry', {
      logGroup,
      sources: [
        // The configuration as JSON in an attribute: the tokens are URLs and ids (no quotes or
        // markup), substituted as they are when deployed; the quotes around them are escaped here.
        s3deploy.Source.data('index.html', withConfigMeta(html, JSON.stringify(props.config))),
        s3deploy.Source.data('console.html', withConfigMeta(consolePage, JSON.stringify(props.config))),
        s3deploy.Source.jsonData('config.json', props.config),
        // The embeddable module's stable address: it names the hashed entry, so it is revalidated.
        s3deploy.Source.data(EMBED_MODULE, embed),
      ],
      destinationBucket: this.bucket,
      cacheControl: [s3deploy.CacheControl.fromString(REVALIDATE)],
      prune: false,
      retainOnDelete: false,
    });
    this.entry.node.addDependency(this.modules);
    this.acknowledgeDeploymentFunction();
  }

  /** The deployments' function (one per stack, CDK's own): its findings, each with its reason. */
  private acknowledgeDeploymentFunction(): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error("No BucketDeployment function found in the stack: aws-cdk-lib's construct ids changed");
    acknowledge(
      handler,
      'AwsSolutions-L1',
      "CDK's BucketDeployment function (Python, with the AWS CLI layer) runs on the Python runtime aws-cdk-lib pins for it; it runs only during a deploy, and follows aws-cdk-lib upgrades.",
    );
    const role = this.modules.handlerRole;
    acknowledge(
      role,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's BucketDeployment function role: the managed policy only lets it write its own logs (CreateLogGroup, CreateLogStream, PutLogEvents), and aws-cdk-lib attaches it to the singleton function.",
    );
    const policy = role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error("The BucketDeployment role has no DefaultPolicy: aws-cdk-lib's construct ids changed");
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    const wildcards: [string, string][] = [
      ['Action::s3:GetBucket*', 'reads the CDK asset bucket holding the zipped build (grantRead)'],
      ['Action::s3:GetObject*', 'reads the zipped build from the CDK asset bucket (grantRead)'],
      ['Action::s3:List*', 'lists the CDK asset bucket and the pages bucket for the sync (grantRead, grantReadWrite)'],
      [assetObjectsFinding(stack), "reads the build's zip from the bootstrap asset bucket, whose object keys are content hashes"],
      ['Action::s3:Abort*', 'aborts its own multipart uploads into the pages bucket (grantReadWrite)'],
      ['Action::s3:DeleteObject*', 'empties the pages bucket when the stack is deleted (retainOnDelete: false)'],
      [`Resource::<${bucketId}.Arn>/*`, 'writes the pages (index.html, console.html, config.json, gatehouse-elements.js, app/*, console/*) into the pages bucket, whose keys are the build output'],
    ];
    for (const [finding, what] of wildcards) {
      acknowledge(policy, `AwsSolutions-IAM5[${finding}]`, `CDK's BucketDeployment function ${what}; scoped to that one bucket, only during a deploy.`);
    }
  }
}
