import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../gql';
import { formatCalendarDate, formatDate, formatMoney, formatTime } from '../format';
import type { ResultOf } from '@graphql-typed-document-node/core';
import type { HoldStatus } from '../gql/graphql';
import { Failure, Loading, UserErrors } from '../ui/Status';
import { HoldCountdown } from './HoldCountdown';
import { EMPTY_TRAVELER, toTravelerDetails, TravelerForm, type TravelerFields } from './TravelerForm';

const CheckoutHoldQuery = graphql(`
  query CheckoutHold($holdId: ID!, $seat: Boolean!, $room: Boolean!, $package: Boolean!) {
    hold(id: $holdId) @include(if: $seat) {
      id
      status
      expiresAt
      price {
        amount
        currency
      }
      seat {
        id
        seatNumber
      }
      flight {
        id
        flightNumber
        departureAt
        origin {
          code
          timeZone
        }
        destination {
          code
        }
      }
    }
    roomHold(id: $holdId) @include(if: $room) {
      id
      status
      expiresAt
      checkIn
      checkOut
      rooms
      price {
        amount
        currency
      }
      roomType {
        name
      }
      hotel {
        id
        name
        city
      }
    }
    packageHold(id: $holdId) @include(if: $package) {
      id
      status
      expiresAt
      date
      travelers
      price {
        amount
        currency
      }
      travelPackage {
        id
        title
      }
    }
  }
`);

/** The three kinds of hold a checkout can turn into a booking. */
export type HoldKind = 'seat' | 'room' | 'package';

const CreateDraftMutation = graphql(`
  mutation CheckoutCreateDraft($input: CreateBookingDraftInput!) {
    createBookingDraft(input: $input) {
      booking {
        id
        status
      }
      errors {
        code
        message
        field
      }
    }
  }
`);

const EvaluateMutation = graphql(`
  mutation CheckoutEvaluatePolicy($input: EvaluateBookingPolicyInput!) {
    evaluateBookingPolicy(input: $input) {
      evaluation {
        id
        result
        outcomes {
          ruleId
          triggered
          message
        }
      }
      errors {
        code
        message
        field
      }
    }
  }
`);

const ConfirmMutation = graphql(`
  mutation CheckoutConfirm($input: ConfirmBookingInput!) {
    confirmBooking(input: $input) {
      booking {
        id
        status
      }
      errors {
        code
        message
        field
      }
    }
  }
`);

/** Stripe test-mode payment methods the sandbox understands (see the payment subgraph's sandbox gateway). */
const SANDBOX_CARDS = [
  { value: 'pm_card_visa', label: 'Visa •••• 4242 (approves)' },
  { value: 'pm_card_mastercard', label: 'Mastercard •••• 4444 (approves)' },
  { value: 'pm_card_chargeDeclined', label: 'Visa •••• 0002 (declined)' },
];

/** A server field path ("travelerDetails.passport.number") → the form field it belongs to. */
const FIELD_OF_PATH: Record<string, keyof TravelerFields> = {
  givenNames: 'givenNames',
  surname: 'surname',
  dateOfBirth: 'dateOfBirth',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'passport.number': 'passportNumber',
  'passport.issuingCountry': 'passportCountry',
  'passport.expiresOn': 'passportExpiresOn',
  'emergencyContact.name': 'emergencyName',
  'emergencyContact.phone': 'emergencyPhone',
};

function formField(path: string | null | undefined): keyof TravelerFields | undefined {
  const inside = path?.split('travelerDetails.')[1];
  return inside ? FIELD_OF_PATH[inside] : undefined;
}

