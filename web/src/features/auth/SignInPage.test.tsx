import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { wireApp } from '@/app/wiring';
import { addGuestLine, readGuestCart } from '@/features/cart/guestCart';
import { fakeFetch, json, jwt } from '@/test/fakeFetch';
import { page, renderAt } from '@/test/render';
import { getSession } from './session';
import { SignInPage } from './SignInPage';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

function signedIn() {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return json({
    AuthenticationResult: {
      AccessToken: jwt({ sub: 'sub-ada', exp, token_use: 'access', username: 'sub-ada' }),
      IdToken: jwt({ sub: 'sub-ada', email: 'ada@example.com', exp }),
      RefreshToken: 'refresh-ada',
      ExpiresIn: 3600,
    },
  });
}

let unwire: () => void = () => undefined;
afterEach(() => unwire());

describe('sign-in', () => {
  it('signs in with Cognito, merges the guest cart, then returns where the shopper was', async () => {
    addGuestLine({
      sku: 'KIT-1',
      name: 'Chef knife',
      quantity: 2,
      unitPrice: eur(2600),
      imageUrl: null,
    });
    const { seen } = fakeFetch({
      'POST /': signedIn,
      'POST /api/cart/merge': () =>
        json({
          cart: {
            cartId: 'c',
            customerId: 'sub-ada',
            status: 'OPEN',
            version: 2,
            lines: [],
            total: eur(0),
            checkoutId: null,
          },
          skipped: [],
        }),
    });
    const view = renderAt('/sign-in?returnTo=%2Fcheckout', [
      page('/sign-in', <SignInPage />),
      page('/checkout', <h1>Checkout page</h1>),
    ]);
    unwire = wireApp(view.client);
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Secret-123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Checkout page' })).toBeInTheDocument();
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /', 'POST /api/cart/merge']);
    expect(seen[0]!.body).toMatchObject({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'Secret-123' },
    });
    expect(getSession()?.email).toBe('ada@example.com');
    expect(readGuestCart().lines).toEqual([]);
  });

  it('says a wrong password in words, and signs nobody in', async () => {
    fakeFetch({
      'POST /': () =>
        json({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }, 400),
    });
    renderAt('/sign-in', [page('/sign-in', <SignInPage />)]);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect email or password.');
    expect(getSession()).toBeNull();
  });

  it('never returns to another site', async () => {
    fakeFetch({ 'POST /': signedIn });
    renderAt('/sign-in?returnTo=%2F%2Fevil.example', [
      page('/sign-in', <SignInPage />),
      page('/', <h1>Home</h1>),
    ]);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Secret-123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
  });
});
