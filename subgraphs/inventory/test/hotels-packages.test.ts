import { randomUUID } from 'node:crypto';
import { ManualClock } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HOLD_LIFETIME_MS } from '../src/server.js';
import { newViewer, startInventory, uniqueCode, type Harness, type UserErrorView } from './fixtures.js';

const SEARCH_HOTELS = `query ($input: SearchHotelsInput!, $first: Int, $after: String) {
  searchHotels(input: $input, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name starRating } distanceKm lowestNightlyRate { amount } offers { roomType { id name } roomsLeft total { amount } } }
    facets { starRatings { stars count } priceBuckets { count } }
  }
}`;
interface HotelsResult {
  searchHotels: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; name: string; starRating: number }; distanceKm: number | null; lowestNightlyRate: { amount: number }; offers: { roomType: { id: string; name: string }; roomsLeft: number; total: { amount: number } }[] }[];
    facets: { starRatings: { stars: number; count: number }[]; priceBuckets: { count: number }[] };
  };
}
const ROOM_HOLD_FIELDS = `roomHold { id status expiresAt createdAt rooms price { amount currency } roomType { id } hotel { id } } errors { code field message }`;
const HOLD_ROOM = `mutation ($input: HoldRoomInput!) { holdRoom(input: $input) { ${ROOM_HOLD_FIELDS} } }`;
const EXTEND_ROOM = `mutation ($input: ExtendHoldInput!) { extendRoomHold(input: $input) { ${ROOM_HOLD_FIELDS} } }`;
type RoomHoldView = { id: string; status: string; expiresAt: string; createdAt: string; rooms: number; price: { amount: number; currency: string } };
type HoldRoomResult = { holdRoom: { roomHold: RoomHoldView | null; errors: UserErrorView[] } };
type ExtendRoomResult = { extendRoomHold: { roomHold: RoomHoldView | null; errors: UserErrorView[] } };
const NIGHTS = `query ($id: ID!, $in: Date!, $out: Date!) { hotel: _entities(representations: [{ __typename: "Hotel", id: $id }]) { ... on Hotel { roomTypes { name nights(checkIn: $in, checkOut: $out) { date roomsLeft } } } } }`;
type NightsResult = { hotel: { roomTypes: { name: string; nights: { date: string; roomsLeft: number }[] }[] }[] };

const PACKAGE_HOLD_FIELDS = `packageHold { id status date travelers price { amount currency } expiresAt } errors { code field message }`;
const HOLD_PACKAGE = `mutation ($input: HoldPackageInput!) { holdPackage(input: $input) { ${PACKAGE_HOLD_FIELDS} } }`;
const RELEASE_PACKAGE = `mutation ($input: PackageHoldInput!) { releasePackageHold(input: $input) { ${PACKAGE_HOLD_FIELDS} } }`;
type PackageHoldView = { id: string; status: string; date: string; travelers: number; price: { amount: number; currency: string }; expiresAt: string };
type HoldPackageResult = { holdPackage: { packageHold: PackageHoldView | null; errors: UserErrorView[] } };

