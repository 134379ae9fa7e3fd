import { JudgekitError } from '../errors/judgekit-error.js';
import type { AnyGraderPlugin, GraderCreateContext } from '../plugin/grader-plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { type Transcript, type TranscriptInput, TranscriptSchema } from '../schemas/transcript.js';
import type { Verdict } from '../schemas/verdict.js';
import { DEFAULT_CONCURRENCY } from './default-concurrency.js';
import { gradeUnit } from './grade-unit.js';
import { mapConcurrent } from './map-concurrent.js';
import { type PreparedGrader, prepareGraders } from './prepare-graders.js';
import { concurrencyOption } from './whole-number-option.js';

/** Options of `grade` and `gradeMany`. */
export interface GradeOptions {
  /** The grader's options (validated by its config schema). */
  options?: unknown;
  /** The grader's name on its verdicts; defaults to the plugin id. */
  name?: string;
  signal?: AbortSignal;
  /** Creation context; defaults to `process.env` and the current directory. */
  context?: Partial<GraderCreateContext>;
}

function prepareOne(grader: AnyGraderPlugin | PreparedGrader, options: GradeOptions): PreparedGrader {
  if ('instance' in grader) return grader;
  const [prepared] = prepareGraders(
    [{ use: grader.id, name: options.name, options: options.options }],
    createRegistry([grader]),
    { env: process.env, cwd: process.cwd(), ...options.context },
  );
  return prepared!;
}

function checkTranscriptGrader(grader: PreparedGrader): void {
  if (grader.instance.type !== 'transcript') {
    throw new JudgekitError({
      message: `${grader.plugin.id} is a corpus grader; use runGrading or its analyze() over a corpus`,
    });
  }
}

/**
 * Grades one transcript with one grader, without a run directory: the library entry point for
 * other harnesses. Evidence quotes are verified; a grader that throws yields `error` verdicts.
 */
export async function grade(
  transcript: Transcript | TranscriptInput,
  grader: AnyGraderPlugin | PreparedGrader,
  options: GradeOptions = {},
): Promise<Verdict[]> {
  const prepared = prepareOne(grader, options);
  checkTranscriptGrader(prepared);
  const signal = options.signal ?? new AbortController().signal;
  const verdicts = await gradeUnit(TranscriptSchema.parse(transcript), prepared, signal);
  if (!verdicts) throw signal.reason ?? new Error('aborted');
  return verdicts;
}

/**
 * Grades many transcripts with one grader at bounded concurrency, yielding verdicts as they are
 * made (in completion order).
 * @param options.concurrency transcripts graded at once: a whole number ≥ 1, default
 * {@link DEFAULT_CONCURRENCY} (16) when left out; anything else throws a `ConfigError` when
 * iteration starts
 */
export async function* gradeMany(
  transcripts: AsyncIterable<Transcript | TranscriptInput> | Iterable<Transcript | TranscriptInput>,
  grader: AnyGraderPlugin | PreparedGrader,
  options: GradeOptions & { concurrency?: number } = {},
): AsyncGenerator<Verdict> {
  const concurrency = concurrencyOption(options.concurrency, DEFAULT_CONCURRENCY);
  const prepared = prepareOne(grader, options);
  checkTranscriptGrader(prepared);
  const signal = options.signal ?? new AbortController().signal;
  const ready: Verdict[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: { error: unknown } | undefined;
  const work = mapConcurrent(
    transcripts,
    concurrency,
    async (item) => {
      const verdicts = await gradeUnit(TranscriptSchema.parse(item), prepared, signal);
      if (verdicts) ready.push(...verdicts);
      wake?.();
    },
    signal,
  ).then(
    () => {
      finished = true;
      wake?.();
    },
    (error: unknown) => {
      failure = { error };
      finished = true;
      wake?.();
    },
  );
  while (true) {
    while (ready.length > 0) yield ready.shift()!;
    if (failure) throw failure.error;
    if (finished) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
  }
  await work;
}
