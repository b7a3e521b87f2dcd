import type { PolicyServices } from '@travel/policy';

type CreatePolicyInput = Parameters<PolicyServices['policies']['createPolicy']>[1];

/** A corporate travel policy in the spirit of the seed's examples: one hard stop, two soft warnings, one tracker. */
export const DEMO_POLICY: CreatePolicyInput = {
  name: 'Corporate travel policy 2026',
  rules: [
    {
      name: 'First class is for executives',
      action: 'hard_stop',
      priority: 10,
      condition: { all: [{ field: 'segment.cabin', op: 'eq', value: 'first' }, { field: 'traveler.level', op: 'lt', value: 'vp' }] },
      message: 'First class is reserved for VPs and executives.',
    },
    {
      name: 'Business class only on long flights',
      action: 'soft_warning',
      priority: 20,
      condition: { all: [{ field: 'segment.cabin', op: 'in', value: ['business', 'first'] }, { field: 'segment.durationMinutes', op: 'lt', value: 360 }] },
      message: 'Business class on flights under 6 hours needs your manager’s approval.',
    },
    {
      name: 'Book at least 3 days ahead',
      action: 'soft_warning',
      priority: 30,
      condition: { field: 'booking.advanceDays', op: 'lt', value: 3 },
      message: 'Trips booked less than 3 days ahead need approval.',
    },
    {
      name: 'Track trips above 2,500',
      action: 'track_only',
      priority: 90,
      condition: { field: 'booking.totalAmount', op: 'gt', value: 250_000 },
      message: 'Trip total above 2,500 is reported to finance.',
    },
  ],
};
