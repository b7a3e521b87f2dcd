import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { formatMoney } from '../format';
import { Empty, Failure, Loading, UserErrors } from '../ui/Status';

const PaymentsQuery = graphql(`
  query Payments {
    financeSummary {
      capturedPayments
      reconciledPayments
      reconciliationRate
      flaggedTransactions
      activeCards
      volume {
        captured {
          amount
          currency
        }
        refunded {
          amount
          currency
        }
        net {
          amount
          currency
        }
      }
    }
    payments(first: 20) {
      totalCount
      nodes {
        id
        status
        createdAt
        paymentMethod
        sandbox
        amount {
          amount
          currency
        }
        refundedAmount {
          amount
          currency
        }
        booking {
          id
          traveler {
            name
          }
        }
      }
    }
    reconciliationFlags(first: 20) {
      edges {
        node {
          id
          kind
          detail
          createdAt
          amount {
            amount
            currency
          }
          booking {
            id
          }
        }
      }
    }
  }
`);

const ResolveFlagMutation = graphql(`
  mutation ResolveFlag($input: ResolveReconciliationFlagInput!) {
    resolveReconciliationFlag(input: $input) {
      flag {
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

function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** Finance: payment volume and reconciliation, recent payments, open reconciliation flags to resolve. */
export function PaymentsPage() {
  const { data, error, loading, refetch } = useQuery(PaymentsQuery, { fetchPolicy: 'cache-and-network' });
  const [resolve, resolved] = useMutation(ResolveFlagMutation);
  const [notes, setNotes] = useState<Record<string, string>>({});

  if (!data) return <main className="page">{loading ? <Loading what="payments" /> : <Failure what="payments" error={error ?? { message: 'no answer' }} retry={refetch} />}</main>;
  const summary = data.financeSummary;
  const flags = data.reconciliationFlags.edges.map((e) => e.node);

  return (
    <main className="page">
      <h1>Payments</h1>
      <section className="kpis card" aria-label="Finance summary">
        <span className="kpi">
          <strong>{summary.capturedPayments}</strong> captured
        </span>
        <span className="kpi">
          <strong>{percent(summary.reconciliationRate)}</strong> reconciled
        </span>
        <span className="kpi">
          <strong>{summary.flaggedTransactions}</strong> flagged
        </span>
        <span className="kpi">
          <strong>{summary.activeCards}</strong> active virtual cards
        </span>
        {summary.volume.map((v) => (
          <span className="kpi" key={v.net.currency}>
            <strong>{formatMoney(v.net)}</strong> net ({formatMoney(v.captured)} captured, {formatMoney(v.refunded)} refunded)
          </span>
        ))}
      </section>

      <section className="card" aria-label="Recent payments">
        <h2>Recent payments ({data.payments.totalCount})</h2>
        {data.payments.nodes.length === 0 ? (
          <Empty>No payments yet.</Empty>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>When</th>
                  <th>Traveler</th>
                  <th>Amount</th>
                  <th>Refunded</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {data.payments.nodes.map((p) => (
                  <tr key={p.id}>
                    <td>{new Date(p.createdAt).toLocaleString()}</td>
                    <td>
                      <Link to={`/trips/${p.booking.id}`}>{p.booking.traveler.name}</Link>
                    </td>
                    <td>{formatMoney(p.amount)}</td>
                    <td>{p.refundedAmount.amount > 0 ? formatMoney(p.refundedAmount) : '—'}</td>
                    <td>
                      {p.status.toLowerCase()}
                      {p.sandbox ? ' (sandbox)' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-label="Reconciliation flags">
        <h2>Open reconciliation flags</h2>
        {resolved.data && <UserErrors errors={resolved.data.resolveReconciliationFlag.errors} />}
        {flags.length === 0 ? (
          <Empty>Every payment matches its booking.</Empty>
        ) : (
          <ul className="flags">
            {flags.map((f) => (
              <li key={f.id}>
                <strong>{f.kind.toLowerCase().replaceAll('_', ' ')}</strong> · {formatMoney(f.amount)} · {f.detail}
                <input aria-label="Resolution note" placeholder="Why this is fine" value={notes[f.id] ?? ''} onChange={(e) => setNotes({ ...notes, [f.id]: e.target.value })} />
                <button
                  type="button"
                  disabled={!notes[f.id]?.trim() || resolved.loading}
                  onClick={() => void resolve({ variables: { input: { flagId: f.id, note: notes[f.id]!.trim() } } }).then(() => refetch())}
                >
                  Resolve
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
