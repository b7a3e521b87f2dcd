import { describe, expect, it } from 'vitest';
import { demoCatalogData, demoPackageCalendar, PACKAGE_DETAILS, PACKAGES } from '../src/demo/catalog.js';

describe('demo packages', () => {
  it('gives every demo package inclusions, exclusions and a program', () => {
    for (const p of PACKAGES) {
      const details = PACKAGE_DETAILS[p.title];
      expect(details, p.title).toBeDefined();
      expect(details!.inclusions.length).toBeGreaterThan(0);
      expect(details!.days.length).toBeLessThanOrEqual(p.durationDays);
    }
    const offsite = demoCatalogData(new Date('2030-03-04T00:00:00Z')).packages.find((p) => p.category === 'corporate')!;
    expect(offsite.minGroupSize).toBe(8);
  });

  it('schedules Saturday departures for 60 days and seasons of this year and the next, the year-end one across new year', () => {
    const calendar = demoPackageCalendar([{ id: 'p1', title: 'London Theatre Weekend', maxGroupSize: 12 }], new Date('2030-03-04T09:00:00Z'));
    expect(calendar.departures.map((d) => d.date)).toEqual(['2030-03-09', '2030-03-16', '2030-03-23', '2030-03-30', '2030-04-06', '2030-04-13', '2030-04-20', '2030-04-27']);
    expect(calendar.departures[0]).toMatchObject({ capacity: 24, priceMultiplier: 1 });
    expect(calendar.seasons.map((s) => [s.name, s.startsOn, s.endsOn])).toEqual([
      ['Year-end holidays', '2030-12-20', '2031-01-04'],
      ['Summer', '2030-07-01', '2030-08-31'],
      ['Year-end holidays', '2031-12-20', '2032-01-04'],
      ['Summer', '2031-07-01', '2031-08-31'],
    ]);
    expect(calendar.itinerary.map((d) => d.day)).toEqual([1, 2, 3]);
  });
});
