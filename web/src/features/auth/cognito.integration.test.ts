import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopConfig } from '@/lib/config';
// @ts-expect-error a JavaScript helper of the tooling
import { startMoto } from '../../../scripts/moto.mjs';
import { callCognito, confirmSignUp, refresh, signIn, signUp } from './cognito';
import { claimsOf } from './tokens';

/** The SPA's Cognito calls against the emulator's Cognito (moto), as the local shop makes them. */
describe('Cognito JSON API on the emulator', () => {
  let moto: { endpoint: string; stop: () => Promise<void> };
  let config: ShopConfig;

  beforeAll(async () => {
    moto = await startMoto();
    const admin = {
      region: 'us-east-1',
      userPoolId: '',
      clientId: '',
      cognitoEndpoint: moto.endpoint,
    };
    const pool = await callCognito<{ UserPool: { Id: string } }>(admin, 'CreateUserPool', {
      PoolName: 'shop',
    });
    const client = await callCognito<{ UserPoolClient: { ClientId: string } }>(
      admin,
      'CreateUserPoolClient',
      {
        UserPoolId: pool.UserPool.Id,
        ClientName: 'spa',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      },
    );
    config = { ...admin, userPoolId: pool.UserPool.Id, clientId: client.UserPoolClient.ClientId };
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
  });

  // Sign-out's RevokeToken is not implemented by moto 5.2 (HTTP 500): signing out forgets the tokens
  // whatever Cognito answers (session.test.ts), so locally it is that half that runs.
  it('signs up, confirms with any code, signs in and refreshes', async () => {
    await signUp(config, 'ada@example.com', 'Secret-123!');
    await confirmSignUp(config, 'ada@example.com', '123456');

    const tokens = await signIn(config, 'ada@example.com', 'Secret-123!');
    expect(claimsOf(tokens.accessToken)).toMatchObject({
      token_use: 'access',
      client_id: config.clientId,
    });
    // AWS puts the email in the ID token; moto only the user name, which is the email here.
    const id = claimsOf(tokens.idToken);
    expect(id.email ?? id['cognito:username']).toBe('ada@example.com');
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);

    const refreshed = await refresh(config, tokens.refreshToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    expect(claimsOf(refreshed.accessToken).sub).toBe(claimsOf(tokens.accessToken).sub);
  });

  it("says what went wrong in the shopper's words", async () => {
    await expect(signIn(config, 'nobody@example.com', 'Wrong-123!')).rejects.toMatchObject({
      problem: { detail: 'Incorrect email or password.' },
    });
    await signUp(config, 'twice@example.com', 'Secret-123!');
    await expect(signUp(config, 'twice@example.com', 'Secret-123!')).rejects.toMatchObject({
      problem: {
        detail: 'An account with this email already exists.',
        errors: [{ field: 'email' }],
      },
    });
  });
});