/** Checkout of one held seat: the countdown, the traveler's details, a sandbox card; then the trip. */
export function CheckoutPage() {
  const id = useId();
  const { holdId = '', kind: kindParam } = useParams();
  const kind: HoldKind = kindParam === 'room' || kindParam === 'package' ? kindParam : 'seat';
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(CheckoutHoldQuery, {
    variables: { holdId, seat: kind === 'seat', room: kind === 'room', package: kind === 'package' },
  });
  const [traveler, setTraveler] = useState<TravelerFields>(EMPTY_TRAVELER);
  const [card, setCard] = useState(SANDBOX_CARDS[0]!.value);
  const [purpose, setPurpose] = useState('');
  const [approvalReason, setApprovalReason] = useState('');
  // One key per step of this checkout: a retried click cannot draft or pay twice.
  const [keys] = useState(() => ({ draft: crypto.randomUUID(), confirm: crypto.randomUUID() }));
  const [createDraft, draft] = useMutation(CreateDraftMutation);
  const [evaluate, evaluated] = useMutation(EvaluateMutation);
  const [confirm, confirmed] = useMutation(ConfirmMutation);

  if (!data && loading) return <main className="page"><Loading what="your hold" /></main>;
  if (!data) return <main className="page"><Failure what="your hold" error={error ?? { message: 'no answer' }} retry={refetch} /></main>;
  const hold = held(data);
  if (!hold) return <main className="page"><Failure what="your hold" error={{ message: 'it does not exist or is not yours' }} /></main>;

  const errors = [
    ...(draft.data?.createBookingDraft.errors ?? []),
    ...(evaluated.data?.evaluateBookingPolicy.errors ?? []),
    ...(confirmed.data?.confirmBooking.errors ?? []),
  ];
  const evaluation = evaluated.data?.evaluateBookingPolicy.evaluation;
  const policyMessages = evaluation?.outcomes.filter((o) => o.triggered).map((o) => o.message) ?? [];
  const fieldErrors: Partial<Record<string, string>> = {};
  const formErrors = errors.filter((e) => {
    const field = formField(e.field);
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    return !field;
  });
  const busy = draft.loading || evaluated.loading || confirmed.loading;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const drafted = await createDraft({
      variables: { input: { holdIds: [holdId], travelerDetails: toTravelerDetails(traveler), tripPurpose: purpose.trim() || null, idempotencyKey: keys.draft } },
    }).catch(() => null);
    const booking = drafted?.data?.createBookingDraft.booking;
    if (!booking) return;
    // Booking confirms only a draft judged against the organization's travel policy.
    const judged = await evaluate({ variables: { input: { bookingId: booking.id } } }).catch(() => null);
    const result = judged?.data?.evaluateBookingPolicy.evaluation?.result;
    if (!result || result === 'HARD_STOP') return;
    // A soft warning needs the traveler's reason for the approvers; the form asks for it once the warning is known.
    if (result === 'SOFT_WARNING' && !approvalReason.trim()) return;
    const confirmation = await confirm({ variables: {
        input: {
          bookingId: booking.id,
          paymentMethod: card,
          idempotencyKey: keys.confirm,
          approvalReason: result === 'SOFT_WARNING' ? approvalReason.trim() : null,
        },
      } }).catch(
      () => null,
    );
    if (confirmation?.data?.confirmBooking.errors.length === 0) void navigate(`/trips/${booking.id}`);
  }

  return (
    <main className="page">
      <form className="card checkout" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Checkout">
        <h1>Checkout</h1>
        <p>
          {hold.summary} · <strong>{formatMoney(hold.price)}</strong>
        </p>
        {hold.status === 'ACTIVE' ? (
          <HoldCountdown expiresAt={hold.expiresAt} />
        ) : (
          <p className="notice notice-error" role="alert">
            This hold is {hold.status.toLowerCase()}. <Link to={hold.againAt}>Hold again</Link>.
          </p>
        )}

        <TravelerForm value={traveler} onChange={setTraveler} errors={fieldErrors} />

        <div className="field">
          <label htmlFor={`${id}-purpose`}>Trip purpose</label>
          <input id={`${id}-purpose`} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-card`}>Card (sandbox: no real money moves)</label>
          <select id={`${id}-card`} value={card} onChange={(e) => setCard(e.target.value)}>
            {SANDBOX_CARDS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>

        <UserErrors errors={formErrors} />
        {evaluation && evaluation.result !== 'COMPLIANT' && (
          <div className={evaluation.result === 'HARD_STOP' ? 'notice notice-error' : 'notice'} role="alert">
            <p>{evaluation.result === 'HARD_STOP' ? 'Your travel policy does not allow this trip:' : 'Outside your travel policy; it needs approval:'}</p>
            <ul>
              {policyMessages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {evaluation?.result === 'SOFT_WARNING' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why this trip is needed (for your approvers)</label>
            <input id={`${id}-reason`} value={approvalReason} onChange={(e) => setApprovalReason(e.target.value)} aria-invalid={!approvalReason.trim() || undefined} />
          </div>
        )}
        {(draft.error ?? evaluated.error ?? confirmed.error) && (
          <p className="notice notice-error" role="alert">
            Could not book: {(draft.error ?? evaluated.error ?? confirmed.error)?.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || hold.status !== 'ACTIVE'}>
          {busy ? 'Booking…' : evaluation?.result === 'SOFT_WARNING' ? 'Send for approval' : `Book and pay ${formatMoney(hold.price)}`}
        </button>
      </form>
    </main>
  );
}

/** What the checkout shows of any kind of hold: one line, its price and state, and where to hold again. */
function held(data: ResultOf<typeof CheckoutHoldQuery>): { summary: string; price: { amount: number; currency: string }; status: HoldStatus; expiresAt: string; againAt: string } | null {
  if (data.hold) {
    const { flight, seat } = data.hold;
    const when = `${formatDate(flight.departureAt, flight.origin.timeZone)} ${formatTime(flight.departureAt, flight.origin.timeZone)}`;
    return { ...data.hold, summary: `${flight.flightNumber}, ${flight.origin.code} → ${flight.destination.code}, ${when} · seat ${seat.seatNumber}`, againAt: `/flights/${flight.id}/seats` };
  }
  if (data.roomHold) {
    const h = data.roomHold;
    const rooms = h.rooms === 1 ? '1 room' : `${h.rooms} rooms`;
    return { ...h, summary: `${h.hotel.name}, ${h.hotel.city} · ${h.roomType.name}, ${rooms} · ${formatCalendarDate(h.checkIn)} to ${formatCalendarDate(h.checkOut)}`, againAt: '/hotels' };
  }
  if (data.packageHold) {
    const h = data.packageHold;
    return { ...h, summary: `${h.travelPackage.title} · ${formatCalendarDate(h.date)} · ${h.travelers} ${h.travelers === 1 ? 'traveler' : 'travelers'}`, againAt: '/packages' };
  }
  return null;
}
