import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { Cabin, SearchFlightsInput } from '../gql/graphql';
import { formatCalendarDate, today } from '../format';
import { AirportInput } from './AirportInput';
import { CABIN_LABELS, FlightCard } from './FlightCard';
import { PolicyBadge } from './PolicyBadge';

const SearchFlightsQuery = graphql(`
  query SearchFlights($input: SearchFlightsInput!, $first: Int, $after: String) {
    searchFlights(input: $input, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...FlightCard_flight
        }
        offer {
          id
          co2eKg
          ...PolicyBadge_offer
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        airlines {
          count
          airline {
            code
            name
          }
        }
        stops {
          stops
          count
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;
const MAX_PASSENGERS = 9;
const CABINS = Object.keys(CABIN_LABELS) as Cabin[];

/** A submitted search: the query's input with every option decided. */
/** The fields this form sets; the other search filters keep their server defaults. */
type Search = Required<Pick<SearchFlightsInput, 'origin' | 'destination' | 'date'>> & {
  cabin: Cabin;
  passengers: number;
  /** Set from the facets under the results. */
  airlines?: string[] | null;
  maxStops?: number | null;
};

/** Search form plus results: one-way flights for a route, date, cabin and party size. */
export function FlightSearchPage() {
  const id = useId();
  const [origin, setOrigin] = useState('');
  const [destination, setDestination] = useState('');
  const [date, setDate] = useState(today);
  const [cabin, setCabin] = useState<Cabin>('ECONOMY');
  const [passengers, setPassengers] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const [search, setSearch] = useState<Search | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!origin || !destination) return setProblem('Choose an origin and a destination airport.');
    if (origin === destination) return setProblem('Origin and destination must differ.');
    if (!date) return setProblem('Choose a date.');
    setProblem(null);
    setSearch({ origin, destination, date, cabin, passengers });
  }

  return (
    <main className="page">
      <form className="card search" onSubmit={onSubmit} noValidate aria-label="Search flights">
        <div className="search-route">
          <AirportInput label="From" value={origin} onChange={setOrigin} />
          <AirportInput label="To" value={destination} onChange={setDestination} />
        </div>
        <div className="search-options">
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input id={`${id}-date`} type="date" min={today()} value={date} onChange={(e) => setDate(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-cabin`}>Cabin</label>
            <select id={`${id}-cabin`} value={cabin} onChange={(e) => setCabin(e.target.value as Cabin)}>
              {CABINS.map((c) => (
                <option key={c} value={c}>
                  {CABIN_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-passengers`}>Passengers</label>
            <select id={`${id}-passengers`} value={passengers} onChange={(e) => setPassengers(Number(e.target.value))}>
              {Array.from({ length: MAX_PASSENGERS }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        </div>
        {problem && (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="primary">
          Search flights
        </button>
      </form>

      {search ? <Results search={search} onFilter={setSearch} /> : <p className="empty">Choose where and when to fly, then search.</p>}
    </main>
  );
}

function Results({ search, onFilter }: { search: Search; onFilter: (s: Search) => void }) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(SearchFlightsQuery, {
    variables: { input: search, first: PAGE_SIZE },
  });
  const [moreError, setMoreError] = useState<string | null>(null);
  const connection = data?.searchFlights;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const route = `${search.origin} → ${search.destination}`;

  if (!connection) {
    if (error) {
      return (
        <section className="notice notice-error results-status" role="alert">
          <p>Could not search flights: {error.message}</p>
          <button type="button" onClick={() => void refetch()}>
            Try again
          </button>
        </section>
      );
    }
    return (
      <p className="results-status muted" role="status">
        Searching flights {route}…
      </p>
    );
  }

  if (connection.edges.length === 0) {
    return (
      <p className="empty" role="status">
        No {CABIN_LABELS[search.cabin].toLowerCase()} flights {route} on {formatCalendarDate(search.date)} for {search.passengers}{' '}
        {search.passengers === 1 ? 'passenger' : 'passengers'}. Try another date or cabin.
      </p>
    );
  }

  return (
    <section aria-label={`Flights ${route}`} className="results">
      <p className="muted small" role="status">
        {connection.edges.length}
        {connection.pageInfo.hasNextPage ? '+' : ''} {connection.edges.length === 1 && !connection.pageInfo.hasNextPage ? 'flight' : 'flights'} {route}
      </p>
      {connection.facets && (
        <div className="facets" role="group" aria-label="Filter flights">
          <button type="button" aria-pressed={!search.airlines && search.maxStops == null} onClick={() => onFilter({ ...search, airlines: null, maxStops: null })}>
            All
          </button>
          {connection.facets.stops.map((f) => (
            <button type="button" key={`stops-${f.stops}`} aria-pressed={search.maxStops === f.stops} onClick={() => onFilter({ ...search, maxStops: f.stops })}>
              {f.stops === 0 ? 'Nonstop' : `≤ ${f.stops} stops`} ({f.count})
            </button>
          ))}
          {connection.facets.airlines.map((f) => (
            <button
              type="button"
              key={f.airline.code}
              aria-pressed={search.airlines?.includes(f.airline.code) ?? false}
              onClick={() => onFilter({ ...search, airlines: [f.airline.code] })}
            >
              {f.airline.name} ({f.count})
            </button>
          ))}
        </div>
      )}
      <ol className="flight-list">
        {connection.edges.map(({ node, offer }) => (
          <li key={node.id}>
            <FlightCard
              flight={node}
              cabin={search.cabin}
              badge={
                <>
                  {offer.co2eKg !== null && <span className="small muted">{Math.round(offer.co2eKg)} kg CO₂e</span>}
                  <PolicyBadge offer={offer} />
                </>
              }
            />
          </li>
        ))}
      </ol>
      {moreError && (
        <p className="notice notice-error" role="alert">
          Could not load more flights: {moreError}
        </p>
      )}
      {connection.pageInfo.hasNextPage && (
        <button
          type="button"
          className="load-more"
          disabled={loadingMore}
          onClick={() => {
            setMoreError(null);
            fetchMore({ variables: { after: connection.pageInfo.endCursor } }).catch((e: Error) => setMoreError(e.message));
          }}
        >
          {loadingMore ? 'Loading…' : 'Load more flights'}
        </button>
      )}
    </section>
  );
}
