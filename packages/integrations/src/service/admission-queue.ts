/** A slot in the service: call `release` once the work is done. */
export type Release = () => void;

/** Bounds work: `maxActive` at once, `maxQueued` waiting; beyond that a request is refused. */
export interface AdmissionQueue {
  /** A promise of a slot, or `undefined` when the queue is full (answer 503). */
  tryAcquire(): Promise<Release> | undefined;
  readonly active: number;
  readonly queued: number;
}

/** Creates an admission queue. @param maxActive work at once (≥ 1) @param maxQueued waiting (≥ 0) */
export function createAdmissionQueue(maxActive: number, maxQueued: number): AdmissionQueue {
  let active = 0;
  const waiting: ((release: Release) => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next(once());
    else active--;
  };
  const once = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return {
    tryAcquire() {
      if (active < maxActive) {
        active++;
        return Promise.resolve(once());
      }
      if (waiting.length >= maxQueued) return undefined;
      return new Promise<Release>((resolve) => waiting.push(resolve));
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
  };
}
