/** What a sign-in or a refresh yields. */
export type Tokens = {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
};

/** The payload of a JWT, read without verifying it (the services verify; the SPA only displays). */
export function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Expiry from the token itself when it says, else from expires_in. */
export function expiryOf(accessToken: string, expiresInSeconds: number, now = Date.now()): number {
  const exp = claimsOf(accessToken).exp;
  return typeof exp === 'number' ? exp * 1000 : now + expiresInSeconds * 1000;
}
