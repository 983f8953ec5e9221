import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundPage } from './NotFoundPage';

/** The router's error boundary: a page that failed to render (or to load its code) says so in words. */
export function ErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const chunkFailed = error instanceof TypeError && /fetch|import/i.test(error.message);
  return (
    <div role="alert">
      <h1>Something went wrong</h1>
      <p>
        {chunkFailed
          ? 'This page could not be loaded. Check your connection, then reload.'
          : 'This page ran into a problem. Reloading usually helps.'}
      </p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <Link to="/">Home</Link>
      </p>
    </div>
  );
}
