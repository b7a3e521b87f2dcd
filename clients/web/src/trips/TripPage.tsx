import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { formatMoney } from '../format';
import { Failure, Loading, UserErrors } from '../ui/Status';
import { StatusBadge } from '../ui/StatusBadge';
import { DisruptionBanner } from '../disruptions/DisruptionBanner';

const TripQuery = graphql(`
  query Trip($id: ID!) {
    booking(id: $id) {
      id
      status
      tripPurpose
      total {
        amount
        currency
      }
      traveler {
        id
        name
      }
      policyEvaluation {
        result
      }
      payment {
        id
        status
        paymentMethod
      }
      segments {
        id
        kind
        description
        origin
        destination
        startsAt
        seat {
          seatNumber
        }
        price {
          amount
          currency
        }
      }
      disruptions {
        id
        state
        ...DisruptionBanner_disruption
      }
      approval {
        id
        status
        steps {
          position
          kind
          status
          comment
          approver {
            id
            name
          }
        }
      }
      history {
        at
        fromStatus
        toStatus
        reason
      }
    }
  }
`);

const QuoteMutation = graphql(`
  mutation TripQuoteCancellation($input: QuoteCancellationInput!) {
    quoteCancellation(input: $input) {
      quote {
        id
        expiresAt
        refund {
          amount
          currency
        }
      }
      errors {
        code
        message
      }
    }
  }
`);

const CancelMutation = graphql(`
  mutation TripCancel($input: CancelBookingInput!) {
    cancelBooking(input: $input) {
      booking {
        id
        status
      }
      errors {
        code
        message
      }
    }
  }
`);

/** Statuses from which a trip may still be canceled. */
const CANCELABLE = new Set(['DRAFT', 'PENDING_APPROVAL', 'PAYMENT_PENDING', 'CONFIRMED', 'TICKETED', 'REQUIRES_ATTENTION']);

/** One trip: segments, payment, policy result, its history, and cancellation as quote then confirm. */
export function TripPage() {
  const { bookingId = '' } = useParams();
  // Payment settles asynchronously after confirm: keep looking until the status moves on.
  const { data, error, loading, refetch } = useQuery(TripQuery, { variables: { id: bookingId }, pollInterval: 3000 });
  const [quote, quoted] = useMutation(QuoteMutation);
  const [cancel, canceled] = useMutation(CancelMutation);
  const [cancelKey] = useState(() => crypto.randomUUID());

  if (!data && loading) return <main className="page"><Loading what="the trip" /></main>;
  if (!data) return <main className="page"><Failure what="the trip" error={error ?? { message: 'no answer' }} retry={refetch} /></main>;
  const booking = data.booking;
  if (!booking) return <main className="page"><Failure what="the trip" error={{ message: 'it does not exist or is not visible to you' }} /></main>;
  const currentQuote = quoted.data?.quoteCancellation.quote;

  return (
    <main className="page">
      <p>
        <Link to="/trips">← All trips</Link>
      </p>
      <section className="card" aria-label="Trip">
        <div className="trip-head">
          <h1>{booking.tripPurpose ?? 'Trip'}</h1>
          <StatusBadge status={booking.status} />
        </div>
        <p className="muted">
          {booking.traveler.name} · {formatMoney(booking.total)}
          {booking.policyEvaluation ? ` · policy: ${booking.policyEvaluation.result.toLowerCase().replace('_', ' ')}` : ''}
          {booking.payment ? ` · payment ${booking.payment.status.toLowerCase()}` : ''}
        </p>
        <ul className="segments">
          {booking.segments.map((s) => (
            <li key={s.id}>
              <strong>{s.kind.toLowerCase()}</strong> {s.description ?? `${s.origin ?? ''} → ${s.destination ?? ''}`}
              {s.seat && !s.description ? ` · seat ${s.seat.seatNumber}` : ''} · {formatMoney(s.price)}
            </li>
          ))}
        </ul>
      </section>

      {booking.disruptions
        .filter((d) => d.state === 'OPEN')
        .map((d) => (
          <DisruptionBanner key={d.id} disruption={d} onRebooked={refetch} />
        ))}

      {booking.approval && (
        <section className="card" aria-label="Approval">
          <h2>Approval: {booking.approval.status.toLowerCase()}</h2>
          <ol className="history">
            {booking.approval.steps.map((step) => (
              <li key={step.position}>
                {step.kind.toLowerCase().replace('_', ' ')} · {step.approver.name} · <strong>{step.status.toLowerCase()}</strong>
                {step.comment ? ` (“${step.comment}”)` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}

      {CANCELABLE.has(booking.status) && (
        <section className="card" aria-label="Cancel">
          <h2>Cancel this trip</h2>
          {quoted.data && <UserErrors errors={quoted.data.quoteCancellation.errors} />}
          {canceled.data && <UserErrors errors={canceled.data.cancelBooking.errors} />}
          {currentQuote ? (
            <>
              <p>
                Refund if you cancel now: <strong>{formatMoney(currentQuote.refund)}</strong> (quote valid until{' '}
                {new Date(currentQuote.expiresAt).toLocaleTimeString()}).
              </p>
              <button
                type="button"
                className="primary"
                disabled={canceled.loading}
                onClick={() => void cancel({ variables: { input: { quoteId: currentQuote.id, idempotencyKey: cancelKey } } }).then(() => refetch())}
              >
                Cancel with this refund
              </button>
            </>
          ) : (
            <button type="button" disabled={quoted.loading} onClick={() => void quote({ variables: { input: { bookingId } } })}>
              {quoted.loading ? 'Pricing…' : 'What would I get back?'}
            </button>
          )}
        </section>
      )}

      <section className="card" aria-label="History">
        <h2>History</h2>
        <ol className="history">
          {booking.history.map((h) => (
            <li key={`${h.at}-${h.toStatus}`}>
              <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time>: {h.fromStatus ? `${h.fromStatus.toLowerCase()} → ` : ''}
              {h.toStatus.toLowerCase()}
              {h.reason ? ` (${h.reason})` : ''}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
