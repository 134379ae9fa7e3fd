import { concurrencyOption } from './whole-number-option.js';

/**
 * Runs `task` over `source` with at most `concurrency` tasks in flight, pulling the source lazily
 * (a stream is never read far ahead of the work). Stops pulling when `signal` aborts; waits for
 * the tasks in flight. A task that throws stops the whole map with that error.
 * @param concurrency a whole number ≥ 1; anything else throws a `ConfigError` before any task starts
 */
export async function mapConcurrent<T>(
  source: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  task: (item: T) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (source as Iterable<T>)[Symbol.iterator]();
  let ended = false;
  try {
    ended = await mapConcurrentBatches(
      async () => {
        const result = await iterator.next();
        return result.done ? undefined : [result.value];
      },
      concurrency,
      task,
      signal,
    );
  } finally {
    if (!ended) await iterator.return?.();
  }
}

/**
 * `mapConcurrent` over a source that hands out items in batches (`undefined` when it is done):
 * workers take items from the batch pulled last without a round trip to the source each, and a
 * task that returns no promise is not awaited, so a source or task that is cheap per item does not
 * pay a promise chain per item. The source is pulled by one worker at a time, and only when every
 * item pulled before has been started. Resolves `true` when the source ended, `false` when the map
 * stopped early (abort, or a failure, which it then throws). A `concurrency` that is not a whole
 * number ≥ 1 throws a `ConfigError` before the source is pulled.
 */
export async function mapConcurrentBatches<T>(
  pull: () => Promise<readonly T[] | undefined>,
  concurrency: number,
  task: (item: T) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<boolean> {
  const workerCount = concurrencyOption(concurrency);
  let batch: readonly T[] = [];
  let next = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  let pulling: Promise<void> | undefined;

  // Serialized: async iterators must not be called concurrently.
  const refill = (): Promise<void> => {
    pulling ??= pull().then(
      (items) => {
        pulling = undefined;
        if (items === undefined) ended = true;
        else {
          batch = items;
          next = 0;
        }
      },
      (error: unknown) => {
        pulling = undefined;
        failure ??= { error };
      },
    );
    return pulling;
  };

  const worker = async () => {
    while (!failure && !signal?.aborted) {
      if (next === batch.length) {
        if (ended) return;
        await refill();
        continue;
      }
      const item = batch[next++]!;
      try {
        const pending = task(item);
        if (pending) await pending;
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };

  const workers = Array.from({ length: workerCount }, worker);
  await Promise.all(workers);
  if (failure) throw failure.error;
  return ended && next === batch.length;
}
