import type { Database, Transaction } from '../db/database.js';
import type { NewEvent } from './catalog.js';
import type { Outbox } from './outbox.js';
import type { OutboxRelay } from './relay.js';

/** What a service gets inside a unit of work: the transaction and a way to announce events in it. */
export interface WorkScope {
  tx: Transaction;
  emit(events: NewEvent | NewEvent[]): Promise<void>;
}

/**
 * Runs `fn` in one database transaction; events emitted in it are written to
 * the outbox in that same transaction, and the relay is woken after commit.
 */
export class UnitOfWork {
  constructor(
    readonly db: Database,
    private readonly outbox: Outbox,
    private readonly relay: Pick<OutboxRelay, 'wake'>,
  ) {}

  async run<T>(fn: (scope: WorkScope) => Promise<T>): Promise<T> {
    let emitted = false;
    const result = await this.db.transaction(async (tx) =>
      fn({
        tx,
        emit: async (events) => {
          emitted = true;
          await this.outbox.record(tx, events);
        },
      }),
    );
    if (emitted) this.relay.wake();
    return result;
  }
}
