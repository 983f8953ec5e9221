import { useSyncExternalStore } from 'react';
import { authMode, loadConfig } from '@/lib/config';
import type { TokenSource } from '@/lib/http';
import { ProblemError } from '@/lib/problem';
import { refresh } from './cognito';
import { logoutUrl, refreshHosted } from './hostedUi';
import { revoke } from './cognito';
import { claimsOf, type Tokens } from './tokens';

/**
 * The signed-in shopper's tokens, kept in localStorage so a reload (or a deep link opened in a new
 * tab) stays signed in. The access token is refreshed a minute before it expires, once for all
 * callers at a time; a refresh Cognito refuses ends the session.
 */
export type Session = Tokens & { email: string; sub: string };

const KEY = 'emporium.session';
export const REFRESH_MARGIN_MS = 60_000;

let current: Session | null = read();
let refreshing: Promise<Session | null> | null = null;
const listeners = new Set<() => void>();
const signInHooks: Array<(session: Session) => Promise<void>> = [];

function read(): Session | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return stored?.accessToken && stored.refreshToken ? stored : null;
  } catch {
    return null;
  }
}

function write(session: Session | null) {
  current = session;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

function sessionOf(tokens: Tokens): Session {
  const id = claimsOf(tokens.idToken);
  const access = claimsOf(tokens.accessToken);
  return {
    ...tokens,
    email: String(id.email ?? id['cognito:username'] ?? access.username ?? ''),
    sub: String(access.sub ?? id.sub ?? ''),
  };
}

if (typeof window !== 'undefined') {
  // Signed in or out in another tab.
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) {
      current = read();
      listeners.forEach((listener) => listener());
    }
  });
}

export function getSession(): Session | null {
  return current;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null);
}

/** Runs after every sign-in, before the sign-in resolves (the guest cart merge registers here). */
export function onSignedIn(hook: (session: Session) => Promise<void>): () => void {
  signInHooks.push(hook);
  return () => {
    const index = signInHooks.indexOf(hook);
    if (index >= 0) signInHooks.splice(index, 1);
  };
}

export async function startSession(tokens: Tokens): Promise<Session> {
  const session = sessionOf(tokens);
  write(session);
  for (const hook of signInHooks) {
    await hook(session);
  }
  return session;
}

export function endSession(): void {
  refreshing = null;
  write(null);
}

/** Refreshes now (once for every concurrent caller); null when Cognito ends the session. */
export function refreshSession(): Promise<Session | null> {
  const session = current;
  if (!session) return Promise.resolve(null);
  refreshing ??= (async () => {
    try {
      const config = await loadConfig();
      const tokens =
        authMode(config) === 'hosted'
          ? await refreshHosted(config, session.refreshToken)
          : await refresh(config, session.refreshToken);
      if (current?.refreshToken !== session.refreshToken) return current; // signed out meanwhile
      const next = sessionOf(tokens);
      write(next);
      return next;
    } catch (error) {
      // Refused (revoked, expired refresh token): the session is over. A network error keeps it.
      if (error instanceof ProblemError && error.status >= 400 && error.status < 500) {
        if (current?.refreshToken === session.refreshToken) endSession();
        return null;
      }
      throw error;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** An access token valid for at least another minute, refreshing first if needed. */
export async function accessToken(now = Date.now()): Promise<string | null> {
  const session = current;
  if (!session) return null;
  if (session.expiresAt - now > REFRESH_MARGIN_MS) return session.accessToken;
  return (await refreshSession())?.accessToken ?? null;
}

export const tokenSource: TokenSource = {
  accessToken: () => accessToken(),
  refreshAfterRejection: async () => (await refreshSession())?.accessToken ?? null,
};

/**
 * Revokes the refresh token (best effort: signing out works offline too) and forgets the tokens.
 * With the Hosted UI, its own session ends too: the answer is the address to send the browser to.
 */
export async function signOut(): Promise<string | null> {
  const session = current;
  endSession();
  if (!session) return null;
  const config = await loadConfig().catch(() => null);
  if (!config) return null;
  if (authMode(config) === 'hosted') return logoutUrl(config);
  await revoke(config, session.refreshToken).catch(() => undefined);
  return null;
}
