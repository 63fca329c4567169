/**
 * Who may sign in: the customer's Cognito user pool and the app client its web clients use.
 * Accounts come only from invitations, shared links and administrators, never from
 * self sign-up; the email address is the user name.
 */
import { PASSWORD_POLICY } from '#shared/password-policy.ts';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { CustomerConfig } from '#infra/customer-config.ts';
import { acknowledge } from '#infra/nag.ts';

const MFA: Record<CustomerConfig['mfa'], cognito.Mfa> = {
  off: cognito.Mfa.OFF,
  optional: cognito.Mfa.OPTIONAL,
  required: cognito.Mfa.REQUIRED,
};

export interface IdentityProps {
  customer: Pick<CustomerConfig, 'mfa' | 'sesFromAddress' | 'productName'>;
}

export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const { customer } = props;

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // Sign-in settings cannot change after creation; e-mail addresses are case-insensitive.
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed address takes effect only once verified, so nobody can take over an
      // account (or its invitations) by typing someone else's address.
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // One policy for the deployed pool, the local pool and the accept route's own check.
      passwordPolicy: { ...PASSWORD_POLICY },
      mfa: MFA[customer.mfa],
      // Authenticator apps only: SMS needs an SNS role and per-message costs.
      ...(customer.mfa === 'off' ? {} : { mfaSecondFactor: { otp: true, sms: false } }),
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Gatehouse sends its own emails and suppresses Cognito's, but the pool's public API can
      // still make Cognito mail a code (ForgotPassword, a changed address's verification).
      // Those go through SES with the stack's sender, not Cognito's default sender and its
      // 50-a-day cap. The address itself must be a verified identity (README).
      email: cognito.UserPoolEmail.withSES({
        fromEmail: customer.sesFromAddress,
        fromName: customer.productName,
        // An environment-agnostic stack's region is a token: the identity is in the stack's region.
        sesRegion: Stack.of(this).region,
      }),
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      // Losing the pool would lock every user out for good: a stack delete or a replacement
      // keeps it; a first create that rolls back removes it, so nothing is orphaned. No
      // deletion protection, which would make that rollback fail (README: turn it on by hand
      // once the first deploy succeeded).
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });

    if (customer.mfa !== 'required') {
      acknowledge(
        this.userPool,
        'AwsSolutions-COG2',
        `MFA is the customer's choice (customer file: mfa=${customer.mfa}); TOTP is offered when optional, and the password policy asks for 12 characters of four kinds.`,
      );
    }
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'The Plus feature plan (threat protection) is billed per active user and is a per-customer purchase; sign-in is protected by the password policy, MFA per customer file, and user-existence errors are suppressed.',
    );

    this.client = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows: {
        // SRP for the web client: the password never leaves the browser.
        userSrp: true,
        // USER_PASSWORD_AUTH for the operator's `npm run token` and the integration tests
        // (cognito-local speaks only this flow); the password travels over TLS to Cognito.
        userPassword: true,
      },
      // No hosted UI: the web clients sign in through the Cognito API directly.
      disableOAuth: true,
      // "Incorrect user name or password" either way, so the pool does not reveal who has an account.
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Authorization reads the caller's membership as stored now on every request, so an
      // ID token's hour keeps no revoked access alive. Refresh tokens spare users a monthly
      // sign-in at most; sign-out and admin actions revoke them earlier.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