describe('hotels and packages: search and holds', () => {
  const clock = new ManualClock(new Date('2030-06-01T08:00:00Z'));
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory({ clock });
  });
  afterAll(async () => {
    await h.close();
  });

  async function hotels(city: string) {
    const room = (name: string, capacity: number, rate: number, total: number) => ({ name, capacity, nightlyRateMinor: rate, currency: 'EUR', totalRooms: total });
    const base = { city, country: 'Portugal', timeZone: 'Europe/Lisbon' };
    const { hotels: rows } = await h.server.services.catalog.insertHotels([
      { ...base, name: 'Centro', latitude: 38.71, longitude: -9.14, starRating: 4, roomTypes: [room('Double', 2, 12_000, 3), room('Family', 4, 20_000, 1)] },
      { ...base, name: 'Belem', latitude: 38.697, longitude: -9.206, starRating: 3, roomTypes: [room('Double', 2, 8_000, 5)] },
      { ...base, name: 'Far Away', latitude: 38.9, longitude: -9.6, starRating: 5, roomTypes: [room('Suite', 2, 40_000, 2)] },
    ]);
    const byName = (n: string) => rows.find((r) => r.name === n)!;
    const types = await h.server.services.repositories.hotels.roomTypesOf(rows.map((r) => r.id));
    const type = (hotel: string, name: string) => types.find((t) => t.hotelId === byName(hotel).id && t.name === name)!;
    return { byName, type };
  }

  const searchHotels = (input: Record<string, unknown>, first = 20) => h.gql<HotelsResult>(SEARCH_HOTELS, { input, first });
  const names = (res: { data?: HotelsResult | null }) => res.data!.searchHotels.edges.map((e) => e.node.name);

  it('finds hotels in a city or near a point, for the party, rating and price, with facets', async () => {
    const city = `Lisbon ${randomUUID().slice(0, 6)}`;
    const { byName } = await hotels(city);
    const stay = { checkIn: '2030-07-01', checkOut: '2030-07-03' };

    const all = await searchHotels({ city: city.toUpperCase(), ...stay });
    expect(all.errors).toBeUndefined();
    expect(names(all)).toEqual(['Belem', 'Centro', 'Far Away']); // cheapest first
    expect(all.data!.searchHotels.facets.starRatings).toEqual([
      { stars: 5, count: 1 },
      { stars: 4, count: 1 },
      { stars: 3, count: 1 },
    ]);
    const centro = all.data!.searchHotels.edges.find((e) => e.node.name === 'Centro')!;
    expect(centro.offers.map((o) => [o.roomType.name, o.roomsLeft, o.total.amount])).toEqual([
      ['Double', 3, 24_000],
      ['Family', 1, 40_000],
    ]);

    expect(names(await searchHotels({ city, ...stay, guests: 3 }))).toEqual(['Centro']);
    expect(names(await searchHotels({ city, ...stay, guests: 3, rooms: 2 }))).toEqual(['Belem', 'Centro', 'Far Away']);
    expect(names(await searchHotels({ city, ...stay, minRating: 4, sort: 'RATING' }))).toEqual(['Far Away', 'Centro']);
    expect(names(await searchHotels({ city, ...stay, maxPrice: 10_000 }))).toEqual(['Belem']);

    // Near the centre of Lisbon: Belem is about 5.8 km away, Far Away about 44 km.
    const near = await searchHotels({ near: { latitude: 38.71, longitude: -9.14 }, radiusKm: 10, ...stay, sort: 'DISTANCE' });
    const ids = near.data!.searchHotels.edges.map((e) => e.node.id);
    expect(ids).toContain(byName('Centro').id);
    expect(ids).toContain(byName('Belem').id);
    expect(ids).not.toContain(byName('Far Away').id);
    const belem = near.data!.searchHotels.edges.find((e) => e.node.id === byName('Belem').id)!;
    expect(belem.distanceKm).toBeGreaterThan(5.5);
    expect(belem.distanceKm).toBeLessThan(6.2);
    const distances = near.data!.searchHotels.edges.map((e) => e.distanceKm!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances.every((d) => d <= 10)).toBe(true);

    const bad = await searchHotels({ ...stay });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'city' });
    const backwards = await searchHotels({ city, checkIn: '2030-07-03', checkOut: '2030-07-01' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'checkOut' });
  });

  it('holds rooms per night: exactly as many parallel holds succeed as rooms, overlapping stays count, others do not', async () => {
    const city = `Porto ${randomUUID().slice(0, 6)}`;
    const { byName, type } = await hotels(city);
    const double = type('Centro', 'Double'); // 3 rooms
    const stay = { roomTypeId: double.id, checkIn: '2030-07-10', checkOut: '2030-07-12' };

    const results = await Promise.all(Array.from({ length: 10 }, () => h.gql<HoldRoomResult>(HOLD_ROOM, { input: stay }, newViewer())));
    const won = results.filter((r) => r.data!.holdRoom.roomHold);
    expect(won).toHaveLength(3);
    expect(results.filter((r) => r.data!.holdRoom.errors[0]?.code === 'INSUFFICIENT_INVENTORY')).toHaveLength(7);
    expect(won[0]!.data!.holdRoom.roomHold!.price).toEqual({ amount: 24_000, currency: 'EUR' });

    // The 11th overlaps on the 11th only: still full.
    const overlap = await h.gql<HoldRoomResult>(HOLD_ROOM, { input: { ...stay, checkIn: '2030-07-11', checkOut: '2030-07-13' } }, newViewer());
    expect(overlap.data!.holdRoom.errors.map((e) => e.code)).toEqual(['INSUFFICIENT_INVENTORY']);
    // Checking in on the day the others leave is fine.
    const after = await h.gql<HoldRoomResult>(HOLD_ROOM, { input: { ...stay, checkIn: '2030-07-12', checkOut: '2030-07-13', rooms: 2, guests: 4 } }, newViewer());
    expect(after.data!.holdRoom.errors).toEqual([]);

    const nights = await h.gql<NightsResult>(NIGHTS, { id: byName('Centro').id, in: '2030-07-09', out: '2030-07-13' });
    expect(nights.data!.hotel[0]!.roomTypes.find((r) => r.name === 'Double')!.nights).toEqual([
      { date: '2030-07-09', roomsLeft: 3 },
      { date: '2030-07-10', roomsLeft: 0 },
      { date: '2030-07-11', roomsLeft: 0 },
      { date: '2030-07-12', roomsLeft: 1 },
    ]);
    const search = await searchHotels({ city, checkIn: '2030-07-10', checkOut: '2030-07-11' });
    expect(search.data!.searchHotels.edges.find((e) => e.node.name === 'Centro')!.offers.map((o) => o.roomType.name)).toEqual(['Family']);

    // Too many guests for the rooms, and a room type that does not exist.
    const crowded = await h.gql<HoldRoomResult>(HOLD_ROOM, { input: { ...stay, checkIn: '2030-08-01', checkOut: '2030-08-02', guests: 3 } }, newViewer());
    expect(crowded.data!.holdRoom.errors[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: 'guests' });
    const missing = await h.gql<HoldRoomResult>(HOLD_ROOM, { input: { ...stay, roomTypeId: randomUUID() } }, newViewer());
    expect(missing.data!.holdRoom.errors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('frees rooms when holds run out even before any sweep, extends holds up to their limit, and refuses to extend an expired one', async () => {
    const { type } = await hotels(`Faro ${randomUUID().slice(0, 6)}`);
    const family = type('Centro', 'Family'); // 1 room
    const stay = { roomTypeId: family.id, checkIn: '2030-07-20', checkOut: '2030-07-21', guests: 4 };
    const viewer = newViewer();
    const first = (await h.gql<HoldRoomResult>(HOLD_ROOM, { input: stay }, viewer)).data!.holdRoom.roomHold!;

    clock.advance(10 * 60_000);
    const extended = await h.gql<ExtendRoomResult>(EXTEND_ROOM, { input: { holdId: first.id } }, viewer);
    expect(extended.data!.extendRoomHold.errors).toEqual([]);
    expect(new Date(extended.data!.extendRoomHold.roomHold!.expiresAt).getTime()).toBe(clock.now().getTime() + 15 * 60_000);
    // Another organization cannot see it, let alone extend it.
    expect((await h.gql<ExtendRoomResult>(EXTEND_ROOM, { input: { holdId: first.id } }, newViewer())).data!.extendRoomHold.errors[0]!.code).toBe('NOT_FOUND');

    // Extensions stop at 60 minutes after the hold was made.
    for (let i = 0; i < 3; i++) {
      clock.advance(14 * 60_000);
      await h.gql<ExtendRoomResult>(EXTEND_ROOM, { input: { holdId: first.id } }, viewer);
    }
    const capped = await h.gql<ExtendRoomResult>(EXTEND_ROOM, { input: { holdId: first.id, minutes: 1 } }, viewer);
    expect(capped.data!.extendRoomHold.errors[0]!.code).toBe('CONFLICT');
    const current = await h.server.services.repositories.roomHolds.findByIds(viewer.orgId, [first.id]);
    expect(current[0]!.expiresAt.getTime()).toBe(new Date(first.createdAt).getTime() + MAX_HOLD_LIFETIME_MS);

    // Still held: the one room is taken.
    expect((await h.gql<HoldRoomResult>(HOLD_ROOM, { input: stay }, newViewer())).data!.holdRoom.errors[0]!.code).toBe('INSUFFICIENT_INVENTORY');
    clock.set(new Date(new Date(first.createdAt).getTime() + MAX_HOLD_LIFETIME_MS));
    // Run out, not yet swept: the room is free (a crashed sweeper blocks nothing), and the old hold cannot be extended.
    expect((await h.gql<ExtendRoomResult>(EXTEND_ROOM, { input: { holdId: first.id } }, viewer)).data!.extendRoomHold.errors[0]!.code).toBe('HOLD_EXPIRED');
    const second = await h.gql<HoldRoomResult>(HOLD_ROOM, { input: stay }, newViewer());
    expect(second.data!.holdRoom.errors).toEqual([]);
    expect(await h.server.services.roomHolds.expireDue()).toBeGreaterThanOrEqual(1);
    expect((await h.server.services.repositories.roomHolds.findByIds(viewer.orgId, [first.id]))[0]!.status).toBe('expired');
  });

  async function packages(tag: string) {
    const base = { destinationCountry: 'Greece', currency: 'EUR' };
    await h.server.services.catalog.insertPackages([
      { ...base, title: `${tag} Island snorkeling week`, description: 'Seven days of snorkelling and sailing between quiet coves.', destinationCity: `Naxos ${tag}`, category: 'beach', durationDays: 7, priceMinor: 150_000, maxGroupSize: 4 },
      { ...base, title: `${tag} Athens city break`, description: 'Museums, the Acropolis and tavernas; a short city walk each day.', destinationCity: `Athens ${tag}`, category: 'city', durationDays: 3, priceMinor: 60_000, maxGroupSize: 6 },
      { ...base, title: `${tag} Cretan hiking`, description: 'Gorges and mountain villages on foot, with a snorkel day at the end.', destinationCity: `Chania ${tag}`, category: 'adventure', durationDays: 10, priceMinor: 210_000, maxGroupSize: 8 },
    ]);
    const found = await h.server.services.repositories.packages.search({ text: tag, category: null, destination: null, minDays: null, maxDays: null, minPrice: null, maxPrice: null });
    return (word: string) => found.find((p) => p.title.includes(word))!;
  }

  const SEARCH_PACKAGES = `query ($input: SearchTravelPackagesInput!) { searchTravelPackages(input: $input) {
    totalCount edges { node { title } relevance departures { date placesLeft price { amount } } }
    facets { categories { category count } durations { days count } priceBuckets { count } } } }`;
  type PackagesResult = {
    searchTravelPackages: {
      totalCount: number;
      edges: { node: { title: string }; relevance: number; departures: { date: string; placesLeft: number; price: { amount: number } }[] | null }[];
      facets: { categories: { category: string; count: number }[]; durations: { days: number; count: number }[]; priceBuckets: { count: number }[] };
    };
  };

  it('searches packages by full text, category, length and price, with facets and departures with places', async () => {
    const tag = uniqueCode('t').toLowerCase();
    const pkg = await packages(tag);
    const search = async (input: Record<string, unknown>) => {
      const res = await h.gql<PackagesResult>(SEARCH_PACKAGES, { input });
      expect(res.errors).toBeUndefined();
      return res.data!.searchTravelPackages;
    };
    // Stemming: "snorkel" matches snorkeling and snorkel; both contain the tag.
    const text = await search({ text: `${tag} snorkel` });
    expect(text.edges.map((e) => e.node.title).sort()).toEqual([`${tag} Cretan hiking`, `${tag} Island snorkeling week`]);
    expect(text.edges.every((e) => e.relevance > 0)).toBe(true);
    expect((await search({ text: `${tag} -snorkel` })).edges.map((e) => e.node.title)).toEqual([`${tag} Athens city break`]);
    expect((await search({ text: tag, category: 'CITY' })).totalCount).toBe(1);
    expect((await search({ text: tag, minDays: 5, maxDays: 8 })).edges.map((e) => e.node.title)).toEqual([`${tag} Island snorkeling week`]);
    expect((await search({ text: tag, maxPrice: 100_000 })).edges.map((e) => e.node.title)).toEqual([`${tag} Athens city break`]);
    const all = await search({ text: tag, sort: 'DURATION' });
    expect(all.edges.map((e) => e.node.title)).toEqual([`${tag} Athens city break`, `${tag} Island snorkeling week`, `${tag} Cretan hiking`]);
    expect(all.facets.categories.map((c) => c.category).sort()).toEqual(['adventure', 'beach', 'city']);
    expect(all.facets.durations).toEqual([
      { days: 3, count: 1 },
      { days: 7, count: 1 },
      { days: 10, count: 1 },
    ]);

    await h.server.services.catalog.upsertPackageDepartures([
      { packageId: pkg('Island').id, date: '2030-08-01', capacity: 4, priceMultiplier: 1.25 },
      { packageId: pkg('Island').id, date: '2030-09-01', capacity: 1, priceMultiplier: 0.9 },
      { packageId: pkg('Athens').id, date: '2030-08-05', capacity: 10, priceMultiplier: 1 },
    ]);
    const dated = await search({ text: tag, departingFrom: '2030-07-15', departingTo: '2030-09-30', travelers: 2 });
    expect(dated.edges.map((e) => [e.node.title, e.departures])).toEqual([
      [`${tag} Athens city break`, [{ date: '2030-08-05', placesLeft: 10, price: { amount: 60_000 } }]],
      [`${tag} Island snorkeling week`, [{ date: '2030-08-01', placesLeft: 4, price: { amount: 187_500 } }]],
    ]);
  });

  it('holds package places per date: capacity is never exceeded in parallel, prices follow the calendar, release frees places', async () => {
    const tag = uniqueCode('p').toLowerCase();
    const pkg = await packages(tag);
    const island = pkg('Island');
    await h.server.services.catalog.upsertPackageDepartures([{ packageId: island.id, date: '2030-08-01', capacity: 5, priceMultiplier: 1.1 }]);
    const input = { packageId: island.id, date: '2030-08-01', travelers: 2 };

    const viewers = Array.from({ length: 8 }, () => newViewer());
    const results = await Promise.all(viewers.map((viewer) => h.gql<HoldPackageResult>(HOLD_PACKAGE, { input }, viewer)));
    const won = results.flatMap((r) => (r.data!.holdPackage.packageHold ? [r.data!.holdPackage.packageHold] : []));
    expect(won).toHaveLength(2); // 2 + 2 of 5 places; a third pair does not fit
    expect(results.filter((r) => r.data!.holdPackage.errors[0]?.code === 'INSUFFICIENT_INVENTORY')).toHaveLength(6);
    expect(won[0]).toMatchObject({ date: '2030-08-01', travelers: 2, price: { amount: 330_000, currency: 'EUR' }, status: 'ACTIVE' });

    const single = await h.gql<HoldPackageResult>(HOLD_PACKAGE, { input: { ...input, travelers: 1 } }, newViewer());
    expect(single.data!.holdPackage.errors).toEqual([]);
    expect((await h.gql<HoldPackageResult>(HOLD_PACKAGE, { input: { ...input, travelers: 1 } }, newViewer())).data!.holdPackage.errors[0]!.code).toBe('INSUFFICIENT_INVENTORY');

    type ReleaseResult = { releasePackageHold: { packageHold: PackageHoldView | null; errors: UserErrorView[] } };
    const stranger = await h.gql<ReleaseResult>(RELEASE_PACKAGE, { input: { holdId: won[0]!.id } }, newViewer());
    expect(stranger.data!.releasePackageHold.errors[0]!.code).toBe('NOT_FOUND'); // another organization's hold
    // Releasing one pair makes room for another.
    const owner = viewers[results.findIndex((r) => r.data!.holdPackage.packageHold?.id === won[0]!.id)]!;
    const released = await h.gql<ReleaseResult>(RELEASE_PACKAGE, { input: { holdId: won[0]!.id } }, owner);
    expect(released.data!.releasePackageHold.packageHold!.status).toBe('RELEASED');
    expect((await h.gql<HoldPackageResult>(HOLD_PACKAGE, { input }, newViewer())).data!.holdPackage.errors).toEqual([]);

    const tooMany = await h.gql<HoldPackageResult>(HOLD_PACKAGE, { input: { ...input, date: '2030-08-01', travelers: 5 } }, newViewer());
    expect(tooMany.data!.holdPackage.errors[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: 'travelers' });
    const noDate = await h.gql<HoldPackageResult>(HOLD_PACKAGE, { input: { ...input, date: '2030-08-02' } }, newViewer());
    expect(noDate.data!.holdPackage.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'date' });
  });

  it('completes destinations from airports, hotels and packages', async () => {
    const city = `Zq${randomUUID().slice(0, 6)}`;
    await h.server.services.catalog.upsertAirports([{ code: uniqueCode('A'), name: 'Zq Airport', city, country: 'Testland', latitude: 1, longitude: 1, timeZone: 'UTC' }]);
    await h.server.services.catalog.insertHotels([
      { name: 'Zq Inn', city, country: 'Testland', latitude: 1, longitude: 1, starRating: 3, timeZone: 'UTC', roomTypes: [] },
    ]);
    const res = await h.gql<{ destinations: { city: string; airports: { city: string }[]; hotelCount: number; packageCount: number }[] }>(
      `query ($s: String!) { destinations(search: $s) { city airports { city } hotelCount packageCount } }`,
      { s: city.slice(0, 6).toLowerCase() },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.destinations).toEqual([{ city, airports: [{ city }], hotelCount: 1, packageCount: 0 }]);
  });
});
