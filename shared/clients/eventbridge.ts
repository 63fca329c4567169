/** The EventBridge client, created once per container. */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { HTTP_LIMITS } from '#shared/clients/http.ts';
import { endpoints } from '#shared/config.ts';

export const eventbridge = new EventBridgeClient({ endpoint: endpoints.eventbridge, requestHandler: HTTP_LIMITS });
