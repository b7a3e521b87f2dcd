import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../gql';
import type { SearchTravelPackagesInput } from '../gql/graphql';
import { formatCalendarDate, formatMoney } from '../format';
import { Empty, Failure, Loading, UserErrors } from '../ui/Status';

const SearchPackagesQuery = graphql(`
  query SearchPackages($input: SearchTravelPackagesInput!) {
    searchTravelPackages(input: $input, first: 20) {
      totalCount
      facets {
        categories {
          category
          count
        }
        durations {
          days
          count
        }
      }
      edges {
        node {
          id
          title
          description
          category
          durationDays
          destinationCity
          destinationCountry
          price {
            amount
            currency
          }
        }
        departures {
          date
          placesLeft
          price {
            amount
            currency
          }
        }
      }
    }
  }
`);

const HoldPackageMutation = graphql(`
  mutation HoldPackage($input: HoldPackageInput!) {
    holdPackage(input: $input) {
      packageHold {
        id
      }
      errors {
        code
        message
      }
    }
  }
`);

/** Full-text package search with category facets; a departure date is held for checkout. */
export function PackageSearchPage() {
  const id = useId();
  const [text, setText] = useState('');
  const [travelers, setTravelers] = useState(1);
  const [search, setSearch] = useState<SearchTravelPackagesInput>({ travelers: 1 });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearch({ ...search, text: text.trim() || null, travelers });
  }

  return (
    <main className="page">
      <form className="card search" onSubmit={onSubmit} noValidate aria-label="Search packages">
        <div className="search-options">
          <div className="field">
            <label htmlFor={`${id}-text`}>Looking for</label>
            <input id={`${id}-text`} placeholder="safari, Lisbon, city break…" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${id}-travelers`}>Travelers</label>
            <input id={`${id}-travelers`} type="number" min={1} max={20} value={travelers} onChange={(e) => setTravelers(Number(e.target.value))} />
          </div>
        </div>
        <button type="submit" className="primary">
          Search packages
        </button>
      </form>
      <PackageResults search={search} onFilter={setSearch} />
    </main>
  );
}

function PackageResults({ search, onFilter }: { search: SearchTravelPackagesInput; onFilter: (s: SearchTravelPackagesInput) => void }) {
  const navigate = useNavigate();
  const { data, error, loading, refetch } = useQuery(SearchPackagesQuery, { variables: { input: search } });
  const [holdPackage, hold] = useMutation(HoldPackageMutation);
  if (!data) return loading ? <Loading what="packages" /> : <Failure what="packages" error={error ?? { message: 'no answer' }} retry={refetch} />;
  const { edges, facets, totalCount } = data.searchTravelPackages;

  async function onHold(packageId: string, date: string) {
    const result = await holdPackage({ variables: { input: { packageId, date, travelers: search.travelers ?? 1 } } }).catch(() => null);
    const held = result?.data?.holdPackage.packageHold;
    if (held) void navigate(`/checkout/package/${held.id}`);
  }

  return (
    <section className="results" aria-label="Packages">
      <div className="facets" role="group" aria-label="Filter by category">
        <button type="button" aria-pressed={!search.category} onClick={() => onFilter({ ...search, category: null })}>
          All
        </button>
        {facets.categories.map((f) => (
          <button type="button" key={f.category} aria-pressed={search.category === f.category} onClick={() => onFilter({ ...search, category: f.category })}>
            {f.category} ({f.count})
          </button>
        ))}
      </div>
      {hold.data && <UserErrors errors={hold.data.holdPackage.errors} />}
      {edges.length === 0 ? (
        <Empty>No package matches. Try fewer words or another category.</Empty>
      ) : (
        <>
          <p className="muted small" role="status">
            {totalCount} packages
          </p>
          <ol className="trip-list">
            {edges.map(({ node, departures }) => (
              <li key={node.id} className="card">
                <div className="trip-head">
                  <strong>{node.title}</strong>
                  <span className="badge">{node.category}</span>
                </div>
                <p className="muted small">
                  {node.destinationCity}, {node.destinationCountry} · {node.durationDays} days · from {formatMoney(node.price)}
                </p>
                <p className="small">{node.description}</p>
                <ul className="offers">
                  {(departures ?? []).slice(0, 4).map((d) => (
                    <li key={d.date}>
                      {formatCalendarDate(d.date)} · {formatMoney(d.price)} · {d.placesLeft} places left{' '}
                      <button type="button" disabled={hold.loading || d.placesLeft === 0} onClick={() => void onHold(node.id, d.date)}>
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
