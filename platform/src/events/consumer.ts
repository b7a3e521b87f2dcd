import { sql } from 'drizzle-orm';
import type { SubgraphName } from '../config.js';
import type { Logger } from '../logger.js';
import type { EventBus, Subscription } from './bus.js';
import { streamOf, type DomainEvent, type EventType } from './catalog.js';
import type { InboxTable } from './outbox.js';
import type { CommitScope, UnitOfWork } from './unit-of-work.js';

export type EventHandlers = { [T in EventType]?: (event: DomainEvent<T>, scope: CommitScope) => Promise<void> };

/**
 * Subscribes a subgraph's handlers to the streams of the subgraphs it listens
 * to. Each event is handled at most once per handler group: the inbox row and
 * the handler's writes (including any events it emits) commit together.
 */
export async function consumeEvents(opts: {
  bus: EventBus;
  group: string;
  from: SubgraphName[];
  uow: UnitOfWork;
  inbox: InboxTable;
  handlers: EventHandlers;
  logger: Logger;
}): Promise<Subscription> {
  return opts.bus.subscribe({
    group: opts.group,
    streams: opts.from.map(streamOf),
    handler: async (event) => {
      const handler = opts.handlers[event.type] as ((e: DomainEvent, s: CommitScope) => Promise<void>) | undefined;
      if (!handler) return;
      await opts.uow.run(async (scope) => {
        const claimed = await scope.tx
          .insert(opts.inbox)
          .values({ handler: opts.group, eventId: event.id })
          .onConflictDoNothing()
          .returning({ eventId: opts.inbox.eventId });
        if (claimed.length === 0) return;
        await handler(event, scope);
      });
      opts.logger.debug({ eventId: event.id, type: event.type, group: opts.group }, 'event handled');
    },
  });
}

/** True when the inbox already records this event for the group (for handlers that call out before writing). */
export async function alreadyHandled(uow: UnitOfWork, inbox: InboxTable, group: string, eventId: string): Promise<boolean> {
  const rows = await uow.db
    .select({ one: sql<number>`1` })
    .from(inbox)
    .where(sql`${inbox.handler} = ${group} and ${inbox.eventId} = ${eventId}`)
    .limit(1);
  return rows.length > 0;
}
