import {
  InvalidTranscriptError,
  mapConcurrent,
  type PreparedGrader,
  type Transcript,
  type TranscriptGrader,
  type TranscriptSourceItem,
} from '@judgekit/core';
import { isBatchable } from './batch-graders.js';

/** What a collecting pass read. */
export interface CollectingPass {
  /** Valid transcripts with a distinct id. */
  transcripts: number;
  /** Units (transcript × batchable grader) graded in the pass. */
  units: number;
}

/**
 * Runs the batchable graders (already on collecting judges) over every transcript, so that each
 * judge request not in the response cache is set aside; the verdicts are thrown away. Invalid
 * records and repeated ids are handled as the runner does: `fail` stops at the first.
 */
export async function collectRequests(options: {
  transcripts: AsyncIterable<TranscriptSourceItem> | Iterable<TranscriptSourceItem>;
  graders: readonly PreparedGrader[];
  concurrency: number;
  onInvalid: 'fail' | 'skip';
  signal: AbortSignal;
}): Promise<CollectingPass> {
  const graders = options.graders.filter(isBatchable);
  const seen = new Set<string>();
  const pass: CollectingPass = { transcripts: 0, units: 0 };
  async function* units(): AsyncGenerator<{ transcript: Transcript; grader: PreparedGrader }> {
    for await (const item of options.transcripts) {
      if (!item.ok) {
        if (options.onInvalid === 'fail') throw item.error;
        continue;
      }
      const { transcript } = item;
      if (seen.has(transcript.id)) {
        if (options.onInvalid === 'fail') {
          throw new InvalidTranscriptError({
            file: transcript.source?.file,
            path: 'id',
            reason: `duplicate transcript id "${transcript.id}"`,
          });
        }
        continue;
      }
      seen.add(transcript.id);
      pass.transcripts++;
      for (const grader of graders) yield { transcript, grader };
    }
  }
  await mapConcurrent(
    units(),
    options.concurrency,
    async ({ transcript, grader }) => {
      pass.units++;
      try {
        await (grader.instance as TranscriptGrader).grade(transcript, { signal: options.signal });
      } catch (error) {
        // a grader failure is recorded by the runner when the run finishes; only an abort stops the pass
        if (options.signal.aborted) throw error;
      }
    },
    options.signal,
  );
  return pass;
}
