/**
 * Policy benchmark: `[DATABASE_URL=postgres://...] npx tsx bench/policy.ts`
 *
 * 1. Bulk evaluation throughput: a realistic 50-rule policy (cabin by level
 *    and duration, regional fare caps, department and level scopes, advance
 *    booking, preferred vendors, hotel nightly caps, fare classes) judges
 *    OFFERS generated offers in the engine, in one pass as policyStatus does:
 *    offers evaluated per second, all rules judged for every offer.
 * 2. The same through the graph: evaluateOffers with 500 offers per request
 *    through the router (the whole supergraph in this process).
 * 3. The added latency of policyStatus: a 50-result flight search through the
 *    router with and without `offer { policyStatus { ... } }`, alternating,
 *    after warm-ups; p50/p95 of each and the difference of the medians.
 * Sizes: POLICY_BENCH_OFFERS (default 100,000) and POLICY_BENCH_RUNS (default
 * 40); tiny values only prove it runs. POLICY_BENCH_ENGINE_ONLY=1 skips the
 * router parts. Bounded: one organization, loopback only.
 */
import { performance } from 'node:perf_hooks';
import { signAccessToken, type Viewer } from '@travel/platform';
import { createTestRuntime, gqlRequest, testConfig, unique } from '@travel/platform/testkit';
import { startStack } from '@travel/stack/src/stack.js';
import type { RuleInput } from '../subgraphs/policy/src/policies/rule-input.js';
import { parseRule } from '../subgraphs/policy/src/policies/rule-input.js';
import type { JudgingPolicy } from '../subgraphs/policy/src/evaluation/active-policy.js';
import { judgeAll } from '../subgraphs/policy/src/evaluation/evaluations.service.js';
import type { OfferFacts } from '../subgraphs/policy/src/evaluation/offer-facts.js';
import { byPriority } from '../subgraphs/policy/src/evaluation/rule-engine.js';

const OFFERS = Number(process.env.POLICY_BENCH_OFFERS ?? 100_000);
const RUNS = Number(process.env.POLICY_BENCH_RUNS ?? 40);
const WARMUP = Math.min(5, RUNS);
const PER_REQUEST = 500;
const SEARCH_RESULTS = 50;

const LEVELS = ['junior', 'senior', 'manager', 'director', 'vp', 'executive'] as const;
const REGIONS = ['north_america', 'latin_america', 'europe', 'middle_east', 'africa', 'asia_pacific'] as const;
const DEPARTMENTS = ['Sales', 'Engineering', 'Finance', 'Marketing', 'Operations'];
const COUNTRIES = ['United States', 'United Kingdom', 'Germany', 'Japan', 'Brazil', 'United Arab Emirates', 'South Africa', 'Singapore', 'France', 'Canada'];
const AIRLINES = ['BA', 'LH', 'AF', 'UA', 'DL', 'AA', 'EK', 'SQ', 'NH', 'QF'];
const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;

