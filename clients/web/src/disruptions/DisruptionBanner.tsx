import { useMutation } from '@apollo/client/react';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { CABIN_LABELS } from '../flights/FlightCard';
import { formatMoney } from '../format';
import { UserErrors } from '../ui/Status';

export const DisruptionBanner_disruption = graphql(`
  fragment DisruptionBanner_disruption on Disruption {
    id
    kind
    severity
    state
    flightNumber
    delayMinutes
    gate
    reason
    suggestions {
      id
      rank
      flightNumber
      cabin
      departAt
      arriveAt
      stops
      seatsLeft
      fare {
        amount
        currency
      }
      fareDifference {
        amount
        currency
      }
      flight {
        id
      }
    }
  }
`);

const HoldForRebookingMutation = graphql(`
  mutation HoldForRebooking($input: HoldSeatInput!) {
    holdSeat(input: $input) {
      hold {
        id
      }
      errors {
        code
        message
      }
    }
  }
`);

const AcceptRebookingMutation = graphql(`
  mutation AcceptRebooking($input: AcceptRebookingInput!) {
    acceptRebooking(input: $input) {
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

const WHAT: Record<string, string> = {
  CANCELED: 'was canceled',
  DIVERTED: 'was diverted',
  DELAYED: 'is delayed',
  GATE_CHANGED: 'changed gate',
};

/** An open disruption of a trip: what happened, and the alternatives to rebook onto (hold, then swap atomically). */
export function DisruptionBanner(props: { disruption: FragmentType<typeof DisruptionBanner_disruption>; onRebooked: () => unknown }) {
  const d = getFragmentData(DisruptionBanner_disruption, props.disruption);
  const [hold, held] = useMutation(HoldForRebookingMutation);
  const [accept, accepted] = useMutation(AcceptRebookingMutation);
  const busy = held.loading || accepted.loading;

  async function rebook(suggestion: (typeof d.suggestions)[number]) {
    const result = await hold({ variables: { input: { flightId: suggestion.flight.id, cabin: suggestion.cabin } } }).catch(() => null);
    const newHold = result?.data?.holdSeat.hold;
    if (!newHold) return;
    const done = await accept({ variables: { input: { disruptionId: d.id, suggestionId: suggestion.id, newHoldId: newHold.id } } }).catch(() => null);
    if (done?.data?.acceptRebooking.errors.length === 0) await props.onRebooked();
  }

  const detail = [d.delayMinutes ? `${d.delayMinutes} min` : null, d.gate ? `gate ${d.gate}` : null, d.reason].filter(Boolean).join(' · ');
  return (
    <section className={`card disruption severity-${d.severity.toLowerCase()}`} role="alert" aria-label="Disruption">
      <h2>
        Flight {d.flightNumber} {WHAT[d.kind] ?? d.kind.toLowerCase()}
      </h2>
      <p className="small">
        Severity {d.severity.toLowerCase()}
        {detail ? ` · ${detail}` : ''}
      </p>
      <UserErrors errors={[...(held.data?.holdSeat.errors ?? []), ...(accepted.data?.acceptRebooking.errors ?? [])]} />
      {d.suggestions.length > 0 && (
        <ol className="offers" aria-label="Rebooking options">
          {d.suggestions.map((s) => (
            <li key={s.id}>
              {s.flightNumber} · {new Date(s.departAt).toLocaleString()} → {new Date(s.arriveAt).toLocaleTimeString()} · {CABIN_LABELS[s.cabin]} ·{' '}
              {s.stops === 0 ? 'nonstop' : `${s.stops} stops`} · {formatMoney(s.fare)}
              {s.fareDifference.amount > 0 ? ` (+${formatMoney(s.fareDifference)})` : ''} · {s.seatsLeft} left{' '}
              <button type="button" disabled={busy} onClick={() => void rebook(s)}>
                Rebook onto {s.flightNumber}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
