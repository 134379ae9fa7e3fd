import { basename } from 'node:path';
import { ConfigError, type GoldLabel, type Rating, type Transcript, type Verdict } from '@judgekit/core';
import { goldLabelsFromTranscripts } from '../gold/gold-labels-from-transcripts.js';
import { indexGoldLabels } from '../gold/index-gold-labels.js';
import { readGoldLabels } from '../gold/read-gold-labels.js';
import { loadRun, type RunData } from '../run/load-run.js';
import { readRunTranscripts, type TranscriptFileReader } from '../run/read-run-transcripts.js';
import { agreementReport } from './agreement-report.js';
import type { AgreementReport } from './agreement-report-schema.js';
import { disagreementQueue } from './disagreement-queue.js';
import type { DisagreementQueueRecord } from './disagreement-queue-schema.js';
import { majorityRatings } from './majority-ratings.js';
import { parseRatingItemId } from './rating-item-id.js';
import { ratingsFromGoldLabels, ratingsFromVerdicts } from './ratings-from-verdicts.js';

/** Options of `agreeRuns`. */
export interface AgreeRunsOptions {
  runDirs: readonly string[];
  /** More ratings to compare (long format, e.g. from `readRatings`): other annotators, other judges. */
  ratings?: readonly Rating[];
  /** Add a `majority` pseudo-rater: the most common value of these raters per item (ties missing). */
  majorityOf?: readonly string[];
  /** Compare every rater with this one (e.g. `majority` or a gold annotator), missing = disagreement. */
  reference?: string;
  /** Add the gold labels embedded in the graded transcripts as raters (one per annotator). */
  withGold?: boolean;
  /** Labels JSONL files whose annotators join as raters (e.g. a second, blind annotator). */
  goldFiles?: readonly string[];
  /** Reads the runs' input files; needed for `withGold` and for environment clusters. */
  readTranscripts?: TranscriptFileReader;
  cwd?: string;
  level?: number;
  resamples?: number;
  seed?: number;
  /** At most this many items in the disagreement queue (default all). */
  queueLimit?: number;
}

/** Agreement among the graders (and annotators) of one or more runs, and the disagreement queue. */
export interface RunsAgreement {
  report: AgreementReport;
  queue: DisagreementQueueRecord[];
  runs: RunData[];
  transcripts: Transcript[];
}

/**
 * The rater name of each verdict: its grader's configured name, prefixed with the run
 * directory's name when two runs use the same grader name.
 */
function raterNames(runs: readonly RunData[]): (run: RunData, verdict: Verdict) => string {
  const owners = new Map<string, Set<string>>();
  for (const run of runs)
    for (const grader of run.manifest.graders) {
      const set = owners.get(grader.name) ?? new Set();
      set.add(run.runDir);
      owners.set(grader.name, set);
    }
  return (run, verdict) =>
    (owners.get(verdict.grader.name)?.size ?? 1) > 1
      ? `${basename(run.runDir)}/${verdict.grader.name}`
      : verdict.grader.name;
}

/**
 * `judgekit agree`: reads run directories and reports agreement among their graders per dimension
 * (labels on the nominal scale, scores on the interval scale), optionally with human annotators as
 * raters, plus the ranked disagreement queue with every rater's evidence.
 */
export async function agreeRuns(options: AgreeRunsOptions): Promise<RunsAgreement> {
  if (options.runDirs.length === 0 && !options.ratings?.length)
    throw new ConfigError({ path: 'runDirs', reason: 'give at least one run directory or a ratings file' });
  const runs = await Promise.all(options.runDirs.map((runDir) => loadRun(runDir)));
  const notes: string[] = [];
  const transcripts: Transcript[] = [];
  const seen = new Set<string>();
  if (options.readTranscripts) {
    for (const run of runs) {
      try {
        const read = await readRunTranscripts(run.runDir, run.manifest, {
          readTranscripts: options.readTranscripts,
          ...(options.cwd ? { cwd: options.cwd } : {}),
        });
        for (const transcript of read.transcripts) {
          if (seen.has(transcript.id)) continue;
          seen.add(transcript.id);
          transcripts.push(transcript);
        }
      } catch (error) {
        if (options.withGold) throw error;
        notes.push(
          `transcripts of ${run.runDir} not read (${(error as Error).message}): no environment clusters`,
        );
      }
    }
  }
  const embedded = options.withGold ? goldLabelsFromTranscripts(transcripts) : [];
  const gold: GoldLabel[] = [...embedded];
  for (const file of options.goldFiles ?? []) gold.push(...(await readGoldLabels(file)));
  const name = raterNames(runs);
  const ratings = runs.flatMap((run) =>
    ratingsFromVerdicts(run.verdicts, { rater: (verdict) => name(run, verdict) }),
  );
  const scores = runs.flatMap((run) =>
    ratingsFromVerdicts(
      run.verdicts.filter((verdict) => verdict.score !== undefined),
      { value: 'score', rater: (verdict) => name(run, verdict) },
    ),
  );
  const graded = new Set(ratings.map((rating) => rating.itemId));
  const embeddedAnnotators = new Set(embedded.map((label) => label.annotator));
  const referenceAnnotator = embeddedAnnotators.size === 1 ? [...embeddedAnnotators][0] : undefined;
  const goldRatings = ratingsFromGoldLabels(gold).filter((rating) => graded.has(rating.itemId));
  const environmentOf = new Map(transcripts.map((transcript) => [transcript.id, transcript.environment]));
  const environments = new Map<string, string>();
  for (const itemId of graded) {
    const environment = environmentOf.get(parseRatingItemId(itemId)?.transcriptId ?? '');
    if (environment !== undefined) environments.set(itemId, environment);
  }
  const compared = [...ratings, ...goldRatings, ...(options.ratings ?? [])];
  const known = [...new Set(compared.map((rating) => rating.rater))];
  for (const rater of options.majorityOf ?? [])
    if (!known.includes(rater))
      throw new ConfigError({ path: 'majority', reason: `no rater "${rater}"; raters: ${known.join(', ')}` });
  const majority = options.majorityOf?.length
    ? majorityRatings(compared, options.majorityOf, 'majority')
    : [];
  if (majority.length) known.push('majority');
  if (options.reference !== undefined && !known.includes(options.reference))
    throw new ConfigError({
      path: 'reference',
      reason: `no rater "${options.reference}"; raters: ${known.join(', ')}`,
    });
  const reference = options.reference ?? referenceAnnotator;
  const report = agreementReport([...compared, ...majority], {
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(scores.length ? { scores } : {}),
    ...(environments.size ? { clusters: environments } : {}),
    ...(reference ? { reference } : {}),
    ...(majority.length ? { derivedRaters: ['majority'] } : {}),
  });
  report.notes.push(...notes);
  const primaryGold = embedded.length ? indexGoldLabels(embedded) : undefined;
  const verdicts = runs.flatMap((run) =>
    run.verdicts.map((verdict) => ({ ...verdict, grader: { ...verdict.grader, name: name(run, verdict) } })),
  );
  const queue = disagreementQueue(verdicts, {
    ...(primaryGold ? { gold: primaryGold } : {}),
    ...(options.queueLimit === undefined ? {} : { limit: options.queueLimit }),
  });
  return { report, queue, runs, transcripts };
}
