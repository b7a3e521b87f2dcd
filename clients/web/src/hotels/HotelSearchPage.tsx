import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../gql';
import type { SearchHotelsInput } from '../gql/graphql';
import { formatMoney, today } from '../format';
import { Empty, Failure, Loading, UserErrors } from '../ui/Status';

const SearchHotelsQuery = graphql(`
  query SearchHotels($input: SearchHotelsInput!) {
    searchHotels(input: $input, first: 20) {
      totalCount
      facets {
        starRatings {
          stars
          count
        }
        priceBuckets {
          count
          min {
            amount
            currency
          }
          max {
            amount
            currency
          }
        }
      }
      edges {
        node {
          id
          name
          city
          starRating
        }
        lowestNightlyRate {
          amount
          currency
        }
        offers {
          roomsLeft
          nightlyRate {
            amount
            currency
          }
          total {
            amount
            currency
          }
          roomType {
            id
            name
            capacity
          }
        }
      }
    }
  }
`);

const HoldRoomMutation = graphql(`
  mutation HoldRoom($input: HoldRoomInput!) {
    holdRoom(input: $input) {
      roomHold {
        id
      }
      errors {
        code
        message
      }
    }
  }
`);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Hotels in a city for a stay: star and price facets narrow the list; a room type is held for checkout. */
export function HotelSearchPage() {
  const id = useId();
  const [city, setCity] = useState('');
  const [checkIn, setCheckIn] = useState(today);
  const [checkOut, setCheckOut] = useState(() => addDays(today(), 2));
  const [guests, setGuests] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const [search, setSearch] = useState<SearchHotelsInput | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!city.trim()) return setProblem('Enter a city.');
    if (checkOut <= checkIn) return setProblem('Check-out must be after check-in.');
    setProblem(null);
    setSearch({ city: city.trim(), checkIn, checkOut, guests });
  }

  return (
    <main className="page">
      <form className="card search" onSubmit={onSubmit} noValidate aria-label="Search hotels">
        <div className="search-options">
          <div className="field">
            <label htmlFor={`${id}-city`}>City</label>
            <input id={`${id}-city`} value={city} onChange={(e) => setCity(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-in`}>Check-in</label>
            <input id={`${id}-in`} type="date" min={today()} value={checkIn} onChange={(e) => setCheckIn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-out`}>Check-out</label>
            <input id={`${id}-out`} type="date" min={checkIn} value={checkOut} onChange={(e) => setCheckOut(e.target.value)} />
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-guests`}>Guests</label>
            <input id={`${id}-guests`} type="number" min={1} max={9} value={guests} onChange={(e) => setGuests(Number(e.target.value))} />
          </div>
        </div>
        {problem && (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="primary">
          Search hotels
        </button>
      </form>
      {search ? <HotelResults search={search} onFilter={setSearch} /> : <Empty>Choose a city and dates, then search.</Empty>}
    </main>
  );
}

function HotelResults({ search, onFilter }: { search: SearchHotelsInput; onFilter: (s: SearchHotelsInput) => void }) {
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(SearchHotelsQuery, { variables: { input: search } });
  const [holdRoom, hold] = useMutation(HoldRoomMutation);
  if (!data) return loading ? <Loading what="hotels" /> : <Failure what="hotels" error={error ?? { message: 'no answer' }} retry={refetch} />;
  const { edges, facets, totalCount } = data.searchHotels;

  async function onHold(roomTypeId: string) {
    const result = await holdRoom({ variables: { input: { roomTypeId, checkIn: search.checkIn, checkOut: search.checkOut, guests: search.guests ?? 1 } } }).catch(() => null);
    const held = result?.data?.holdRoom.roomHold;
    if (held) void navigate(`/checkout/room/${held.id}`);
  }

  return (
    <section className="results" aria-label="Hotels">
      <div className="facets" role="group" aria-label="Filter by stars">
        <button type="button" aria-pressed={!search.minRating} onClick={() => onFilter({ ...search, minRating: null })}>
          Any rating
        </button>
        {facets.starRatings.map((f) => (
          <button type="button" key={f.stars} aria-pressed={search.minRating === f.stars} onClick={() => onFilter({ ...search, minRating: f.stars })}>
            {f.stars}★+ ({f.count})
          </button>
        ))}
      </div>
      {hold.data && <UserErrors errors={hold.data.holdRoom.errors} />}
      {edges.length === 0 ? (
        <Empty>No hotel has rooms for those dates. Try other dates or another city.</Empty>
      ) : (
        <>
          <p className="muted small" role="status">
            {totalCount} hotels
          </p>
          <ol className="trip-list">
            {edges.map(({ node, offers, lowestNightlyRate }) => (
              <li key={node.id} className="card">
                <div className="trip-head">
                  <strong>{node.name}</strong>
                  <span aria-label={`${node.starRating} stars`}>{'★'.repeat(node.starRating)}</span>
                </div>
                <p className="muted small">
                  {node.city} · from {formatMoney(lowestNightlyRate)} a night
                </p>
                <ul className="offers">
                  {offers.map((o) => (
                    <li key={o.roomType.id}>
                      {o.roomType.name} (up to {o.roomType.capacity}) · {formatMoney(o.nightlyRate)}/night · {formatMoney(o.total)} in all ·{' '}
                      {o.roomsLeft} left{' '}
                      <button type="button" disabled={hold.loading} onClick={() => void onHold(o.roomType.id)} aria-label={`Hold ${o.roomType.name} at ${node.name}`}>
                        Hold
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
