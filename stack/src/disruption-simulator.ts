/**
 * A realistic sequence of flight status changes, played through the router as
 * flight operations (a platform_admin): a gate change, a delay that grows until
 * the flight is canceled, a diversion, and a short delay that recovers. It
 * picks flights that travelers of the admin's organization have bookings on (so
 * disruptions, notifications and rebooking suggestions appear), then flights
 * from a search. Used by `pnpm simulate:disruptions`.
 */
export interface SimulationOptions {
  routerUrl: string;
  /** A platform_admin, who records the changes. */
  opsEmail: string;
  /** A travel admin, whose organization's bookings choose the flights. */
  adminEmail: string;
  password: string;
  intervalMs: number;
  log?: (line: string) => void;
}

interface SimulationStep {
  flight: FlightRef;
  input: Record<string, unknown>;
}

export interface SimulationOutcome {
  flightId: string;
  flightNumber: string;
  change: string;
  /** The flight's status after the step; null when the step was refused. */
  status: string | null;
  errors: { code: string; message: string }[];
}

interface FlightRef {
  id: string;
  flightNumber: string;
  departureAt: string;
  arrivalAt: string;
  destination: { code: string };
}

async function gql<T>(routerUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data;
}

async function signIn(routerUrl: string, email: string, password: string): Promise<string> {
  const { signIn } = await gql<{ signIn: { accessToken: string | null; errors: { message: string }[] } }>(
    routerUrl,
    `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken errors { message } } }`,
    { input: { email, password } },
  );
  if (!signIn.accessToken) throw new Error(`Cannot sign in as ${email}: ${signIn.errors.map((e) => e.message).join('; ')}`);
  return signIn.accessToken;
}

const FLIGHT_FIELDS = 'id flightNumber departureAt arrivalAt destination { code }';

/** Flights of confirmed demo bookings first (so someone is disrupted), then any flight from a search, all still to depart. */
async function pickFlights(routerUrl: string, adminToken: string): Promise<FlightRef[]> {
  const { bookings } = await gql<{ bookings: { edges: { node: { segments: { flight: FlightRef | null }[] } }[] } }>(
    routerUrl,
    `query { bookings(first: 50) { edges { node { segments { flight { ${FLIGHT_FIELDS} } } } } } }`,
    {},
    adminToken,
  );
  const booked = bookings.edges.flatMap((e) => e.node.segments.flatMap((s) => (s.flight ? [s.flight] : [])));
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { searchFlights } = await gql<{ searchFlights: { edges: { node: FlightRef }[] } }>(
    routerUrl,
    `query ($input: SearchFlightsInput!) { searchFlights(input: $input, first: 10) { edges { node { ${FLIGHT_FIELDS} } } } }`,
    { input: { origin: 'JFK', destination: 'LHR', date } },
    adminToken,
  );
  const all = [...booked, ...searchFlights.edges.map((e) => e.node)].filter((f) => new Date(f.departureAt).getTime() > Date.now());
  return [...new Map(all.map((f) => [f.id, f])).values()];
}

const minutes = (iso: string, m: number) => new Date(new Date(iso).getTime() + m * 60_000).toISOString();

function script(flights: FlightRef[], airports: string[]): SimulationStep[] {
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

export async function playDisruptions(opts: SimulationOptions): Promise<SimulationOutcome[]> {
  const { routerUrl, intervalMs } = opts;
  const log = opts.log ?? (() => {});
  const opsToken = await signIn(routerUrl, opts.opsEmail, opts.password);
  const adminToken = await signIn(routerUrl, opts.adminEmail, opts.password);
  const flights = await pickFlights(routerUrl, adminToken);
  if (flights.length === 0) throw new Error('No flights to disrupt: is the demo data loaded?');
  const { airports } = await gql<{ airports: { code: string }[] }>(routerUrl, `query { airports(first: 100) { code } }`, {}, adminToken);
  const outcomes: SimulationOutcome[] = [];
  for (const [i, step] of script(flights, airports.map((a) => a.code)).entries()) {
    if (i > 0) await new Promise((r) => setTimeout(r, intervalMs));
    const { recordFlightStatus } = await gql<{ recordFlightStatus: { update: { status: string } | null; errors: { code: string; message: string }[] } }>(
      routerUrl,
      `mutation ($input: RecordFlightStatusInput!) { recordFlightStatus(input: $input) { update { status } errors { code message } } }`,
      { input: { flightId: step.flight.id, ...step.input } },
      opsToken,
    );
    const outcome = { flightId: step.flight.id, flightNumber: step.flight.flightNumber, change: String(step.input['change']), status: recordFlightStatus.update?.status ?? null, errors: recordFlightStatus.errors };
    outcomes.push(outcome);
    const said = outcome.status ? `→ ${outcome.status}` : `refused: ${outcome.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`;
    log(`  ${step.flight.flightNumber} ${step.flight.departureAt.slice(0, 16)}  ${outcome.change.padEnd(12)} ${said}`);
  }
  return outcomes;
}