/** Fifty rules of the kinds a corporate policy has, with scopes and nesting. */
function fiftyRules(): RuleInput[] {
  const rules: RuleInput[] = [];
  const add = (r: Omit<RuleInput, 'priority' | 'message'>) => rules.push({ ...r, priority: (rules.length + 1) * 10, message: `${r.name}.` });
  add({ name: 'First class below VP', action: 'hard_stop', condition: { all: [{ field: 'segment.cabin', op: 'eq', value: 'first' }, { field: 'traveler.level', op: 'lt', value: 'vp' }] } });
  add({ name: 'Business under 6 hours', action: 'soft_warning', condition: { all: [{ field: 'segment.cabin', op: 'gte', value: 'business' }, { field: 'segment.durationMinutes', op: 'lt', value: 360 }] } });
  add({ name: 'Booked late', action: 'soft_warning', condition: { field: 'booking.advanceDays', op: 'lt', value: 3 } });
  add({ name: 'Non-preferred airline', action: 'track_only', condition: { all: [{ field: 'segment.kind', op: 'eq', value: 'flight' }, { field: 'segment.vendorPreferred', op: 'eq', value: false }] } });
  add({ name: 'Premium fare classes', action: 'track_only', condition: { field: 'segment.fareClass', op: 'in', value: ['F', 'J'] } });
  for (const region of REGIONS) {
    add({ name: `Fare cap ${region}`, action: 'hard_stop', condition: { field: 'segment.priceAmount', op: 'gt', value: 500_000 }, scope: { regions: [region] } });
    add({ name: `Hotel cap ${region}`, action: 'soft_warning', condition: { field: 'segment.nightlyRate', op: 'gt', value: 30_000 }, scope: { regions: [region] } });
  }
  for (const department of DEPARTMENTS) {
    add({
      name: `${department} business on long haul only`,
      action: 'soft_warning',
      condition: { all: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.durationMinutes', op: 'between', value: [0, 480] }] },
      scope: { departments: [department] },
    });
    add({ name: `${department} trip budget`, action: 'track_only', condition: { field: 'booking.totalAmount', op: 'gt', value: 250_000 }, scope: { departments: [department] } });
  }
  for (const level of LEVELS) {
    add({
      name: `${level} cabin ceiling`,
      action: 'soft_warning',
      condition: { any: [{ field: 'segment.cabin', op: 'gt', value: level === 'junior' ? 'economy' : 'premium_economy' }, { not: { field: 'segment.advanceDays', op: 'gte', value: 7 } }] },
      scope: { levels: [level] },
    });
  }
  for (const country of COUNTRIES) {
    add({ name: `Watch ${country}`, action: 'track_only', condition: { all: [{ field: 'segment.destinationCountry', op: 'eq', value: country }, { field: 'segment.advanceDays', op: 'lt', value: 14 }] } });
  }
  while (rules.length < 50) {
    const n = rules.length;
    add({ name: `Duration band ${n}`, action: 'track_only', condition: { field: 'segment.durationMinutes', op: 'between', value: [n * 10, n * 10 + 120] } });
  }
  return rules.slice(0, 50);
}

function offers(count: number, now: Date): OfferFacts[] {
  return Array.from({ length: count }, (_, i): OfferFacts => {
    const hotel = i % 5 === 4;
    const departAt = new Date(now.getTime() + ((i % 30) + 1) * 86_400_000);
    return {
      offerId: `o${i}`,
      kind: hotel ? 'hotel' : 'flight',
      cabin: hotel ? null : CABINS[i % 4]!,
      fareClass: null,
      priceAmount: 20_000 + ((i * 7919) % 700_000),
      departAt: hotel ? null : departAt.toISOString(),
      arriveAt: hotel ? null : new Date(departAt.getTime() + (60 + (i % 13) * 45) * 60_000).toISOString(),
      checkIn: hotel ? departAt.toISOString().slice(0, 10) : null,
      checkOut: hotel ? new Date(departAt.getTime() + 3 * 86_400_000).toISOString().slice(0, 10) : null,
      vendor: AIRLINES[i % AIRLINES.length]!,
      destinationCountry: COUNTRIES[i % COUNTRIES.length]!,
    };
  });
}

function stats(ms: number[]): { p50: number; text: string } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), text: `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${s.length})` };
}

function engineThroughput(rules: RuleInput[]): void {
  const now = new Date();
  const policy: JudgingPolicy = {
    policyId: 'bench',
    versionId: 'bench',
    version: 1,
    rules: rules.map((r, i) => ({ id: `r${i}`, ...parseRule(r) })).sort(byPriority),
    preferredVendors: new Set(['BA', 'LH', 'AF']),
  };
  const batch = offers(OFFERS, now);
  const traveler = { level: 'senior' as const, department: 'Sales' };
  judgeAll(policy, traveler, batch.slice(0, 1000), now);
  const t0 = performance.now();
  const verdicts = judgeAll(policy, traveler, batch, now);
  const seconds = (performance.now() - t0) / 1000;
  const counts = verdicts.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v.result]: (acc[v.result] ?? 0) + 1 }), {});
  console.log(`engine: ${OFFERS} offers x ${policy.rules.length} rules in ${seconds.toFixed(2)} s = ${Math.round(OFFERS / seconds).toLocaleString('en')} offers/s (${JSON.stringify(counts)})`);
}

