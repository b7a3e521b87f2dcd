import { ManualClock } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newViewer, startInventory, type Harness, type UserErrorView } from './fixtures.js';

const PACKAGE = `query ($id: ID!) {
  _entities(representations: [{ __typename: "TravelPackage", id: $id }]) {
    ... on TravelPackage {
      minGroupSize maxGroupSize inclusions exclusions
      itinerary { day title description }
      seasons { name startsOn endsOn priceMultiplier }
      departures(from: "2030-06-01", to: "2030-09-30") { date placesLeft priceMultiplier price { amount } season { name } }
    }
  }
}`;
const HOLD_PACKAGE = `mutation ($input: HoldPackageInput!) { holdPackage(input: $input) { packageHold { travelers price { amount } } errors { code field } } }`;

interface PackageView {
  minGroupSize: number;
  maxGroupSize: number;
  inclusions: string[];
  exclusions: string[];
  itinerary: { day: number; title: string; description: string }[];
  seasons: { name: string; startsOn: string; endsOn: string; priceMultiplier: number }[];
  departures: { date: string; placesLeft: number; priceMultiplier: number; price: { amount: number }; season: { name: string } | null }[];
}

describe('packages in depth: itinerary, inclusions, seasons and group sizes', () => {
  const clock = new ManualClock(new Date('2030-03-01T12:00:00Z'));
  let h: Harness;
  let packageId: string;

  beforeAll(async () => {
    h = await startInventory({ clock });
    const title = `Azores walking ${Date.now()}`;
    const catalog = h.server.services.catalog;
    await catalog.insertPackages([
      {
        title,
        description: 'Crater lakes and tea fields.',
        destinationCity: 'Ponta Delgada',
        destinationCountry: 'Portugal',
        category: 'adventure',
        durationDays: 3,
        priceMinor: 99_999,
        currency: 'EUR',
        minGroupSize: 2,
        maxGroupSize: 6,
        inclusions: ['Hotel, 2 nights', 'Guided walks'],
        exclusions: ['Flights', 'Travel insurance'],
      },
    ]);
    packageId = (await h.server.services.repositories.packages.list(100, null)).find((p) => p.title === title)!.id;
    await catalog.upsertPackageItinerary([
      { packageId, day: 2, title: 'Sete Cidades', description: 'The twin lakes.' },
      { packageId, day: 1, title: 'Arrival', description: 'Transfer to the hotel.' },
      { packageId, day: 3, title: 'Tea fields', description: 'Gorreana and home.' },
    ]);
    await catalog.upsertPackageSeasons([{ packageId, name: 'High season', startsOn: '2030-07-01', endsOn: '2030-08-31', priceMultiplier: 1.3 }]);
    await catalog.upsertPackageDepartures([
      { packageId, date: '2030-06-15', capacity: 10, priceMultiplier: 1 },
      { packageId, date: '2030-07-15', capacity: 10, priceMultiplier: 1.1 },
    ]);
  });
  afterAll(async () => {
    await h.close();
  });

  it('describes the program, what is included and the seasonal price of every departure', async () => {
    const res = await h.gql<{ _entities: PackageView[] }>(PACKAGE, { id: packageId });
    expect(res.errors).toBeUndefined();
    const pkg = res.data!._entities[0]!;
    expect(pkg.minGroupSize).toBe(2);
    expect(pkg.inclusions).toEqual(['Hotel, 2 nights', 'Guided walks']);
    expect(pkg.exclusions).toEqual(['Flights', 'Travel insurance']);
    expect(pkg.itinerary.map((d) => [d.day, d.title])).toEqual([
      [1, 'Arrival'],
      [2, 'Sete Cidades'],
      [3, 'Tea fields'],
    ]);
    expect(pkg.seasons).toEqual([{ name: 'High season', startsOn: '2030-07-01', endsOn: '2030-08-31', priceMultiplier: 1.3 }]);
    // 99 999 × 1.3 × 1.1 = 142 998.57 → rounded half up once, at the end.
    expect(pkg.departures).toEqual([
      { date: '2030-06-15', placesLeft: 10, priceMultiplier: 1, price: { amount: 99_999 }, season: null },
      { date: '2030-07-15', placesLeft: 10, priceMultiplier: 1.43, price: { amount: 142_999 }, season: { name: 'High season' } },
    ]);
  });

  it('enforces the group size on hold and prices the hold with the season', async () => {
    const hold = (travelers: number) =>
      h.gql<{ holdPackage: { packageHold: { travelers: number; price: { amount: number } } | null; errors: (UserErrorView & { field: string })[] } }>(
        HOLD_PACKAGE,
        { input: { packageId, date: '2030-07-15', travelers } },
        newViewer(),
      );
    expect((await hold(1)).data!.holdPackage.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'travelers' }]);
    expect((await hold(7)).data!.holdPackage.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'travelers' }]);
    expect((await hold(2)).data!.holdPackage.packageHold).toEqual({ travelers: 2, price: { amount: 285_998 } });
  });

  it('refuses seasons that end before they start and group sizes that do not fit', async () => {
    await expect(h.server.services.catalog.upsertPackageSeasons([{ packageId, name: 'Bad', startsOn: '2030-09-02', endsOn: '2030-09-01', priceMultiplier: 1 }])).rejects.toThrow(/endsOn/);
    await expect(
      h.server.services.catalog.insertPackages([
        { title: 'x', description: 'x', destinationCity: 'x', destinationCountry: 'x', category: 'x', durationDays: 1, priceMinor: 1, currency: 'EUR', minGroupSize: 5, maxGroupSize: 2 },
      ]),
    ).rejects.toThrow(/minGroupSize/);
  });
});
