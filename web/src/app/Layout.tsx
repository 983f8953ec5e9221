import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type FormEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut, useSession } from '@/features/auth/session';
import { useCart } from '@/features/cart/useCart';
import { useOnline } from '@/lib/useOnline';

function CartLink() {
  const cart = useCart();
  const count = cart.summary.itemCount;
  return (
    <NavLink to="/cart">
      Cart
      {count > 0 && (
        <span className="badge">
          {' '}
          ({count}
          <span className="visually-hidden"> items</span>)
        </span>
      )}
    </NavLink>
  );
}

function SearchBox() {
  const navigate = useNavigate();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    navigate(q ? `/search?${new URLSearchParams({ q })}` : '/search');
  }
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        Search products
      </label>
      <input id="site-search" name="q" type="search" placeholder="Search products" />
      <button type="submit">Search</button>
    </form>
  );
}

function Account() {
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const location = useLocation();
  if (!session) {
    const returnTo = `${location.pathname}${location.search}`;
    return <NavLink to={`/sign-in?${new URLSearchParams({ returnTo })}`}>Sign in</NavLink>;
  }
  async function out() {
    const next = await signOut();
    client.clear();
    if (next) window.location.assign(next);
    else navigate('/');
  }
  return (
    <>
      <NavLink to="/orders">Orders</NavLink>
      <NavLink to="/notifications">Inbox</NavLink>
      <span className="who" title={session.email}>
        {session.email}
      </span>
      <button type="button" className="button-link" onClick={() => void out()}>
        Sign out
      </button>
    </>
  );
}

/** Moves focus to the new page's heading after a navigation, so screen readers hear where they are. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading =
      document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }, [location.pathname]);
}

export function Layout() {
  const online = useOnline();
  useFocusOnNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Emporium
        </Link>
        <SearchBox />
        <nav aria-label="Shop">
          <CartLink />
          <Account />
        </nav>
      </header>
      {!online && (
        <p className="offline" role="status">
          You are offline. What you see may be out of date; changes will fail until you are back
          online.
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Emporium — a demo shop. No real payments are taken.</p>
      </footer>
    </>
  );
}
