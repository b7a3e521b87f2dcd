import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { Empty, Failure, Loading } from '../ui/Status';

const OpenDisruptionsQuery = graphql(`
  query OpenDisruptions {
    disruptions(openOnly: true, first: 20) {
      edges {
        node {
          id
          severity
          kind
          flightNumber
          occurredAt
          booking {
            id
            traveler {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const DisruptionRaisedSubscription = graphql(`
  subscription DisruptionRaised {
    disruptionRaised {
      id
      severity
    }
  }
`);

/** Open disruptions of the organization, most recent first; a new one pushed by the router refreshes the list. */
export function DisruptionsPanel() {
  const { data, error, loading, refetch } = useQuery(OpenDisruptionsQuery, { fetchPolicy: 'cache-and-network' });
  const raised = useSubscription(DisruptionRaisedSubscription);
  useEffect(() => {
    if (raised.data) void refetch();
  }, [raised.data, refetch]);

  return (
    <section className="card" aria-label="Disruptions">
      <h2>Disruptions</h2>
      {!data ? (
        loading ? (
          <Loading what="disruptions" />
        ) : (
          <Failure what="disruptions" error={error ?? { message: 'no answer' }} retry={refetch} />
        )
      ) : data.disruptions.edges.length === 0 ? (
        <Empty>No open disruption.</Empty>
      ) : (
        <ul>
          {data.disruptions.edges.map(({ node }) => (
            <li key={node.id} className={node.severity === 'CRITICAL' || node.severity === 'HIGH' ? 'error-text' : undefined}>
              <strong>{node.severity.toLowerCase()}</strong> · {node.flightNumber} {node.kind.toLowerCase().replace('_', ' ')} ·{' '}
              <Link to={`/trips/${node.booking.id}`}>{node.booking.traveler.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
