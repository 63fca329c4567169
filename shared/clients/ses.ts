/** The SES (v2) client, created once per container. */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { HTTP_LIMITS } from '#shared/clients/http.ts';
import { endpoints } from '#shared/config.ts';

export const ses = new SESv2Client({ endpoint: endpoints.ses, requestHandler: HTTP_LIMITS });
