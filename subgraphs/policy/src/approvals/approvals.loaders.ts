import { alignByKey, childrenLoader } from '@travel/platform';
import DataLoader from 'dataloader';
import type { ApprovalsRepository, ComplianceCounts } from './approvals.repository.js';
import type { ApprovalActionRow, ApprovalRequestRow, ApprovalStepRow } from './approvals.tables.js';

export interface ApprovalLoaders {
  request: DataLoader<string, ApprovalRequestRow | null>;
  requestOfBooking: DataLoader<string, ApprovalRequestRow | null>;
  steps: DataLoader<string, ApprovalStepRow[]>;
  history: DataLoader<string, ApprovalActionRow[]>;
  compliance: DataLoader<string, ComplianceCounts | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: readonly string[]) => ids.filter((id) => UUID.test(id));

/** Per-request loaders, every query scoped to the caller's organization. */
export function createApprovalLoaders(orgOf: () => string, repo: ApprovalsRepository): ApprovalLoaders {
  return {
    request: new DataLoader(async (ids) => alignByKey(ids, await repo.findRequests(orgOf(), uuids(ids)), (r) => r.id)),
    requestOfBooking: new DataLoader(async (ids) => alignByKey(ids, await repo.requestsForBookings(orgOf(), uuids(ids)), (r) => r.bookingId)),
    steps: childrenLoader((ids) => repo.stepsOf(orgOf(), uuids(ids)), (s) => s.requestId),
    history: childrenLoader((ids) => repo.actionsOf(orgOf(), uuids(ids)), (a) => a.requestId),
    compliance: new DataLoader(async (ids) => alignByKey(ids, await repo.complianceOf(orgOf(), uuids(ids)), (c) => c.travelerId)),
  };
}

/** A subscription keeps one context for its whole life, so each event is read afresh rather than from the first event's cache. */
export function clearApprovalLoaders(loaders: ApprovalLoaders): void {
  for (const loader of Object.values(loaders)) (loader as DataLoader<string, unknown>).clearAll();
}
