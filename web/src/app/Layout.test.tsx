import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '@/test/fakeFetch';
import { renderAt } from '@/test/render';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

const routes = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <h1>Home</h1> },
      { path: '/search', element: <h1>Search</h1> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

describe('the layout', () => {
  it('says when the browser is offline, and stops saying it when it is back', () => {
    fakeFetch({});
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderAt('/', routes);
    expect(screen.getByRole('status')).toHaveTextContent('You are offline.');
    online.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
  });

  it('answers an unknown address with the 404 page', () => {
    fakeFetch({});
    renderAt('/no/such/page', routes);
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('searches from the header and moves focus to the new page heading', async () => {
    fakeFetch({});
    const { router } = renderAt('/', routes);
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search products' }), 'lamp{Enter}');
    expect(router.state.location.search).toBe('?q=lamp');
    expect(screen.getByRole('heading', { level: 1, name: 'Search' })).toHaveFocus();
  });

  it('offers a skip link to the content and a sign-in link that comes back here', () => {
    fakeFetch({});
    renderAt('/search?q=x', routes);
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?returnTo=%2Fsearch%3Fq%3Dx',
    );
  });
});
