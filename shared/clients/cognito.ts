/** The Cognito identity provider client, created once per container. */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { HTTP_LIMITS } from '#shared/clients/http.ts';
import { endpoints } from '#shared/config.ts';

export const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito, requestHandler: HTTP_LIMITS });
