/**
 * How every function is bundled: the CDK NodejsFunction construct and `npm run bench`
 * both use these settings, so the bench measures what is deployed.
 */

/**
 * esbuild target matching the Lambda runtime the stack uses (nodejs24.x, the newest
 * aws-cdk-lib offers; infra/function.ts). test/infra checks that the two agree.
 */
export const BUNDLE_TARGET = 'node24';

/**
 * Lets the ES-module bundle load the few CommonJS dependencies that call `require`
 * (esbuild cannot turn those into imports).
 */
export const ESM_REQUIRE_BANNER = "import{createRequire as __gh_cr}from'node:module';const require=__gh_cr(import.meta.url);";

/** esbuild build options shared by CDK bundling and the bench. */
export const ESBUILD_OPTIONS = {
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  platform: 'node',
  target: BUNDLE_TARGET,
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  // The AWS SDK v3 is bundled (not taken from the runtime) so its version is the one tested.
  external: [] as string[],
  legalComments: 'none',
  // Non-ASCII text (the Finnish and French emails) as itself, not as \u escapes.
  charset: 'utf8',
} as const;
