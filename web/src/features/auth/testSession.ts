import { jwt } from '@/test/fakeFetch';
import { startSession } from './session';

/** Signs a test shopper in (no Cognito): tokens valid for an hour unless said otherwise. */
export function signInForTest(sub = 'customer-1', expiresInMs = 3_600_000) {
  const exp = Math.floor((Date.now() + expiresInMs) / 1000);
  return startSession({
    accessToken: jwt({ sub, exp, token_use: 'access', username: sub }),
    idToken: jwt({ sub, email: `${sub}@example.com`, exp }),
    refreshToken: `refresh-${sub}`,
    expiresAt: exp * 1000,
  });
}
