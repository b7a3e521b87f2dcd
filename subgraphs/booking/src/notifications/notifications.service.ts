import { parseInput, type Executor, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { Clock } from '@travel/platform';
import type { NewNotification, NotificationCursor, NotificationsRepository, NotificationView } from './notifications.repository.js';

/** The role whose holders hear about every disruption of their organization. */
export const TRAVEL_ADMIN_ROLE = 'travel_admin' as const;

const markInput = z.object({
  ids: z.array(z.uuid({ error: 'ids holds notification ids' })).max(500, { error: 'at most 500 ids at once' }).nullish(),
});

/**
 * The in-app inbox. Notifications are written in the transaction of what they
 * announce; a person sees those addressed to them and to the roles they hold.
 */
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async notify(values: NewNotification[], tx: Executor): Promise<void> {
    await this.repository.insert(values, tx);
  }

  list(viewer: Viewer, unreadOnly: boolean, limit: number, after: NotificationCursor | null): Promise<NotificationView[]> {
    return this.repository.list(this.recipient(viewer), unreadOnly, limit, after);
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return this.repository.unreadCount(this.recipient(viewer));
  }

  async markRead(viewer: Viewer, input: unknown): Promise<string[]> {
    const data = parseInput(markInput, input ?? {});
    return this.repository.markRead(this.recipient(viewer), data.ids ?? null, this.clock.now());
  }

  private recipient(viewer: Viewer) {
    return { orgId: viewer.orgId, personId: viewer.personId, roles: viewer.roles };
  }
}
