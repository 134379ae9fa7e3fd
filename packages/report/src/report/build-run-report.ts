import {
  agreeRuns,
  type CalibrationReport,
  calibrate,
  correctPrevalence,
  goldLabelsFromTranscripts,
  loadRun,
  type PrevalenceReport,
  readCalibration,
  readGoldLabels,
  readRunTranscripts,
  type TranscriptFileReader,
} from '@judgekit/analysis';
import type { GoldLabel, Split, Transcript } from '@judgekit/core';
import { RUN_REPORT_FORMAT, type RunReport } from './run-report-schema.js';
import { transcriptExcerpt } from './transcript-excerpt.js';

/** Options of `buildRunReport`. */
export interface BuildRunReportOptions {
  runDir: string;
  /** Reads the run's input files (`readTranscripts` of `@judgekit/adapters`). */
  readTranscripts: TranscriptFileReader;
  cwd?: string;
  /** Gold labels JSONL; default the labels embedded in the graded transcripts. */
  goldFile?: string;
  annotator?: string;
  split?: Split;
  targetFPR?: number;
  targetPrecision?: number;
  targetRecall?: number;
  /** Breakdowns of the calibration (default category, environment, view). */
  breakdowns?: readonly string[];
  resamples?: number;
  seed?: number;
  /** Items of the disagreement queue shown, default 25. */
  queueLimit?: number;
  /**
   * Where the prevalence correction takes its error rates: a calibration JSON or gold-labelled run
   * directory. Default: this run's own calibration (in-sample, and the report says so).
   */
  prevalenceCalibration?: string;
  title?: string;
  /** The report's timestamp (tests pin it). */
  generatedAt?: string;
}

/**
 * Gathers everything the report shows about a run: calibration against gold, agreement among its
 * graders (with the gold annotator as a rater), naive vs corrected prevalence, the distribution
 * graders' findings, and the top of the disagreement queue with the transcript text its evidence
 * quotes. Parts that cannot be computed (no gold, one grader) are left out with a note.
 */
export async function buildRunReport(options: BuildRunReportOptions): Promise<RunReport> {
  const run = await loadRun(options.runDir);
  const notes: string[] = [];
  let transcripts: Transcript[] = [];
  try {
    transcripts = (
      await readRunTranscripts(options.runDir, run.manifest, {
        readTranscripts: options.readTranscripts,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      })
    ).transcripts;
  } catch (error) {
    notes.push(`transcripts not read (${(error as Error).message}): no embedded gold, clusters or excerpts`);
  }
  const embedded = goldLabelsFromTranscripts(transcripts);
  const gold: GoldLabel[] = options.goldFile ? await readGoldLabels(options.goldFile) : embedded;
  const intervals = {
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };

  let calibration: CalibrationReport | null = null;
  if (gold.length > 0 && run.verdicts.length > 0) {
    calibration = calibrate(run.verdicts, gold, {
      transcripts,
      goldSource: options.goldFile ?? 'transcripts',
      ...intervals,
      ...(options.annotator ? { annotator: options.annotator } : {}),
      ...(options.split ? { split: options.split } : {}),
      ...(options.targetFPR === undefined ? {} : { targetFPR: options.targetFPR }),
      ...(options.targetPrecision === undefined ? {} : { targetPrecision: options.targetPrecision }),
      ...(options.targetRecall === undefined ? {} : { targetRecall: options.targetRecall }),
      ...(options.breakdowns ? { breakdowns: options.breakdowns } : {}),
    });
  } else notes.push('no gold labels: no calibration and no prevalence correction');

  const { report: agreement, queue } = await agreeRuns({
    runDirs: [options.runDir],
    withGold: !options.goldFile && embedded.length > 0,
    goldFiles: options.goldFile ? [options.goldFile] : [],
    readTranscripts: options.readTranscripts,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    queueLimit: options.queueLimit ?? 25,
    ...intervals,
  });
  const rated = agreement.groups.filter((group) => group.raters.length >= 2);

  const prevalence: PrevalenceReport[] = [];
  const errorSource = options.prevalenceCalibration
    ? await readCalibration(options.prevalenceCalibration, {
        readTranscripts: options.readTranscripts,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      })
    : calibration;
  for (const entry of errorSource?.graders ?? []) {
    if (
      !run.verdicts.some(
        (verdict) => verdict.grader.name === entry.grader.name && verdict.dimension === entry.dimension,
      )
    )
      continue;
    const report = correctPrevalence({
      verdicts: run.verdicts,
      grader: entry.grader.name,
      dimension: entry.dimension,
      calibration: entry,
      calibrationSource: options.prevalenceCalibration ?? 'this run (in-sample)',
      ...(gold.length ? { gold } : {}),
      runDir: options.runDir,
    });
    if (!options.prevalenceCalibration)
      report.notes.push(
        'error rates measured on this same run (in-sample): a check of the correction, not an independent estimate',
      );
    prevalence.push(report);
  }

  const byId = new Map(transcripts.map((transcript) => [transcript.id, transcript]));
  const excerpts = queue.flatMap((record) => {
    const transcript = byId.get(record.transcriptId);
    return transcript ? [transcriptExcerpt(record, transcript)] : [];
  });
  return {
    format: RUN_REPORT_FORMAT,
    title: options.title ?? `judgekit report: ${options.runDir}`,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    run: {
      runDir: options.runDir,
      status: run.manifest.status,
      createdAt: run.manifest.createdAt,
      graders: run.manifest.graders,
      counts: run.manifest.counts,
    },
    calibration,
    agreement: rated.length > 0 ? { ...agreement, groups: rated } : null,
    prevalence,
    findings: run.findings,
    queue,
    excerpts,
    notes: [...notes, ...(calibration?.notes ?? []), ...agreement.notes],
  };
}
