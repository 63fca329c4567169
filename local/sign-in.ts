/** Signing in to the local stack's user pool (USER_PASSWORD_AUTH, allowed locally only). */
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { LocalStackError } from '#local/errors.ts';
import { LOCAL_CREDENTIALS, type StackInfo } from '#local/stack-info.ts';

/** Signs a user in against the local stack's pool and answers the ID token. */
export async function idToken(info: Pick<StackInfo, 'region' | 'cognito'>, email: string, password: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({ region: info.region, endpoint: info.cognito.endpoint, credentials: LOCAL_CREDENTIALS });
  try {
    const out = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: info.cognito.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    const token = out.AuthenticationResult?.IdToken;
    if (!token) throw new LocalStackError(`Sign-in for ${email} asks for a challenge (${out.ChallengeName ?? 'unknown'}) instead of giving a token.`);
    return token;
  } finally {
    cognito.destroy();
  }
}
