import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setConfig, type ShopConfig } from '@/lib/config';
import { fakeFetch, json, jwt } from '@/test/fakeFetch';
import { authorizeUrl, challengeOf, completeSignIn } from './hostedUi';
import { accessToken, getSession } from './session';
import { signInForTest } from './testSession';

const AWS: ShopConfig = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_abc',
  clientId: 'spa-client',
  authDomain: 'shop-auth.auth.eu-west-1.amazoncognito.com',
};

function tokenAnswer(extra: Record<string, unknown> = {}) {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return json({
    access_token: jwt({ sub: 'sub-1', exp, token_use: 'access' }),
    id_token: jwt({ sub: 'sub-1', email: 'ada@example.com', exp }),
    expires_in: 3600,
    token_type: 'Bearer',
    ...extra,
  });
}

describe('Hosted UI with authorization code + PKCE', () => {
  it('sends the browser to the Hosted UI with an S256 challenge of a verifier it keeps', async () => {
    const url = new URL(await authorizeUrl(AWS, '/checkout'));
    expect(url.origin + url.pathname).toBe(
      'https://shop-auth.auth.eu-west-1.amazoncognito.com/login',
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'spa-client',
      redirect_uri: `${window.location.origin}/auth/callback`,
      code_challenge_method: 'S256',
    });
    const pending = JSON.parse(sessionStorage.getItem('emporium.pkce')!);
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('code_challenge')).toBe(await challengeOf(pending.verifier));
    expect(pending.verifier.length).toBeGreaterThanOrEqual(43);
  });

  it('computes the S256 challenge: base64url of the SHA-256 of the verifier, unpadded', async () => {
    const verifier = 'dBjftJeZ4CVP-mJ92K1ZutYDqAaChRkd3t3q_GrEg8Tg';
    const expected = createHash('sha256').update(verifier).digest('base64url');
    expect(await challengeOf(verifier)).toBe(expected);
    expect(expected).toBe('5iZcQna4NwlFA9Cl8ko8RFjLefLRZAcSStYdVcUrCQU');
  });

  it('exchanges the code with the verifier, and only for the state it sent', async () => {
    const url = new URL(await authorizeUrl(AWS, '/orders'));
    const pending = JSON.parse(sessionStorage.getItem('emporium.pkce')!);
    const { seen } = fakeFetch({
      'POST /oauth2/token': () => tokenAnswer({ refresh_token: 'r-1' }),
    });

    const { tokens, returnTo } = await completeSignIn(
      AWS,
      new URLSearchParams({ code: 'the-code', state: url.searchParams.get('state')! }),
    );

    expect(returnTo).toBe('/orders');
    expect(tokens.refreshToken).toBe('r-1');
    expect(seen[0]!.url).toBe('https://shop-auth.auth.eu-west-1.amazoncognito.com/oauth2/token');
    expect(Object.fromEntries(new URLSearchParams(String(seen[0]!.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'spa-client',
      code: 'the-code',
      redirect_uri: `${window.location.origin}/auth/callback`,
      code_verifier: pending.verifier,
    });

    await authorizeUrl(AWS, '/');
    await expect(
      completeSignIn(AWS, new URLSearchParams({ code: 'c', state: 'forged' })),
    ).rejects.toThrow(/not valid any more/);
  });

  it('refreshes with the refresh_token grant when the shop uses the Hosted UI', async () => {
    setConfig(AWS);
    await signInForTest('sub-1', 10_000);
    const { seen } = fakeFetch({ 'POST /oauth2/token': () => tokenAnswer() });
    const token = await accessToken();
    expect(token).toBe(getSession()!.accessToken);
    expect(new URLSearchParams(String(seen[0]!.body)).get('grant_type')).toBe('refresh_token');
    expect(getSession()!.refreshToken).toBe('refresh-sub-1');
  });
});
