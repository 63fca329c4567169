/** The Cognito identity provider client, created once per container. */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { endpoints } from '#shared/config.ts';

export const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito });
