import { authDomainUrl, type ShopConfig } from '@/lib/config';
import { NetworkError, ProblemError } from '@/lib/problem';
import { expiryOf, type Tokens } from './tokens';

/**
 * Cognito's Hosted UI with the authorization code flow and PKCE (RFC 7636), used in AWS when
 * /config.json names an authDomain. The verifier and state live in sessionStorage between the
 * redirect and the callback.
 */
const PENDING = 'emporium.pkce';

function base64Url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function redirectUri(): string {
  return `${window.location.origin}/auth/callback`;
}

/** The Hosted UI address to send the browser to; remembers where to come back. */
export async function authorizeUrl(
  config: ShopConfig,
  returnTo: string,
  screen: 'login' | 'signup' = 'login',
): Promise<string> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  return `${authDomainUrl(config)}/${screen}?${params}`;
}

type TokenAnswer = {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
  error?: string;
};

async function tokenCall(config: ShopConfig, form: Record<string, string>): Promise<TokenAnswer> {
  let response: Response;
  try {
    response = await fetch(`${authDomainUrl(config)}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (!response.ok) {
    throw new ProblemError({
      type: `https://emporium.io/problems/auth/${answer.error ?? 'token'}`,
      title: 'Sign-in failed',
      status: response.status,
      detail: 'Signing in did not complete. Please try again.',
    });
  }
  return answer;
}

/** The callback: checks the state, exchanges the code; the tokens and where to go next. */
export async function completeSignIn(
  config: ShopConfig,
  search: URLSearchParams,
): Promise<{ tokens: Tokens; returnTo: string }> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  const code = search.get('code');
  if (!pending || !code || search.get('state') !== pending.state) {
    throw new ProblemError({
      type: 'https://emporium.io/problems/auth/state',
      title: 'Sign-in failed',
      status: 400,
      detail:
        search.get('error_description') ??
        'This sign-in link is not valid any more. Please sign in again.',
    });
  }
  const answer = await tokenCall(config, {
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code,
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return {
    tokens: {
      accessToken: answer.access_token,
      idToken: answer.id_token,
      refreshToken: answer.refresh_token ?? '',
      expiresAt: expiryOf(answer.access_token, answer.expires_in),
    },
    returnTo: pending.returnTo,
  };
}

export async function refreshHosted(config: ShopConfig, refreshToken: string): Promise<Tokens> {
  const answer = await tokenCall(config, {
    grant_type: 'refresh_token',
    client_id: config.clientId,
    refresh_token: refreshToken,
  });
  return {
    accessToken: answer.access_token,
    idToken: answer.id_token,
    refreshToken: answer.refresh_token ?? refreshToken,
    expiresAt: expiryOf(answer.access_token, answer.expires_in),
  };
}

export function logoutUrl(config: ShopConfig): string {
  const params = new URLSearchParams({
    client_id: config.clientId,
    logout_uri: `${window.location.origin}/`,
  });
  return `${authDomainUrl(config)}/logout?${params}`;
}
