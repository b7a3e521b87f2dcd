import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../gql';
import { session } from '../session';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      organization {
        name
      }
    }
  }
`);

/** Top bar: product name, who is signed in (and for which organization), sign out. */
export function Header() {
  const { data, loading, error } = useQuery(ViewerQuery);

  const viewer = data?.viewer;
  // Signed in here but anonymous to the router: the token is no longer accepted.
  const rejected = data !== undefined && viewer === null;
  useEffect(() => {
    if (rejected) session.clear();
  }, [rejected]);

  return (
    <header className="header">
      <span className="brand">Travel</span>
      <div className="who" aria-live="polite">
        {loading && !viewer ? (
          <span className="muted">Loading…</span>
        ) : viewer ? (
          <>
            <span className="who-name">{viewer.name}</span>
            <span className="who-org muted">{viewer.organization.name}</span>
          </>
        ) : error ? (
          <span className="muted">Could not load your profile</span>
        ) : null}
      </div>
      <button type="button" className="link" onClick={() => session.clear()}>
        Sign out
      </button>
    </header>
  );
}
