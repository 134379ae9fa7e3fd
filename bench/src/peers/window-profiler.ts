import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

/** A profiler started for one window of a process; `stop` writes what it recorded. */
export interface WindowProfiler {
  stop(file: string): Promise<void>;
}

/**
 * Profiles one window of a process (the measured run, without module loading and set-up): `cpu`
 * writes a `.cpuprofile`, `heap` a sampling allocation profile (`.heapprofile`: bytes allocated by
 * each function, every 32 kB on average, including what was collected since), both for Chrome
 * DevTools.
 */
export async function startProfiler(kind: 'cpu' | 'heap' = 'cpu'): Promise<WindowProfiler> {
  const session = new Session();
  session.connect();
  if (kind === 'heap') {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 32 * 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    return {
      async stop(file) {
        const { profile } = await session.post('HeapProfiler.stopSampling');
        await writeFile(file, JSON.stringify(profile));
        session.disconnect();
      },
    };
  }
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
