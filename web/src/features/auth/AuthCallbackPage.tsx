import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loading } from '@/components/Status';
import { loadConfig } from '@/lib/config';
import { completeSignIn } from './hostedUi';
import { safeReturnTo } from './returnTo';
import { startSession } from './session';

/** Where the Hosted UI sends the browser back with ?code=&state=. */
export function AuthCallbackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // the code is single-use: exchange it once
    started.current = true;
    (async () => {
      const config = await loadConfig();
      const { tokens, returnTo } = await completeSignIn(config, params);
      await startSession(tokens);
      navigate(safeReturnTo(returnTo), { replace: true });
    })().catch(setError);
  }, [params, navigate]);

  return (
    <>
      <h1>Signing you in</h1>
      {error ? (
        <>
          <ProblemAlert error={error} />
          <Link to="/sign-in">Back to sign-in</Link>
        </>
      ) : (
        <Loading label="Signing you in…" />
      )}
    </>
  );
}
