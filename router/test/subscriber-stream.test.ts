import { describe, expect, it } from 'vitest';
import { SubscriberStream } from '../src/subscriptions/subscriber-stream.js';

const result = (n: number) => ({ data: { n } });

describe('a subscriber’s bounded queue', () => {
  it('keeps only the newest results for a subscriber that does not read, and marks the first one it then reads', async () => {
    const stream = new SubscriberStream(4, () => {});
    for (let n = 1; n <= 10; n += 1) stream.push(result(n));
    expect(stream.size).toBe(4);
    expect(stream.dropped).toBe(6);

    const read = [];
    for (let i = 0; i < 4; i += 1) read.push((await stream.next()).value);
    expect(read).toEqual([{ data: { n: 7 }, extensions: { eventsMayHaveBeenMissed: true } }, result(8), result(9), result(10)]);
  });

  it('carries an upstream interruption to the next result only', async () => {
    const stream = new SubscriberStream(4, () => {});
    stream.push(result(1), true);
    stream.push(result(2));
    expect((await stream.next()).value).toEqual({ data: { n: 1 }, extensions: { eventsMayHaveBeenMissed: true } });
    expect((await stream.next()).value).toEqual(result(2));
  });

  it('ends a pending read at once on return(), and detaches exactly once', async () => {
    let closed = 0;
    const stream = new SubscriberStream(4, () => {
      closed += 1;
    });
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    stream.push(result(1));
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });

  it('delivers what is queued after end(), then completes', async () => {
    let closed = 0;
    const stream = new SubscriberStream(4, () => {
      closed += 1;
    });
    stream.push(result(1));
    stream.end();
    stream.push(result(2));
    expect(await stream.next()).toEqual({ value: result(1), done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});
