import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { BookingStatus } from '../gql/graphql';
import { formatMoney } from '../format';
import { Empty, Failure, Loading } from '../ui/Status';
import { BOOKING_STATUS_LABELS, StatusBadge } from '../ui/StatusBadge';

const TripsQuery = graphql(`
  query Trips($first: Int, $after: String, $status: BookingStatus) {
    bookings(first: $first, after: $after, status: $status) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          createdAt
          tripPurpose
          total {
            amount
            currency
          }
          traveler {
            id
            name
          }
          segments {
            id
            kind
            description
            origin
            destination
            startsAt
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE_SIZE = 20;
const STATUSES = Object.keys(BOOKING_STATUS_LABELS) as BookingStatus[];

/** The organization's trips the caller may see, newest first, filtered by status, with a count per page. */
export function TripsPage() {
  const id = useId();
  const [status, setStatus] = useState<BookingStatus | ''>('');
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(TripsQuery, {
    variables: { first: PAGE_SIZE, status: status || null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.bookings;

  return (
    <main className="page">
      <div className="toolbar">
        <h1>Trips</h1>
        <div className="field field-inline">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as BookingStatus | '')}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {BOOKING_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!connection ? (
        error ? (
          <Failure what="trips" error={error} retry={refetch} />
        ) : (
          <Loading what="trips" />
        )
      ) : connection.edges.length === 0 ? (
        <Empty>
          No trips {status ? `that are ${BOOKING_STATUS_LABELS[status].toLowerCase()}` : 'yet'}. <Link to="/">Search flights</Link> to book one.
        </Empty>
      ) : (
        <>
          <p className="kpis" role="status">
            <span className="kpi">
              <strong>{connection.totalCount}</strong> {connection.totalCount === 1 ? 'trip' : 'trips'}
            </span>
          </p>
          <ol className="trip-list" aria-label="Trips">
            {connection.edges.map(({ node }) => (
              <li key={node.id} className="card trip">
                <div className="trip-head">
                  <Link to={`/trips/${node.id}`}>{node.segments.map((s) => s.description ?? `${s.origin ?? ''} → ${s.destination ?? ''}`).join(' · ') || 'Trip'}</Link>
                  <StatusBadge status={node.status} />
                </div>
                <p className="muted small">
                  {node.traveler.name} · {formatMoney(node.total)}
                  {node.tripPurpose ? ` · ${node.tripPurpose}` : ''}
                </p>
              </li>
            ))}
          </ol>
          {connection.pageInfo.hasNextPage && (
            <button
              type="button"
              className="load-more"
              disabled={networkStatus === NetworkStatus.fetchMore}
              onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
            >
              Load more trips
            </button>
          )}
        </>
      )}
    </main>
  );
}
