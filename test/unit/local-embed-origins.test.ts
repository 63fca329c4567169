/** EMBED_ORIGINS (local/stack-info.ts): another app's origins join the API's APP_ORIGINS locally, as a customer's appOrigins do deployed. */
import { describe, expect, it } from 'vitest';
import { handlerEnvironment, localSettingsFromEnv } from '#local/stack-info.ts';

const INFO = {
  region: 'us-east-1',
  dynamodb: { endpoint: 'http://localhost:8000', tableName: 't' },
  cognito: { endpoint: 'http://localhost:9229', userPoolId: 'local_pool', clientId: 'client' },
  ses: { endpoint: 'http://localhost:8005' },
};

describe('EMBED_ORIGINS', () => {
  it("adds its origins after APP_URL's to APP_ORIGINS", () => {
    const settings = localSettingsFromEnv({ WEB_PORT: '5173', EMBED_ORIGINS: ' http://localhost:5174, https://app.example.com ' });
    expect(settings.embedOrigins).toEqual(['http://localhost:5174', 'https://app.example.com']);
    expect(handlerEnvironment(INFO, 'asset-management', settings).APP_ORIGINS).toBe('http://localhost:5173,http://localhost:5174,https://app.example.com');
  });

  it('leaves APP_ORIGINS to the pages when unset', () => {
    const settings = localSettingsFromEnv({ WEB_PORT: '5173' });
    expect(settings.embedOrigins).toBeUndefined();
    expect(handlerEnvironment(INFO, 'asset-management', settings).APP_ORIGINS).toBe('http://localhost:5173');
  });

  it('refuses what is not an origin, saying how to write one', () => {
    expect(() => localSettingsFromEnv({ EMBED_ORIGINS: 'http://localhost:5174/team' })).toThrow(/not an origin: write scheme, host and port only/);
    expect(() => localSettingsFromEnv({ EMBED_ORIGINS: 'localhost:5174' })).toThrow(/not an origin/);
  });
});