async function throughTheRouter(rules: RuleInput[]): Promise<void> {
  const config = testConfig({ LOG_LEVEL: 'error' });
  if (!config.DATABASE_URL) console.log('DATABASE_URL is not set: running on in-memory PGlite (figures not representative).');
  const runtime = await createTestRuntime(config);
  const stack = await startStack(runtime);
  try {
    const { servers, routerUrl } = stack;
    const slug = unique('bench');
    const { organization, people } = await servers.customer.services.organizations.provision({
      name: `Policy bench ${slug}`,
      slug,
      people: [{ ref: 'sam', email: `sam@${slug}.example`, name: 'Sam Senior', department: 'Sales', level: 'senior', roles: ['traveler', 'travel_admin'] }],
    });
    const viewer: Viewer = { personId: people.get('sam')!.id, orgId: organization.id, roles: ['traveler', 'travel_admin'] };
    await servers.policy.services.policies.createPolicy(organization.id, { name: 'Bench policy', rules });
    await servers.policy.services.policies.setPreferredVendors(viewer, { vendorCodes: ['BA', 'LH', 'AF'] });
    await servers.inventory.services.catalog.upsertAirports([
      { code: 'JFK', name: 'John F Kennedy Intl', city: 'New York', country: 'United States', latitude: 40.639751, longitude: -73.778925, timeZone: 'America/New_York' },
      { code: 'LHR', name: 'Heathrow', city: 'London', country: 'United Kingdom', latitude: 51.4706, longitude: -0.461941, timeZone: 'Europe/London' },
    ]);
    await servers.inventory.services.catalog.upsertAirlines(AIRLINES.map((code) => ({ code, name: `Airline ${code}`, country: 'United States' })));
    const now = new Date();
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 20, 11, 0));
    await servers.inventory.services.catalog.insertFlights(
      Array.from({ length: SEARCH_RESULTS }, (_, i) => {
        const departureAt = new Date(day.getTime() + i * 10 * 60_000);
        return {
          airlineCode: AIRLINES[i % AIRLINES.length]!,
          flightNumber: `${AIRLINES[i % AIRLINES.length]}${2000 + i}`,
          originCode: 'JFK',
          destinationCode: 'LHR',
          departureAt,
          arrivalAt: new Date(departureAt.getTime() + 7 * 3600_000),
          seatPrices: i % 3 === 0 ? { business: 300_000 + i } : { economy: 50_000 + i, business: 300_000 + i },
          currency: 'USD',
        };
      }),
    );
    const headers = { authorization: `Bearer ${await signAccessToken(viewer, runtime.config.JWT_SECRET, 3600)}` };
    const input = { origin: 'JFK', destination: 'LHR', date: day.toISOString().slice(0, 10) };
    const plain = `query ($input: SearchFlightsInput!) { searchFlights(input: $input, first: ${SEARCH_RESULTS}) { edges { fare { amount } offer { id cabin } } } }`;
    const withStatus = `query ($input: SearchFlightsInput!) { searchFlights(input: $input, first: ${SEARCH_RESULTS}) { edges { fare { amount } offer { id cabin policyStatus { result outcomes { ruleName triggered } } } } } }`;
    const time = async (query: string): Promise<number> => {
      const t0 = performance.now();
      const res = await gqlRequest<{ searchFlights: { edges: unknown[] } }>(routerUrl, query, { input }, headers);
      if (res.errors || res.data!.searchFlights.edges.length !== SEARCH_RESULTS) throw new Error(`search failed: ${JSON.stringify(res.errors ?? res.data)}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < WARMUP; i++) await Promise.all([time(plain), time(withStatus)].map((p) => p));
    const without: number[] = [];
    const withField: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(await time(plain));
      withField.push(await time(withStatus));
    }
    const a = stats(without);
    const b = stats(withField);
    console.log(`search of ${SEARCH_RESULTS} through the router without policyStatus: ${a.text}`);
    console.log(`search of ${SEARCH_RESULTS} through the router with policyStatus (50 rules): ${b.text}`);
    console.log(`added latency of policyStatus: p50 ${(b.p50 - a.p50).toFixed(1)} ms`);

    const evaluate = `mutation ($input: EvaluateOffersInput!) { evaluateOffers(input: $input) { evaluations { offerId result } errors { code message } } }`;
    const offerInputs = offers(PER_REQUEST, now).map((o) => ({
      offerId: o.offerId,
      kind: o.kind.toUpperCase(),
      cabin: o.cabin?.toUpperCase() ?? null,
      priceAmount: o.priceAmount,
      departAt: o.departAt,
      arriveAt: o.arriveAt,
      checkIn: o.checkIn,
      checkOut: o.checkOut,
      vendor: o.vendor,
      destinationCountry: o.destinationCountry,
    }));
    const requests = Math.max(1, Math.ceil(RUNS / 4));
    const t0 = performance.now();
    for (let i = 0; i < requests; i++) {
      const res = await gqlRequest<{ evaluateOffers: { evaluations: unknown[] | null; errors: unknown[] } }>(
        routerUrl,
        evaluate,
        { input: { travelerId: viewer.personId, offers: offerInputs } },
        headers,
      );
      if (res.errors || res.data!.evaluateOffers.errors.length > 0) throw new Error(`evaluateOffers failed: ${JSON.stringify(res.errors ?? res.data)}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`evaluateOffers through the router: ${requests} requests of ${PER_REQUEST} offers in ${seconds.toFixed(2)} s = ${Math.round((requests * PER_REQUEST) / seconds).toLocaleString('en')} offers/s`);
  } finally {
    await stack.stop();
    await runtime.close();
  }
}

const rules = fiftyRules();
engineThroughput(rules);
if (process.env.POLICY_BENCH_ENGINE_ONLY !== '1') await throughTheRouter(rules);
process.exit(0);
