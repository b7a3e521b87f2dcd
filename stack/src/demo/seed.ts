import type { Progress } from '../progress.js';
import type { SubgraphServers } from '../subgraphs.js';
import { demoCatalogData, demoPackageCalendar } from './catalog.js';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, demoEmail } from './organizations.js';
import { DEMO_POLICY } from './policy.js';

const FLIGHT_BATCH = 500;

/**
 * Loads the demo world once: the catalog (airports, airlines, flights with
 * seats for the coming weeks, hotels, packages), then the two organizations
 * with their people and policy. The last organization is the marker that
 * seeding finished; catalog inserts are idempotent, so a start interrupted
 * half-way simply seeds again.
 */
export async function seedDemoDataIfEmpty(servers: SubgraphServers, progress: Progress, today = new Date()): Promise<boolean> {
  const marker = DEMO_ORGANIZATIONS.at(-1)!.slug;
  if (await servers.customer.services.repositories.organizations.findBySlug(marker)) return false;

  progress.step('first start: generating demo data');
  const catalog = servers.inventory.services.catalog;
  const data = demoCatalogData(today);
  await catalog.upsertAirports(data.airports);
  await catalog.upsertAirlines(data.airlines);
  progress.step(`${data.airports.length} airports and ${data.airlines.length} airlines`);

  let seats = 0;
  for (let i = 0; i < data.flights.length; i += FLIGHT_BATCH) {
    const batch = data.flights.slice(i, i + FLIGHT_BATCH);
    seats += (await catalog.insertFlights(batch)).seats;
    progress.count('flights', Math.min(i + FLIGHT_BATCH, data.flights.length), data.flights.length);
  }
  progress.step(`${seats.toLocaleString('en-US')} seats`);
  const { hotels, roomTypes } = await catalog.insertHotels(data.hotels);
  await catalog.insertPackages(data.packages);
  const calendar = demoPackageCalendar(await servers.inventory.services.repositories.packages.list(100, null), today);
  await catalog.upsertPackageItinerary(calendar.itinerary);
  await catalog.upsertPackageSeasons(calendar.seasons);
  await catalog.upsertPackageDepartures(calendar.departures);
  progress.step(`${hotels.length} hotels with ${roomTypes} room types, ${data.packages.length} packages`);

  for (const org of DEMO_ORGANIZATIONS) {
    const existing = await servers.customer.services.repositories.organizations.findBySlug(org.slug);
    const organization =
      existing ??
      (
        await servers.customer.services.organizations.provision({
          name: org.name,
          slug: org.slug,
          tier: org.tier,
          settings: { autoRebook: org.tier === 'enterprise', allowedEmailDomains: [org.domain] },
          people: org.people.map((p) => ({ ...p, email: demoEmail(p.name, org.domain), password: DEMO_PASSWORD })),
        })
      ).organization;
    await servers.policy.services.policies.createPolicy(organization.id, DEMO_POLICY);
    progress.step(`${org.name}: ${org.people.length} people and a travel policy`);
  }
  return true;
}
