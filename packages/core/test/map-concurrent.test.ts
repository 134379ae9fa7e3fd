import { describe, expect, it } from 'vitest';
import { ConfigError, mapConcurrent } from '../src/index.js';
import { mapConcurrentBatches } from '../src/runner/map-concurrent.js';
import { BAD_CONCURRENCY } from './helpers/bad-concurrency.js';

async function* numbers(count: number, returned: { value: boolean }) {
  try {
    for (let index = 0; index < count; index++) yield index;
  } finally {
    returned.value = true;
  }
}

describe('mapConcurrent', () => {
  it('runs every item once, synchronous and asynchronous tasks alike', async () => {
    const seen: number[] = [];
    await mapConcurrent(numbers(50, { value: false }), 4, (item) => {
      seen.push(item);
      if (item % 2 === 0) return new Promise((resolve) => setTimeout(resolve, 1));
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index));
  });

  it('never has more tasks in flight than the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    await mapConcurrent([...Array(30).keys()], 3, async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
    });
    expect(peak).toBe(3);
  });

  it('stops at a synchronous throw, closing the source, and throws it', async () => {
    const returned = { value: false };
    const started: number[] = [];
    await expect(
      mapConcurrent(numbers(100, returned), 2, (item) => {
        started.push(item);
        if (item === 5) throw new Error('five');
      }),
    ).rejects.toThrow('five');
    expect(returned.value).toBe(true);
    expect(started.length).toBeLessThan(100);
  });

  it('stops pulling when the signal aborts and closes the source', async () => {
    const returned = { value: false };
    const controller = new AbortController();
    const started: number[] = [];
    await mapConcurrent(
      numbers(100, returned),
      2,
      async (item) => {
        started.push(item);
        if (item === 3) controller.abort();
        await Promise.resolve();
      },
      controller.signal,
    );
    expect(started.length).toBeLessThan(10);
    expect(returned.value).toBe(true);
  });

  it('throws what the source throws', async () => {
    async function* failing() {
      yield 1;
      throw new Error('source broke');
    }
    await expect(mapConcurrent(failing(), 2, () => undefined)).rejects.toThrow('source broke');
  });
});

describe('mapConcurrentBatches', () => {
  it('pulls the next batch only when every item pulled before has started', async () => {
    const batches = [[1, 2, 3], [], [4], [5, 6]];
    const events: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const ended = await mapConcurrentBatches(
      async () => {
        events.push('pull');
        return batches.shift();
      },
      2,
      async (item) => {
        events.push(`start ${item}`);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
      },
    );
    expect(ended).toBe(true);
    expect(peak).toBe(2);
    // each pull comes after every item of the batch before it has started
    const starts = (through: number) => events.slice(0, events.indexOf(`start ${through}`) + 1);
    expect(starts(3).filter((event) => event === 'pull')).toHaveLength(1);
    expect(events.filter((event) => event.startsWith('start'))).toHaveLength(6);
  });

  it('runs the items of a batch in order when the tasks are synchronous', async () => {
    const batches = [
      ['a', 'b', 'c'],
      ['d', 'e'],
    ];
    const order: string[] = [];
    await mapConcurrentBatches(
      async () => batches.shift(),
      8,
      (item) => {
        order.push(item);
      },
    );
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it.each(BAD_CONCURRENCY.filter(([value]) => value !== null))(
    'refuses concurrency %s before running any task, naming the option and the value',
    async (value, shown) => {
      const returned = { value: false };
      const seen: number[] = [];
      const error = await mapConcurrent(numbers(5, returned), value as number, (item) => {
        seen.push(item);
      }).catch((caught: unknown) => caught);
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe(
        `concurrency: must be a whole number from 1 to 10000; got ${shown}`,
      );
      expect(seen).toEqual([]);
    },
  );
});
