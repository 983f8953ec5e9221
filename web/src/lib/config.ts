import { queryOptions } from '@tanstack/react-query';

/** What /config.json tells the SPA (docs/api.md, Identity): the Cognito pool and app client. */
export type ShopConfig = {
  region: string;
  userPoolId: string;
  clientId: string;
  /** Present only where Cognito is an emulator (locally). */
  cognitoEndpoint?: string;
  /** The Hosted UI domain, when Terraform sets one. */
  authDomain?: string;
};

let pending: Promise<ShopConfig> | undefined;

export function loadConfig(): Promise<ShopConfig> {
  pending ??= fetch('/config.json', { headers: { Accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
      return (await response.json()) as ShopConfig;
    })
    .catch((error: unknown) => {
      pending = undefined; // a later call tries again
      throw error;
    });
  return pending;
}

/** For tests: a config without fetching /config.json. */
export function setConfig(config: ShopConfig | undefined): void {
  pending = config ? Promise.resolve(config) : undefined;
}

/** Local mode: Cognito is the emulator, payments the simulated provider with its test tokens. */
export function isLocal(config: ShopConfig): boolean {
  return Boolean(config.cognitoEndpoint);
}

/** Hosted UI (authorization code + PKCE) where AWS's Cognito has a domain; else Cognito's JSON API. */
export function authMode(config: ShopConfig): 'hosted' | 'direct' {
  return config.authDomain && !config.cognitoEndpoint ? 'hosted' : 'direct';
}

export function cognitoEndpoint(config: ShopConfig): string {
  const endpoint = config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com`;
  return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

export function authDomainUrl(config: ShopConfig): string {
  const domain = config.authDomain ?? '';
  return (domain.startsWith('http') ? domain : `https://${domain}`).replace(/\/$/, '');
}

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: loadConfig,
  staleTime: Infinity,
});
