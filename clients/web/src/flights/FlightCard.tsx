import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import type { Cabin } from '../gql/graphql';
import { dayOffset, formatDate, formatDuration, formatMoney, formatTime, formatZone } from '../format';

export const FlightCard_flight = graphql(`
  fragment FlightCard_flight on Flight {
    id
    flightNumber
    airline {
      code
      name
    }
    origin {
      code
      city
      timeZone
    }
    destination {
      code
      city
      timeZone
    }
    departureAt
    arrivalAt
    durationMinutes
    stops
    cabins {
      cabin
      seatsLeft
      lowestFare {
        amount
        currency
      }
    }
  }
`);

export const CABIN_LABELS: Record<Cabin, string> = {
  ECONOMY: 'Economy',
  PREMIUM_ECONOMY: 'Premium economy',
  BUSINESS: 'Business',
  FIRST: 'First',
};

const FEW_SEATS = 5;

interface Props {
  flight: FragmentType<typeof FlightCard_flight>;
  /** The cabin searched for; its fare is shown first and highlighted. */
  cabin: Cabin;
  /** Shown in the card's head: how the caller's travel policy judges the offer. */
  badge?: ReactNode;
}

/** One flight: times in each airport's own zone, duration, stops, fares per cabin. */
export function FlightCard(props: Props) {
  const flight = getFragmentData(FlightCard_flight, props.flight);
  const { origin, destination } = flight;
  const plusDays = dayOffset(flight.departureAt, origin.timeZone, flight.arrivalAt, destination.timeZone);
  const cabins = [...flight.cabins].sort((a, b) => Number(b.cabin === props.cabin) - Number(a.cabin === props.cabin));

  return (
    <article className="card flight" aria-label={`${flight.airline.name} ${flight.flightNumber}, ${origin.code} to ${destination.code}`}>
      <div className="flight-head">
        <span className="airline">
          <span className="code">{flight.airline.code}</span> {flight.airline.name}
        </span>
        <span className="muted">{flight.flightNumber}</span>
        {props.badge}
      </div>

      <div className="route">
        <div className="end">
          <time dateTime={flight.departureAt} className="time" title={formatZone(flight.departureAt, origin.timeZone)}>
            {formatTime(flight.departureAt, origin.timeZone)}
          </time>
          <span className="place">
            <span className="code">{origin.code}</span> {origin.city}
          </span>
          <span className="muted small">{formatDate(flight.departureAt, origin.timeZone)}</span>
        </div>

        <div className="leg" aria-hidden="true">
          <span className="small muted">{formatDuration(flight.durationMinutes)}</span>
          <span className="line" />
          <span className="small muted">{flight.stops === 0 ? 'Nonstop' : flight.stops === 1 ? '1 stop' : `${flight.stops} stops`}</span>
        </div>
        <span className="visually-hidden">
          {formatDuration(flight.durationMinutes)}, {flight.stops === 0 ? 'nonstop' : `${flight.stops} stops`}
        </span>

        <div className="end end-arrive">
          <time dateTime={flight.arrivalAt} className="time" title={formatZone(flight.arrivalAt, destination.timeZone)}>
            {formatTime(flight.arrivalAt, destination.timeZone)}
            {plusDays !== 0 && (
              <sup className="plus-days" title="Arrives on a different local day">
                {plusDays > 0 ? `+${plusDays}` : plusDays}
              </sup>
            )}
          </time>
          <span className="place">
            <span className="code">{destination.code}</span> {destination.city}
          </span>
          <span className="muted small">{formatDate(flight.arrivalAt, destination.timeZone)}</span>
        </div>
      </div>

      <ul className="fares">
        {cabins.map((c) => (
          <li key={c.cabin} className={c.cabin === props.cabin ? 'fare selected' : 'fare'}>
            <span>{CABIN_LABELS[c.cabin]}</span>
            <span className="price">{c.lowestFare && c.seatsLeft > 0 ? formatMoney(c.lowestFare) : 'Sold out'}</span>
            {c.seatsLeft > 0 && c.seatsLeft <= FEW_SEATS && <span className="small warn">{c.seatsLeft} left</span>}
            {c.seatsLeft > 0 && (
              <Link className="small" to={`/flights/${flight.id}/seats?cabin=${c.cabin}`} aria-label={`Choose a ${CABIN_LABELS[c.cabin]} seat on ${flight.flightNumber}`}>
                Choose seat
              </Link>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}
