import type { ReactNode } from 'react';

/** What a screen shows while its data loads. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="results-status muted" role="status">
      Loading {what}…
    </p>
  );
}

/** A failed request, with a retry when the screen can offer one. */
export function Failure({ what, error, retry }: { what: string; error: { message: string }; retry?: () => unknown }) {
  return (
    <section className="notice notice-error results-status" role="alert">
      <p>
        Could not load {what}: {error.message}
      </p>
      {retry && (
        <button type="button" onClick={() => void retry()}>
          Try again
        </button>
      )}
    </section>
  );
}

/** Nothing to show yet, and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="empty" role="status">
      {children}
    </p>
  );
}

/** User errors returned in a mutation payload (`errors: [UserError!]!`). */
export function UserErrors({ errors }: { errors: readonly { code: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert">
      {errors.map((e) => (
        <p key={`${e.code}:${e.message}`} className="notice notice-error">
          {e.message}
        </p>
      ))}
    </div>
  );
}
