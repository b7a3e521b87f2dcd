import { getFragmentData, graphql, type FragmentType } from '../gql';
import { formatMoney } from '../format';

export const SeatGrid_seat = graphql(`
  fragment SeatGrid_seat on Seat {
    id
    seatNumber
    available
    position
    exitRow
    extraLegroom
    price {
      amount
      currency
    }
  }
`);

interface Props {
  seats: readonly FragmentType<typeof SeatGrid_seat>[];
  selected: string | null;
  onSelect: (seatId: string | null) => void;
}

/** "12A" → row 12, letter A. */
function split(seatNumber: string): { row: number; letter: string } {
  const match = /^(\d+)([A-Z]+)$/.exec(seatNumber);
  return match ? { row: Number(match[1]), letter: match[2]! } : { row: 0, letter: seatNumber };
}

/** Seats drawn row by row; taken seats are disabled, exit rows and extra legroom marked. */
export function SeatGrid(props: Props) {
  const seats = props.seats.map((s) => getFragmentData(SeatGrid_seat, s));
  if (seats.length === 0) return <p className="empty">This cabin has no seats.</p>;
  const rows = new Map<number, typeof seats>();
  for (const seat of seats) {
    const { row } = split(seat.seatNumber);
    rows.set(row, [...(rows.get(row) ?? []), seat]);
  }
  const free = seats.filter((s) => s.available).length;

  return (
    <div className="seat-map">
      <p className="muted small" role="status">
        {free} of {seats.length} seats free · <span className="seat-key seat-legroom">extra legroom</span>{' '}
        <span className="seat-key seat-exit">exit row</span>
      </p>
      <div className="seat-rows" role="group" aria-label="Seats">
        {[...rows.entries()]
          .sort(([a], [b]) => a - b)
          .map(([row, rowSeats]) => (
            <div className="seat-row" key={row}>
              <span className="seat-row-number small muted">{row}</span>
              {rowSeats
                .sort((a, b) => split(a.seatNumber).letter.localeCompare(split(b.seatNumber).letter))
                .map((seat) => {
                  const classes = ['seat', seat.extraLegroom ? 'seat-legroom' : '', seat.exitRow ? 'seat-exit' : '', seat.id === props.selected ? 'seat-selected' : '']
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <button
                      type="button"
                      key={seat.id}
                      className={classes}
                      disabled={!seat.available}
                      aria-pressed={seat.id === props.selected}
                      aria-label={`Seat ${seat.seatNumber}, ${seat.position.toLowerCase()}, ${formatMoney(seat.price)}${seat.available ? '' : ', taken'}`}
                      title={`${seat.seatNumber} · ${formatMoney(seat.price)}`}
                      onClick={() => props.onSelect(seat.id === props.selected ? null : seat.id)}
                    >
                      {split(seat.seatNumber).letter}
                    </button>
                  );
                })}
            </div>
          ))}
      </div>
    </div>
  );
}
