import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { ErrorCode } from '../gql/graphql';
import { session } from '../session';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      viewer {
        id
        name
      }
      errors {
        code
        message
        field
      }
    }
  }
`);

type Field = 'email' | 'password';

/** Friendlier words for some failure codes; otherwise the server's message is shown. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
};

/** "input.email" or "email" → "email"; anything else is shown above the form. */
function fieldOf(path: string | null | undefined): Field | null {
  const last = path?.split('.').pop();
  return last === 'email' || last === 'password' ? last : null;
}

export function SignInPage() {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { data, loading, error }] = useMutation(SignInMutation);

  const userErrors = data?.signIn.errors ?? [];
  const fieldErrors: Partial<Record<Field, string>> = {};
  const formErrors: string[] = [];
  for (const e of userErrors) {
    const field = fieldOf(e.field);
    const text = MESSAGES[e.code] ?? e.message;
    if (field && !fieldErrors[field]) fieldErrors[field] = text;
    else formErrors.push(text);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await signIn({ variables: { input: { email: email.trim(), password } } }).catch(() => null);
    const payload = result?.data?.signIn;
    if (payload?.accessToken && payload.accessTokenExpiresAt && payload.errors.length === 0) {
      session.set({ accessToken: payload.accessToken, expiresAt: payload.accessTokenExpiresAt });
    }
  }

  return (
    <main className="auth">
      <form className="card auth-card" onSubmit={onSubmit} noValidate aria-describedby={`${id}-status`}>
        <h1>Sign in</h1>
        <p className="muted">Book and manage travel for your organization.</p>

        <div id={`${id}-status`} role="alert" aria-live="assertive">
          {error && <p className="notice notice-error">Could not reach the server. Check your connection and try again.</p>}
          {formErrors.map((text) => (
            <p key={text} className="notice notice-error">
              {text}
            </p>
          ))}
        </div>

        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? `${id}-email-error` : undefined}
        />
        {fieldErrors.email && (
          <p id={`${id}-email-error`} className="field-error">
            {fieldErrors.email}
          </p>
        )}

        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? `${id}-password-error` : undefined}
        />
        {fieldErrors.password && (
          <p id={`${id}-password-error`} className="field-error">
            {fieldErrors.password}
          </p>
        )}

        <button type="submit" className="primary" disabled={loading || email.trim() === '' || password === ''}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
