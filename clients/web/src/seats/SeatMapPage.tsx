import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { Cabin } from '../gql/graphql';
import { formatDate, formatTime } from '../format';
import { CABIN_LABELS } from '../flights/FlightCard';
import { Failure, Loading, UserErrors } from '../ui/Status';
import { SeatGrid } from './SeatGrid';

const SeatMapQuery = graphql(`
  query SeatMap($flightId: ID!, $cabin: Cabin) {
    flight(id: $flightId) {
      id
      flightNumber
      departureAt
      airline {
        code
        name
      }
      origin {
        code
        timeZone
      }
      destination {
        code
      }
      seats(cabin: $cabin) {
        id
        ...SeatGrid_seat
      }
    }
  }
`);

const HoldSeatMutation = graphql(`
  mutation HoldSeat($input: HoldSeatInput!) {
    holdSeat(input: $input) {
      hold {
        id
        expiresAt
      }
      errors {
        code
        message
      }
    }
  }
`);

function isCabin(value: string | null): value is Cabin {
  return value !== null && value in CABIN_LABELS;
}

/** The seat map of one cabin: pick a free seat (or let the airline choose) and hold it for 15 minutes. */
export function SeatMapPage() {
  const { flightId = '' } = useParams();
  const [params] = useSearchParams();
  const requested = params.get('cabin');
  const cabin: Cabin = isCabin(requested) ? requested : 'ECONOMY';
  const navigate = useNavigate();
  const [seatId, setSeatId] = useState<string | null>(null);
  const { data, error, loading, refetch } = useQuery(SeatMapQuery, { variables: { flightId, cabin }, fetchPolicy: 'cache-and-network' });
  const [holdSeat, hold] = useMutation(HoldSeatMutation);

  if (!data && loading) return <main className="page"><Loading what="the seat map" /></main>;
  if (!data) return <main className="page"><Failure what="the seat map" error={error ?? { message: 'no answer' }} retry={refetch} /></main>;
  const flight = data.flight;
  if (!flight) return <main className="page"><Failure what="the flight" error={{ message: 'this flight does not exist' }} /></main>;

  async function onHold() {
    const input = seatId ? { flightId, seatId } : { flightId, cabin };
    const result = await holdSeat({ variables: { input } }).catch(() => null);
    const payload = result?.data?.holdSeat;
    if (payload?.hold && payload.errors.length === 0) void navigate(`/checkout/seat/${payload.hold.id}`);
    // Someone else took the seat meanwhile: show the map as it is now.
    else void refetch();
  }

  return (
    <main className="page">
      <section className="card">
        <h1>
          {flight.flightNumber}: {flight.origin.code} → {flight.destination.code}
        </h1>
        <p className="muted">
          {formatDate(flight.departureAt, flight.origin.timeZone)} at {formatTime(flight.departureAt, flight.origin.timeZone)} ·{' '}
          {CABIN_LABELS[cabin]}
        </p>
        <SeatGrid seats={flight.seats} selected={seatId} onSelect={setSeatId} />
        {hold.data && <UserErrors errors={hold.data.holdSeat.errors} />}
        {hold.error && <p className="notice notice-error" role="alert">Could not hold the seat: {hold.error.message}</p>}
        <button type="button" className="primary" onClick={() => void onHold()} disabled={hold.loading}>
          {hold.loading ? 'Holding…' : seatId ? 'Hold this seat for 15 minutes' : 'Hold any seat for 15 minutes'}
        </button>
      </section>
    </main>
  );
}
