/**
 * The public edge (customer file `waf`, default true): a REGIONAL WAF web ACL on the API
 * stage with AWS's managed common rule set, and a rate-based rule per client IP on the public
 * token routes (invitation preview and accept, email verification, password resets), whose
 * tokens someone might try to guess. Cost: README, "The public edge".
 */
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { STAGE_NAME } from '#infra/api.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

/** Requests per client IP in 5 minutes to the token routes before WAF blocks that IP (WAF's window). */
export const TOKEN_ROUTE_RATE_LIMIT = 100;

/** The evaluation window of the rate-based rule, in seconds (WAF's default; it also allows 60, 120, 600). */
export const TOKEN_ROUTE_WINDOW_SECONDS = 300;

/**
 * The URI path prefixes (stage included, as WAF sees them) of the public routes that carry a
 * token or start a password reset: every public route whose path has a `{token}`, and
 * /password-resets, by their first path segment.
 */
export function tokenRoutePrefixes(routes: readonly RouteDefinition[], stageName: string): string[] {
  const segments = routes
    .filter((route) => route.access === 'public' && (route.path.includes('{token}') || route.path.startsWith('/password-resets')))
    .map((route) => route.path.split('/')[1]!);
  return [...new Set(segments)].sort().map((segment) => `/${stageName}/${segment}`);
}

export interface WafProps {
  customerName: string;
  stage: apigw.Stage;
  routes: readonly RouteDefinition[];
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

export class Waf extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly prefixes: string[];

  constructor(scope: Construct, id: string, props: WafProps) {
    super(scope, id);
    // The plain name: WAF matches the path as the client sends it, stage first.
    const name = `gatehouse-${props.customerName}`;
    this.prefixes = tokenRoutePrefixes(props.routes, STAGE_NAME);
    const onPrefix = (prefix: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: prefix,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const scopeDown = this.prefixes.length === 1 ? onPrefix(this.prefixes[0]!) : { orStatement: { statements: this.prefixes.map(onPrefix) } };
    // A route table without public token routes (a test's) has nothing for the rate-based rule to guard.
    const rateRule: wafv2.CfnWebACL.RuleProperty[] =
      this.prefixes.length === 0
        ? []
        : [
            {
              name: 'TokenRoutesPerIp',
              priority: 1,
              action: { block: {} },
              statement: {
                rateBasedStatement: {
                  aggregateKeyType: 'IP',
                  limit: TOKEN_ROUTE_RATE_LIMIT,
                  evaluationWindowSec: TOKEN_ROUTE_WINDOW_SECONDS,
                  scopeDownStatement: scopeDown,
                },
              },
              visibilityConfig: visibility(`${name}-token-routes`),
            },
          ];

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name,
      description: `Gatehouse ${props.customerName}: AWS common rule set, per-IP rate limit on the public token routes`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      rules: [
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 0,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // The API takes JSON bodies up to 16 KiB and larger CSV imports (shared/http/pipeline.ts);
              // the rule set's 8 KB body limit would block valid ones. The functions limit and validate bodies.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility(`${name}-common`),
        },
        ...rateRule,
      ],
    });

    const association = new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
    // The stage's ARN is built from ids, not read from the stage: wait until it exists.
    association.node.addDependency(props.stage);
  }
}
