import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { z } from '@/lib/zod';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/Status';
import { configQuery, isLocal, type ShopConfig } from '@/lib/config';
import { applyProblemToForm } from '@/lib/formErrors';
import { confirmSignUp, resendCode, signIn } from './cognito';
import { safeReturnTo } from './returnTo';
import { startSession } from './session';

const schema = z.object({
  email: z.email('Enter your email address, like name@example.com.'),
  code: z.string().trim().min(1, 'Enter the code from the email.'),
});
type Values = z.infer<typeof schema>;

export function ConfirmPage() {
  const config = useQuery(configQuery);
  return (
    <>
      <h1>Confirm your email</h1>
      <QueryState query={config} loading="Loading…">
        {(c) => <ConfirmForm config={c} />}
      </QueryState>
    </>
  );
}

function ConfirmForm({ config }: { config: ShopConfig }) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const password = (location.state as { password?: string } | null)?.password;
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: params.get('email') ?? '', code: '' },
  });
  const [shown, setShown] = useState<string[]>([]);
  const submit = useMutation({
    mutationFn: async (values: Values) => {
      await confirmSignUp(config, values.email, values.code);
      if (password) await startSession(await signIn(config, values.email, password));
    },
    onSuccess: (_, values) =>
      password
        ? navigate(returnTo, { replace: true })
        : navigate(
            `/sign-in?${new URLSearchParams({ email: values.email, returnTo, confirmed: '1' })}`,
            {
              replace: true,
            },
          ),
    onError: (error) =>
      setShown(applyProblemToForm(error, setError, { email: 'email', code: 'code' })),
  });
  const resend = useMutation({ mutationFn: () => resendCode(config, getValues('email')) });

  return (
    <form
      className="stack narrow"
      noValidate
      onSubmit={handleSubmit((values) => !submit.isPending && submit.mutate(values))}
    >
      <p>We sent a confirmation code to your email address.</p>
      {isLocal(config) && (
        <p className="notice">Local shop: the emulator accepts any code, for example 123456.</p>
      )}
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...register('email')}
      />
      <Field
        label="Confirmation code"
        inputMode="numeric"
        autoComplete="one-time-code"
        error={errors.code?.message}
        {...register('code')}
      />
      {submit.error && <ProblemAlert error={submit.error} shownFields={shown} />}
      <button type="submit" disabled={submit.isPending}>
        {submit.isPending ? 'Confirming…' : 'Confirm'}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={resend.isPending}
        onClick={() => resend.mutate()}
      >
        Send a new code
      </button>
      <div aria-live="polite">
        {resend.isSuccess && <p className="notice">A new code is on its way.</p>}
      </div>
      {resend.error && <ProblemAlert error={resend.error} />}
    </form>
  );
}
