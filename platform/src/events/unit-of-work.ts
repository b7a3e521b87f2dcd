import type { Database, Transaction } from '../db/database.js';
import type { NewEvent } from './catalog.js';
import type { Outbox } from './outbox.js';
import type { OutboxRelay } from './relay.js';

/** What a service gets inside a unit of work: the transaction and a way to announce events in it. */
export interface WorkScope {
  tx: Transaction;
  emit(events: NewEvent | NewEvent[]): Promise<void>;
}

/** A unit of work's scope with a hook for what must wait until the commit: live updates read by subscribers. */
export interface CommitScope extends WorkScope {
  /** Runs `fn` once the transaction committed (never after a rollback); its failure is ignored, since nothing can be undone then. */
  afterCommit(fn: () => void | Promise<void>): void;
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

  async run<T>(fn: (scope: CommitScope) => Promise<T>): Promise<T> {
    let emitted = false;
    const committed: (() => void | Promise<void>)[] = [];
    const result = await this.db.transaction(async (tx) =>
      fn({
        tx,
        emit: async (events) => {
          emitted = true;
          await this.outbox.record(tx, events);
        },
        afterCommit: (hook) => {
          committed.push(hook);
        },
      }),
    );
    if (emitted) this.relay.wake();
    await Promise.allSettled(committed.map(async (hook) => hook()));
    return result;
  }
}
