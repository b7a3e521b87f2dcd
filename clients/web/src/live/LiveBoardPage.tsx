import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { AirportInput } from '../flights/AirportInput';
import { today } from '../format';
import { Empty, Failure, Loading } from '../ui/Status';
import { DisruptionsPanel } from './DisruptionsPanel';
import { WatchedFlight } from './WatchedFlight';

const BoardFlightsQuery = graphql(`
  query LiveBoardFlights($input: SearchFlightsInput!) {
    searchFlights(input: $input, first: 20) {
      edges {
        node {
          id
          ...WatchedFlight_flight
        }
      }
    }
  }
`);

const BoardOrganizationQuery = graphql(`
  query LiveBoardOrganization {
    organization {
      id
      travelerMovements {
        departingToday {
          id
          name
        }
        onTheRoad {
          id
          name
        }
        returningThisWeek {
          id
          name
        }
      }
    }
    bookings(status: PENDING_APPROVAL, first: 10) {
      totalCount
      edges {
        node {
          id
          traveler {
            name
          }
        }
      }
    }
  }
`);

/** Refresh of the slow-moving panels (travelers, approvals); availability is pushed. */
const PANEL_REFRESH_MS = 15_000;

/** The admin's live board: seats left on watched flights and disruptions (pushed over graphql-ws), pending approvals, travelers on the road. */
export function LiveBoardPage() {
  const [origin, setOrigin] = useState('');
  const [destination, setDestination] = useState('');
  const [date, setDate] = useState(today);
  const [watch, setWatch] = useState<{ origin: string; destination: string; date: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (origin && destination && origin !== destination && date) setWatch({ origin, destination, date });
  }

  return (
    <main className="page board">
      <h1>Live board</h1>
      <section className="card" aria-label="Availability">
        <h2>Availability</h2>
        <form className="search-route" onSubmit={onSubmit} aria-label="Watch a route">
          <AirportInput label="From" value={origin} onChange={setOrigin} />
          <AirportInput label="To" value={destination} onChange={setDestination} />
          <div className="field">
            <label htmlFor="board-date">Date</label>
            <input id="board-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <button type="submit" className="primary">
            Watch route
          </button>
        </form>
        {watch ? <WatchedRoute {...watch} /> : <Empty>Choose a route and a day to watch its seats live.</Empty>}
      </section>
      <OrganizationPanels />
    </main>
  );
}

function WatchedRoute(props: { origin: string; destination: string; date: string }) {
  const { data, error, loading, refetch } = useQuery(BoardFlightsQuery, { variables: { input: { ...props, passengers: 1 } } });
  if (!data) return loading ? <Loading what="flights" /> : <Failure what="flights" error={error ?? { message: 'no answer' }} retry={refetch} />;
  if (data.searchFlights.edges.length === 0) return <Empty>No flights with free seats on that route and day.</Empty>;
  return (
    <table className="board-table" aria-label="Watched flights">
      <thead>
        <tr>
          <th>Flight</th>
          <th>Route</th>
          <th>Seats left</th>
        </tr>
      </thead>
      <tbody>
        {data.searchFlights.edges.map(({ node }) => (
          <WatchedFlight key={node.id} flight={node} />
        ))}
      </tbody>
    </table>
  );
}

function OrganizationPanels() {
  const { data, error, loading, refetch } = useQuery(BoardOrganizationQuery, { pollInterval: PANEL_REFRESH_MS });
  if (!data) return loading ? <Loading what="your organization" /> : <Failure what="your organization" error={error ?? { message: 'no answer' }} retry={refetch} />;
  const movements = data.organization?.travelerMovements;
  const groups = movements
    ? [
        { label: 'Departing today', people: movements.departingToday },
        { label: 'On the road', people: movements.onTheRoad },
        { label: 'Returning this week', people: movements.returningThisWeek },
      ]
    : [];
  return (
    <div className="board-panels">
      <DisruptionsPanel />
      <section className="card" aria-label="Pending approvals">
        <h2>Pending approvals ({data.bookings.totalCount})</h2>
        {data.bookings.edges.length === 0 ? (
          <Empty>Nothing waits for approval.</Empty>
        ) : (
          <ul>
            {data.bookings.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={`/trips/${node.id}`}>{node.traveler.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label="Travelers">
        <h2>Travelers</h2>
        {groups.map((g) => (
          <p key={g.label}>
            <strong>{g.label}:</strong> {g.people.length === 0 ? <span className="muted">nobody</span> : g.people.map((p) => p.name).join(', ')}
          </p>
        ))}
      </section>
    </div>
  );
}
