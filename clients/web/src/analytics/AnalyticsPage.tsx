import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../gql';
import { CABIN_LABELS } from '../flights/FlightCard';
import { formatMoney } from '../format';
import { Empty, Failure, Loading } from '../ui/Status';

const DashboardQuery = graphql(`
  query AnalyticsDashboard($from: DateTime!, $to: DateTime!) {
    adminDashboard(from: $from, to: $to) {
      confirmedBookings
      complianceRate
      policyViolations
      co2eKg
      totalSpend {
        amount
        currency
      }
      averageTripCost {
        amount
        currency
      }
      bookingsByCabin {
        cabin
        bookings
      }
      topDestinations {
        destination
        bookings
        travelers
      }
      funnel {
        searches
        holds
        bookingsConfirmed
        paymentsAuthorized
      }
    }
  }
`);

const PERIODS = { '30 days': 30, '90 days': 90, '365 days': 365 } as const;
type Period = keyof typeof PERIODS;

function interval(days: number): { from: string; to: string } {
  // Whole UTC days, so that the variables (and the cache entry) stay the same for a day.
  const to = new Date();
  to.setUTCHours(24, 0, 0, 0);
  return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
}

/** Executive summary for admins and finance: spend, compliance, CO2, bookings by cabin, top destinations, funnel. */
export function AnalyticsPage() {
  const [period, setPeriod] = useState<Period>('90 days');
  const variables = useMemo(() => interval(PERIODS[period]), [period]);
  const { data, error, loading, refetch } = useQuery(DashboardQuery, { variables });
  const summary = data?.adminDashboard;

  return (
    <main className="page">
      <div className="toolbar">
        <h1>Analytics</h1>
        <div className="segmented" role="group" aria-label="Period">
          {(Object.keys(PERIODS) as Period[]).map((p) => (
            <button type="button" key={p} aria-pressed={p === period} onClick={() => setPeriod(p)}>
              {p}
            </button>
          ))}
        </div>
      </div>
      {!summary ? (
        loading ? (
          <Loading what="analytics" />
        ) : (
          <Failure what="analytics" error={error ?? { message: 'no answer' }} retry={refetch} />
        )
      ) : summary.confirmedBookings === 0 ? (
        <Empty>No confirmed bookings in the last {period}.</Empty>
      ) : (
        <>
          <section className="kpis card" aria-label="Summary">
            <span className="kpi">
              <strong>{summary.confirmedBookings}</strong> {summary.confirmedBookings === 1 ? 'booking' : 'bookings'}
            </span>
            {summary.totalSpend.map((m) => (
              <span className="kpi" key={m.currency}>
                <strong>{formatMoney(m)}</strong> spend
              </span>
            ))}
            {summary.averageTripCost.map((m) => (
              <span className="kpi" key={`avg-${m.currency}`}>
                <strong>{formatMoney(m)}</strong> per trip
              </span>
            ))}
            <span className="kpi">
              <strong>{summary.complianceRate === null ? '—' : `${Math.round(summary.complianceRate * 100)}%`}</strong> compliant
            </span>
            <span className="kpi">
              <strong>{summary.policyViolations}</strong> violations
            </span>
            <span className="kpi">
              <strong>{Math.round(summary.co2eKg).toLocaleString()} kg</strong> CO₂e
            </span>
          </section>
          <div className="charts">
            <Chart
              title="Bookings by cabin"
              data={summary.bookingsByCabin.map((c) => ({ name: CABIN_LABELS[c.cabin], value: c.bookings }))}
            />
            <Chart title="Top destinations" data={summary.topDestinations.map((d) => ({ name: d.destination, value: d.bookings }))} />
            <Chart
              title="Funnel"
              data={[
                { name: 'Searches', value: summary.funnel.searches ?? 0 },
                { name: 'Holds', value: summary.funnel.holds },
                { name: 'Booked', value: summary.funnel.bookingsConfirmed },
                { name: 'Paid', value: summary.funnel.paymentsAuthorized },
              ]}
            />
          </div>
        </>
      )}
    </main>
  );
}

function Chart({ title, data }: { title: string; data: { name: string; value: number }[] }) {
  return (
    <figure className="card chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      {data.length === 0 ? (
        <Empty>No data.</Empty>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="value" fill="#2f6fdd" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
