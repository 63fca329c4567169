/** The EventBridge client, created once per container. */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { endpoints } from '#shared/config.ts';

export const eventbridge = new EventBridgeClient({ endpoint: endpoints.eventbridge });
