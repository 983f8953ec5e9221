import { cognitoEndpoint, type ShopConfig } from '@/lib/config';
import { NetworkError, ProblemError } from '@/lib/problem';
import { expiryOf, type Tokens } from './tokens';

/**
 * Cognito's JSON API (docs/api.md, Identity): the same calls against AWS and against the emulator,
 * whose endpoint /config.json names.
 */
type AuthenticationResult = {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
};

/** Cognito's error names, in words a shopper can act on; the field each concerns. */
const ERRORS: Record<string, { detail?: string; field?: string }> = {
  NotAuthorizedException: { detail: 'Incorrect email or password.' },
  UserNotFoundException: { detail: 'Incorrect email or password.' },
  UsernameExistsException: { detail: 'An account with this email already exists.', field: 'email' },
  UserNotConfirmedException: { detail: 'Confirm your email address before signing in.' },
  InvalidPasswordException: { field: 'password' },
  CodeMismatchException: { detail: 'That confirmation code is not right.', field: 'code' },
  ExpiredCodeException: { detail: 'That confirmation code has expired.', field: 'code' },
  TooManyRequestsException: { detail: 'Too many attempts. Please wait a moment.' },
  LimitExceededException: { detail: 'Too many attempts. Please wait a moment.' },
  InvalidParameterException: {},
};

function authProblem(status: number, name: string, message: string): ProblemError {
  const known = ERRORS[name];
  const detail = known?.detail ?? (message || 'Signing in failed. Please try again.');
  return new ProblemError({
    type: `https://emporium.io/problems/auth/${name || 'unknown'}`,
    title: name || 'Authentication failed',
    status,
    detail,
    cognitoError: name,
    errors: known?.field ? [{ field: known.field, message: detail }] : undefined,
  });
}

export async function callCognito<T>(
  config: ShopConfig,
  action: string,
  body: Record<string, unknown>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(cognitoEndpoint(config), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  if (!response.ok) {
    const type = String(json.__type ?? response.headers.get('x-amzn-errortype') ?? '');
    const name = type.split('#').pop()?.split(':')[0] ?? '';
    const message = String(json.message ?? json.Message ?? '');
    throw authProblem(response.status, name, message);
  }
  return json as T;
}

function tokensOf(result: AuthenticationResult | undefined, refreshToken?: string): Tokens {
  if (!result?.AccessToken || !result.IdToken) {
    throw authProblem(
      400,
      'ChallengeRequired',
      'This account needs a step the shop does not support.',
    );
  }
  const refresh = result.RefreshToken ?? refreshToken;
  if (!refresh) throw authProblem(400, 'NoRefreshToken', 'Signing in did not return a session.');
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken: refresh,
    expiresAt: expiryOf(result.AccessToken, result.ExpiresIn),
  };
}

export async function signUp(config: ShopConfig, email: string, password: string): Promise<void> {
  await callCognito(config, 'SignUp', {
    ClientId: config.clientId,
    Username: email,
    Password: password,
    UserAttributes: [{ Name: 'email', Value: email }],
  });
}

export async function confirmSignUp(
  config: ShopConfig,
  email: string,
  code: string,
): Promise<void> {
  await callCognito(config, 'ConfirmSignUp', {
    ClientId: config.clientId,
    Username: email,
    ConfirmationCode: code,
  });
}

export async function resendCode(config: ShopConfig, email: string): Promise<void> {
  await callCognito(config, 'ResendConfirmationCode', {
    ClientId: config.clientId,
    Username: email,
  });
}

export async function signIn(config: ShopConfig, email: string, password: string): Promise<Tokens> {
  const answer = await callCognito<{ AuthenticationResult?: AuthenticationResult }>(
    config,
    'InitiateAuth',
    {
      ClientId: config.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    },
  );
  return tokensOf(answer.AuthenticationResult);
}

/** REFRESH_TOKEN_AUTH: new access and ID tokens; Cognito keeps the refresh token. */
export async function refresh(config: ShopConfig, refreshToken: string): Promise<Tokens> {
  const answer = await callCognito<{ AuthenticationResult?: AuthenticationResult }>(
    config,
    'InitiateAuth',
    {
      ClientId: config.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    },
  );
  return tokensOf(answer.AuthenticationResult, refreshToken);
}

export async function revoke(config: ShopConfig, refreshToken: string): Promise<void> {
  await callCognito(config, 'RevokeToken', { ClientId: config.clientId, Token: refreshToken });
}
