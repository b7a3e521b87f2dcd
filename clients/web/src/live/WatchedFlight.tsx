import { useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { CABIN_LABELS } from '../flights/FlightCard';
import { formatTime } from '../format';

export const WatchedFlight_flight = graphql(`
  fragment WatchedFlight_flight on Flight {
    id
    flightNumber
    departureAt
    airline {
      code
    }
    origin {
      code
      timeZone
    }
    destination {
      code
    }
  }
`);

const AvailabilitySubscription = graphql(`
  subscription LiveFlightAvailability($flightId: ID!) {
    flightAvailabilityChanged(flightId: $flightId) {
      flightId
      cabins {
        cabin
        seatsLeft
      }
    }
  }
`);

/** How long a changed row stays highlighted. */
const FLASH_MS = 2000;

/** One flight on the live board: seats left per cabin as the router pushes them, highlighted when they change. */
export function WatchedFlight(props: { flight: FragmentType<typeof WatchedFlight_flight> }) {
  const flight = getFragmentData(WatchedFlight_flight, props.flight);
  const { data, error } = useSubscription(AvailabilitySubscription, { variables: { flightId: flight.id } });
  const [updates, setUpdates] = useState(0);
  const [flash, setFlash] = useState(false);
  const cabins = data?.flightAvailabilityChanged.cabins;

  useEffect(() => {
    if (!cabins) return;
    setUpdates((n) => n + 1);
    setFlash(true);
    const timer = setTimeout(() => setFlash(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [cabins]);

  return (
    <tr className={flash && updates > 1 ? 'flash' : undefined} aria-label={flight.flightNumber}>
      <td>
        {flight.flightNumber}
      </td>
      <td>
        {flight.origin.code} → {flight.destination.code} {formatTime(flight.departureAt, flight.origin.timeZone)}
      </td>
      <td>
        {error ? (
          <span className="error-text">live updates stopped: {error.message}</span>
        ) : cabins ? (
          cabins.map((c) => (
            <span key={c.cabin} className="seats-left" data-cabin={c.cabin}>
              {CABIN_LABELS[c.cabin]}: <strong>{c.seatsLeft}</strong>
            </span>
          ))
        ) : (
          <span className="muted">connecting…</span>
        )}
      </td>
    </tr>
  );
}
