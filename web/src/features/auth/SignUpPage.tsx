import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { z } from '@/lib/zod';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/Status';
import { authMode, configQuery, type ShopConfig } from '@/lib/config';
import { applyProblemToForm } from '@/lib/formErrors';
import { signUp } from './cognito';
import { safeReturnTo } from './returnTo';

// Cognito's default password policy; Cognito has the last word (its message is shown if it refuses).
export const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .regex(/[a-z]/, 'Use at least one lowercase letter.')
  .regex(/[A-Z]/, 'Use at least one uppercase letter.')
  .regex(/\d/, 'Use at least one number.')
  .regex(/[^A-Za-z0-9]/, 'Use at least one symbol, like ! or #.');

const schema = z.object({
  email: z.email('Enter your email address, like name@example.com.'),
  password: passwordSchema,
});
type Values = z.infer<typeof schema>;

export function SignUpPage() {
  const config = useQuery(configQuery);
  return (
    <>
      <h1>Create an account</h1>
      <QueryState query={config} loading="Preparing sign-up…">
        {(c) =>
          authMode(c) === 'hosted' ? <Navigate to="/sign-in" replace /> : <SignUpForm config={c} />
        }
      </QueryState>
    </>
  );
}

function SignUpForm({ config }: { config: ShopConfig }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: '', password: '' },
  });
  const [shown, setShown] = useState<string[]>([]);
  const submit = useMutation({
    mutationFn: (values: Values) => signUp(config, values.email, values.password),
    onSuccess: (_, values) =>
      // The password rides along in memory only, to sign in right after the confirmation.
      navigate(`/confirm?${new URLSearchParams({ email: values.email, returnTo })}`, {
        state: { password: values.password },
      }),
    onError: (error) =>
      setShown(applyProblemToForm(error, setError, { email: 'email', password: 'password' })),
  });

  return (
    <form
      className="stack narrow"
      noValidate
      onSubmit={handleSubmit((values) => !submit.isPending && submit.mutate(values))}
    >
      <Field
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register('email')}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters, with a lowercase and an uppercase letter, a number and a symbol."
        error={errors.password?.message}
        {...register('password')}
      />
      {submit.error && <ProblemAlert error={submit.error} shownFields={shown} />}
      <button type="submit" disabled={submit.isPending}>
        {submit.isPending ? 'Creating your account…' : 'Create account'}
      </button>
      <p>
        Already have an account?{' '}
        <Link to={`/sign-in?${new URLSearchParams({ returnTo })}`}>Sign in</Link>
      </p>
    </form>
  );
}
