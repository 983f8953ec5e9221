import { describe, expect, it } from 'vitest';
import { api, setTokenSource } from '@/lib/http';
import { setConfig } from '@/lib/config';
import { fakeFetch, json, jwt } from '@/test/fakeFetch';
import { LOCAL_CONFIG } from '@/test/render';
import { accessToken, getSession, REFRESH_MARGIN_MS, signOut, tokenSource } from './session';
import { signInForTest } from './testSession';

const COGNITO = 'POST /';

function refreshAnswer(sub = 'customer-1') {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return json({
    AuthenticationResult: {
      AccessToken: jwt({ sub, exp, token_use: 'access', v: 2 }),
      IdToken: jwt({ sub, email: 'customer-1@example.com', exp }),
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    },
  });
}

describe('token refresh', () => {
  it('uses the access token while it has more than a minute left', async () => {
    setConfig(LOCAL_CONFIG);
    await signInForTest('customer-1', REFRESH_MARGIN_MS + 60_000);
    const { seen } = fakeFetch({});
    expect(await accessToken()).toBe(getSession()!.accessToken);
    expect(seen).toEqual([]);
  });

  it('refreshes an expiring token once for all callers, with REFRESH_TOKEN_AUTH at the emulator', async () => {
    setConfig(LOCAL_CONFIG);
    await signInForTest('customer-1', 30_000);
    const { seen } = fakeFetch({ [COGNITO]: () => refreshAnswer() });

    const tokens = await Promise.all([accessToken(), accessToken(), accessToken()]);

    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('http://cognito.test/');
    expect(seen[0]!.headers.get('X-Amz-Target')).toBe(
      'AWSCognitoIdentityProviderService.InitiateAuth',
    );
    expect(seen[0]!.headers.get('Content-Type')).toBe('application/x-amz-json-1.1');
    expect(seen[0]!.body).toEqual({
      ClientId: 'client-1',
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'refresh-customer-1' },
    });
    expect(new Set(tokens).size).toBe(1);
    expect(getSession()!.refreshToken).toBe('refresh-customer-1'); // Cognito keeps it
    expect(getSession()!.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it('ends the session when Cognito refuses the refresh token', async () => {
    setConfig(LOCAL_CONFIG);
    await signInForTest('customer-1', 1_000);
    fakeFetch({
      [COGNITO]: () =>
        json({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' }, 400),
    });
    expect(await accessToken()).toBeNull();
    expect(getSession()).toBeNull();
  });

  it('keeps the session through a network error (offline is not signed out)', async () => {
    setConfig(LOCAL_CONFIG);
    await signInForTest('customer-1', 1_000);
    fakeFetch({
      [COGNITO]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(accessToken()).rejects.toThrow(/could not be reached/);
    expect(getSession()).not.toBeNull();
  });

  it('answers a 401 from an API with one refresh and one retry', async () => {
    setConfig(LOCAL_CONFIG);
    setTokenSource(tokenSource);
    await signInForTest();
    const stale = getSession()!.accessToken;
    let cartCalls = 0;
    const { seen } = fakeFetch({
      [COGNITO]: () => refreshAnswer(),
      'GET /api/cart': (r) =>
        ++cartCalls === 1
          ? json({ status: 401, title: 'Unauthorized' }, 401)
          : json({ seen: r.headers.get('Authorization') }),
    });

    const { data } = await api<{ seen: string }>('/api/cart', { auth: 'required' });

    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/cart',
      'POST /',
      'GET /api/cart',
    ]);
    expect(seen[0]!.headers.get('Authorization')).toBe(`Bearer ${stale}`);
    expect(data.seen).toBe(`Bearer ${getSession()!.accessToken}`);
    expect(data.seen).not.toBe(`Bearer ${stale}`);
  });

  it('asks a guest to sign in without calling an API that needs a token', async () => {
    setTokenSource(tokenSource);
    const { seen } = fakeFetch({});
    await expect(api('/api/cart', { auth: 'required' })).rejects.toMatchObject({ status: 401 });
    expect(seen).toEqual([]);
  });

  it('signs out by revoking the refresh token, and forgets the tokens even when Cognito fails', async () => {
    setConfig(LOCAL_CONFIG);
    await signInForTest();
    const { seen } = fakeFetch({
      [COGNITO]: () => new Response('<h1>Internal Server Error</h1>', { status: 500 }),
    });
    expect(await signOut()).toBeNull();
    expect(seen[0]!.headers.get('X-Amz-Target')).toBe(
      'AWSCognitoIdentityProviderService.RevokeToken',
    );
    expect(seen[0]!.body).toEqual({ ClientId: 'client-1', Token: 'refresh-customer-1' });
    expect(getSession()).toBeNull();
    expect(localStorage.getItem('emporium.session')).toBeNull();
  });
});
