import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { session } from '../session';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      roles
      organization {
        name
      }
    }
  }
`);

/** Screens in the navigation, and who sees each (everyone when roles is empty). */
const SCREENS: { to: string; label: string; roles: Role[] }[] = [
  { to: '/', label: 'Flights', roles: [] },
  { to: '/hotels', label: 'Hotels', roles: [] },
  { to: '/packages', label: 'Packages', roles: [] },
  { to: '/trips', label: 'My trips', roles: [] },
  { to: '/approvals', label: 'Approvals', roles: ['APPROVER', 'FINANCE', 'TRAVEL_ADMIN'] },
  { to: '/live', label: 'Live board', roles: ['TRAVEL_ADMIN', 'PLATFORM_ADMIN'] },
  { to: '/payments', label: 'Payments', roles: ['FINANCE'] },
  { to: '/analytics', label: 'Analytics', roles: ['FINANCE', 'TRAVEL_ADMIN'] },
];

/** Top bar: product name, the screens this person may use, who is signed in, sign out. */
export function Header() {
  const { data, loading, error } = useQuery(ViewerQuery);

  const viewer = data?.viewer;
  // Signed in here but anonymous to the router: the token is no longer accepted.
  const rejected = data !== undefined && viewer === null;
  useEffect(() => {
    if (rejected) session.clear();
  }, [rejected]);
  const roles = new Set(viewer?.roles ?? []);
  const screens = SCREENS.filter((s) => s.roles.length === 0 || s.roles.some((r) => roles.has(r)));

  return (
    <header className="header">
      <span className="brand">Travel</span>
      <nav aria-label="Screens" className="nav">
        {screens.map((s) => (
          <NavLink key={s.to} to={s.to} end={s.to === '/'}>
            {s.label}
          </NavLink>
        ))}
      </nav>
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
