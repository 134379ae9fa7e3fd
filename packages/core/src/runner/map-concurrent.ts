/**
 * Runs `task` over `source` with at most `concurrency` tasks in flight, pulling the source lazily
 * (a stream is never read far ahead of the work). Stops pulling when `signal` aborts; waits for
 * the tasks in flight. A task that throws stops the whole map with that error.
 */
export async function mapConcurrent<T>(
  source: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  task: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (source as Iterable<T>)[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  let done = false;
  let reading: Promise<unknown> = Promise.resolve();

  const next = async (): Promise<IteratorResult<T>> => {
    // Serialize reads: async iterators must not be called concurrently.
    const result = reading.then(() => iterator.next());
    reading = result.catch(() => undefined);
    return result;
  };

  const worker = async () => {
    while (!done && !failure && !signal?.aborted) {
      let result: IteratorResult<T>;
      try {
        result = await next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (result.done) {
        done = true;
        return;
      }
      try {
        await task(result.value);
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };

  const workers = Array.from({ length: Math.max(1, Math.floor(concurrency)) }, worker);
  await Promise.all(workers);
  if (!done) await iterator.return?.();
  if (failure) throw failure.error;
}
