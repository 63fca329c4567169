/** The DynamoDB document client, created once per container. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { HTTP_LIMITS } from '#shared/clients/http.ts';
import { endpoints } from '#shared/config.ts';

export const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, requestHandler: HTTP_LIMITS }), {
  marshallOptions: { removeUndefinedValues: true },
});
