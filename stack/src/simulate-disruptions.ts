import { loadConfig } from '@travel/platform';
import { DEMO_PASSWORD } from './demo/organizations.js';

/**
 * Plays a realistic sequence of flight status changes against a running
 * system, through the router, as flight operations (the demo's platform_admin):
 * a gate change, a delay that grows until the flight is canceled, a
 * diversion, and a short delay that recovers. It picks flights that demo
 * travelers have confirmed bookings on (read as Northwind's travel admin),
 * so disruptions, notifications and rebooking suggestions appear; without
 * bookings it takes flights from a search.
 *
 *   pnpm simulate:disruptions [router url] [--interval <ms>]
 */
const args = process.argv.slice(2);
const intervalAt = args.indexOf('--interval');
const intervalMs = intervalAt >= 0 ? Number(args[intervalAt + 1]) : 3000;
const config = loadConfig();
const routerUrl = args.find((a) => a.startsWith('http')) ?? `http://127.0.0.1:${config.ROUTER_PORT}/graphql`;

interface FlightRef {
  id: string;
  flightNumber: string;
  departureAt: string;
  arrivalAt: string;
  destination: { code: string };
}

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data;
}

async function signIn(email: string): Promise<string> {
  const { signIn } = await gql<{ signIn: { accessToken: string | null; errors: { message: string }[] } }>(
    `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken errors { message } } }`,
    { input: { email, password: DEMO_PASSWORD } },
  );
  if (!signIn.accessToken) throw new Error(`Cannot sign in as ${email}: ${signIn.errors.map((e) => e.message).join('; ')}`);
  return signIn.accessToken;
}

const FLIGHT_FIELDS = 'id flightNumber departureAt arrivalAt destination { code }';

/** Flights of confirmed demo bookings first (so someone is disrupted), then any flight from a search, all still to depart. */
async function pickFlights(adminToken: string): Promise<FlightRef[]> {
  const { bookings } = await gql<{ bookings: { edges: { node: { segments: { flight: FlightRef | null }[] } }[] } }>(
    `query { bookings(first: 50) { edges { node { segments { flight { ${FLIGHT_FIELDS} } } } } } }`,
    {},
    adminToken,
  );
  const booked = bookings.edges.flatMap((e) => e.node.segments.flatMap((s) => (s.flight ? [s.flight] : [])));
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { searchFlights } = await gql<{ searchFlights: { edges: { node: FlightRef }[] } }>(
    `query ($input: SearchFlightsInput!) { searchFlights(input: $input, first: 10) { edges { node { ${FLIGHT_FIELDS} } } } }`,
    { input: { origin: 'JFK', destination: 'LHR', date } },
    adminToken,
  );
  const all = [...booked, ...searchFlights.edges.map((e) => e.node)].filter((f) => new Date(f.departureAt).getTime() > Date.now());
  return [...new Map(all.map((f) => [f.id, f])).values()];
}

const minutes = (iso: string, m: number) => new Date(new Date(iso).getTime() + m * 60_000).toISOString();

function script(flights: FlightRef[], airports: string[]): { flight: FlightRef; input: Record<string, unknown> }[] {
  const [a, b, c] = [flights[0]!, flights[1] ?? flights[0]!, flights[2] ?? flights[0]!];
  const divertTo = airports.find((code) => code !== b.destination.code) ?? b.destination.code;
  return [
    { flight: a, input: { change: 'GATE_CHANGED', gate: 'B22', reason: 'Gate reassignment' } },
    { flight: a, input: { change: 'DELAYED', estimatedDepartureAt: minutes(a.departureAt, 45), reason: 'Late inbound aircraft' } },
    { flight: a, input: { change: 'DELAYED', estimatedDepartureAt: minutes(a.departureAt, 150), reason: 'Technical inspection' } },
    { flight: a, input: { change: 'DELAYED', estimatedDepartureAt: minutes(a.departureAt, 240), reason: 'Awaiting replacement part' } },
    { flight: a, input: { change: 'CANCELED', reason: 'Aircraft unserviceable' } },
    { flight: b, input: { change: 'DIVERTED', divertedTo: divertTo, reason: 'Weather at destination' } },
    { flight: c, input: { change: 'DELAYED', estimatedDepartureAt: minutes(c.departureAt, 90), reason: 'Air traffic control restrictions' } },
    { flight: c, input: { change: 'ON_TIME', reason: 'Slot restored' } },
  ];
}

const opsToken = await signIn('omar.haddad@ops.example');
const adminToken = await signIn('tara.nakamura@northwind.example');
const flights = await pickFlights(adminToken);
if (flights.length === 0) throw new Error('No flights to disrupt: is the demo data loaded?');
console.log(`Playing flight status changes through ${routerUrl}, one every ${intervalMs} ms`);
const { airports } = await gql<{ airports: { code: string }[] }>(`query { airports(first: 100) { code } }`, {}, adminToken);
for (const step of script(flights, airports.map((a) => a.code))) {
  const { recordFlightStatus } = await gql<{ recordFlightStatus: { update: { status: string } | null; errors: { code: string; message: string }[] } }>(
    `mutation ($input: RecordFlightStatusInput!) { recordFlightStatus(input: $input) { update { status } errors { code message } } }`,
    { input: { flightId: step.flight.id, ...step.input } },
    opsToken,
  );
  const outcome = recordFlightStatus.update ? `→ ${recordFlightStatus.update.status}` : `refused: ${recordFlightStatus.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`;
  console.log(`  ${step.flight.flightNumber} ${new Date(step.flight.departureAt).toISOString().slice(0, 16)}  ${String(step.input['change']).padEnd(12)} ${outcome}`);
  await new Promise((r) => setTimeout(r, intervalMs));
}
console.log('Done. Travel admins see the disruptions in disruptionRaised and myNotifications; travelers in bookingUpdated.');
