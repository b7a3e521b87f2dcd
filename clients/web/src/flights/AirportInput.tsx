import { skipToken, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { graphql } from '../gql';

const AirportsQuery = graphql(`
  query Airports($search: String, $first: Int) {
    airports(search: $search, first: $first) {
      code
      name
      city
    }
  }
`);

const SUGGESTIONS = 8;
const DEBOUNCE_MS = 200;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface Props {
  label: string;
  /** The chosen IATA code ('' until one is chosen or typed). */
  value: string;
  onChange(code: string): void;
}

/**
 * IATA code field with suggestions from `airports(search:)`: type a code, a
 * city or an airport name, then pick with the mouse or the arrow keys and Enter.
 * Three letters typed by hand count as a code without picking.
 */
export function AirportInput({ label, value, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDebounced(text.trim(), DEBOUNCE_MS);

  const { data, loading, error } = useQuery(AirportsQuery, open && search ? { variables: { search, first: SUGGESTIONS } } : skipToken);
  const airports = data?.airports ?? [];

  function choose(code: string) {
    setText(code);
    onChange(code);
    setOpen(false);
    setActive(-1);
  }

  function onInput(next: string) {
    setText(next);
    setOpen(true);
    setActive(-1);
    const upper = next.trim().toUpperCase();
    onChange(/^[A-Z]{3}$/.test(upper) ? upper : '');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && airports.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % airports.length);
    } else if (event.key === 'ArrowUp' && airports.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? airports.length - 1 : i - 1));
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      const airport = airports[active];
      if (airport) choose(airport.code);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const showList = open && search.length > 0;
  const listId = `${id}-list`;
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={showList}
        aria-controls={showList ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="City or code"
        value={text}
        onChange={(e) => onInput(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {showList && (
        <ul id={listId} role="listbox" className="suggestions">
          {loading && airports.length === 0 && <li className="muted suggestion-status">Searching…</li>}
          {error && <li className="suggestion-status error-text">Could not load airports</li>}
          {!loading && !error && airports.length === 0 && <li className="muted suggestion-status">No airport matches “{search}”</li>}
          {airports.map((airport, index) => (
            <li
              key={airport.code}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'suggestion active' : 'suggestion'}
              // mousedown, not click: it fires before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(airport.code);
              }}
            >
              <span className="code">{airport.code}</span>
              <span>
                {airport.city} <span className="muted">· {airport.name}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
