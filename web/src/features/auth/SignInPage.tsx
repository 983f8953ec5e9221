import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from '@/lib/zod';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/Status';
import { authMode, configQuery, type ShopConfig } from '@/lib/config';
import { applyProblemToForm } from '@/lib/formErrors';
import { ProblemError } from '@/lib/problem';
import { signIn } from './cognito';
import { authorizeUrl } from './hostedUi';
import { safeReturnTo } from './returnTo';
import { startSession } from './session';

const schema = z.object({
  email: z.email('Enter your email address, like name@example.com.'),
  password: z.string().min(1, 'Enter your password.'),
});
type Values = z.infer<typeof schema>;

export function SignInPage() {
  const config = useQuery(configQuery);
  return (
    <>
      <h1>Sign in</h1>
      <QueryState query={config} loading="Preparing sign-in…">
        {(c) =>
          authMode(c) === 'hosted' ? <HostedSignIn config={c} /> : <DirectSignIn config={c} />
        }
      </QueryState>
    </>
  );
}

function HostedSignIn({ config }: { config: ShopConfig }) {
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const [error, setError] = useState<unknown>(null);
  async function go(screen: 'login' | 'signup') {
    try {
      window.location.assign(await authorizeUrl(config, returnTo, screen));
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div className="stack">
      <p>You sign in on Emporium’s secure sign-in page and come straight back.</p>
      <button type="button" onClick={() => void go('login')}>
        Continue to sign in
      </button>
      <button type="button" className="button-secondary" onClick={() => void go('signup')}>
        Create an account
      </button>
      {error !== null && <ProblemAlert error={error} />}
    </div>
  );
}

function DirectSignIn({ config }: { config: ShopConfig }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: params.get('email') ?? '', password: '' },
  });
  const [shown, setShown] = useState<string[]>([]);
  const submit = useMutation({
    mutationFn: async (values: Values) =>
      startSession(await signIn(config, values.email, values.password)),
    onSuccess: () => navigate(returnTo, { replace: true }),
    onError: (error) =>
      setShown(applyProblemToForm(error, setError, { email: 'email', password: 'password' })),
  });
  const unconfirmed =
    submit.error instanceof ProblemError &&
    submit.error.problem.cognitoError === 'UserNotConfirmedException';
  const confirmed = params.get('confirmed') === '1';

  return (
    <form
      className="stack narrow"
      noValidate
      onSubmit={handleSubmit((values) => !submit.isPending && submit.mutate(values))}
    >
      {confirmed && (
        <p className="notice" role="status">
          Your account is confirmed. Sign in to continue.
        </p>
      )}
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...register('email')}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      {submit.error && <ProblemAlert error={submit.error} shownFields={shown} />}
      {unconfirmed && (
        <p>
          <Link to={`/confirm?${new URLSearchParams({ email: getValues('email'), returnTo })}`}>
            Enter your confirmation code
          </Link>
        </p>
      )}
      <button type="submit" disabled={submit.isPending}>
        {submit.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <p>
        New here?{' '}
        <Link to={`/sign-up?${new URLSearchParams({ returnTo })}`}>Create an account</Link>
      </p>
    </form>
  );
}
