import { alignByKey, childrenLoader, requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import { createApprovalLoaders, type ApprovalLoaders } from './approvals/approvals.loaders.js';
import type { EvaluationRow, PolicyRuleRow, PolicyVersionRow } from './db/schema.js';
import { travelerFacts } from './evaluation/booking-facts.js';
import type { OfferVerdict } from './evaluation/evaluations.service.js';
import type { OfferFacts } from './evaluation/offer-facts.js';
import type { PolicyServices } from './server.js';

export interface PolicyLoaders {
  /** Rules of a policy version by version id, lowest priority number first. */
  rules: DataLoader<string, PolicyRuleRow[]>;
  /** Versions of a policy by policy id, newest first. */
  versions: DataLoader<string, PolicyVersionRow[]>;
  /** Latest evaluation by booking id. */
  latestEvaluation: DataLoader<string, EvaluationRow | null>;
  /**
   * The caller's verdict on an offer: every offer asked for in one tick (one
   * `_entities` request of the router carries a whole search page) is judged
   * in one pass with one rule load.
   */
  offerVerdict: DataLoader<OfferFacts, OfferVerdict, string>;
  approvals: ApprovalLoaders;
}

export interface PolicyContext extends BaseContext {
  services: PolicyServices;
  loaders: PolicyLoaders;
}

/** Booking ids come from other subgraphs' representations; anything that is not a UUID cannot match a row. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loaders are per request and scoped to the caller's organization inside their queries. */
export function createContext(base: BaseContext, services: PolicyServices): PolicyContext {
  const orgOf = () => requireViewer(base.viewer).orgId;
  const { policies, evaluations } = services.repositories;
  return {
    ...base,
    services,
    loaders: {
      rules: childrenLoader((ids) => policies.rulesOf(orgOf(), ids), (r) => r.versionId),
      versions: childrenLoader((ids) => policies.versionsOf(orgOf(), ids), (v) => v.policyId),
      latestEvaluation: new DataLoader(async (ids) => {
        const rows = await evaluations.latestForBookings(orgOf(), ids.filter((id) => UUID.test(id)));
        return alignByKey(ids, rows, (r) => r.bookingId);
      }),
      offerVerdict: new DataLoader(
        async (offers) => {
          const viewer = requireViewer(base.viewer);
          // The searching traveler is the caller; their level and department come from customer, read once per batch.
          const traveler = await services.facts.readTraveler(viewer.personId, base.identity);
          return services.evaluations.judgeOffers(viewer.orgId, travelerFacts(traveler), offers);
        },
        { cacheKeyFn: (offer) => offer.offerId },
      ),
      approvals: createApprovalLoaders(orgOf, services.repositories.approvals),
    },
  };
}
