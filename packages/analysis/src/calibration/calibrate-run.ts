import { ConfigError, type GoldLabel, type Transcript } from '@judgekit/core';
import { goldLabelsFromTranscripts } from '../gold/gold-labels-from-transcripts.js';
import { readGoldLabels } from '../gold/read-gold-labels.js';
import { loadRun, type RunData } from '../run/load-run.js';
import { readRunTranscripts, type TranscriptFileReader } from '../run/read-run-transcripts.js';
import { type CalibrateOptions, calibrate } from './calibrate.js';
import type { CalibrationReport } from './calibration-report-schema.js';

/** Options of `calibrateRun`. */
export interface CalibrateRunOptions extends Omit<CalibrateOptions, 'transcripts' | 'goldSource'> {
  runDir: string;
  /** A labels JSONL file (core `GoldLabel`). Default: the labels embedded in the graded transcripts. */
  goldFile?: string;
  /** Reads the run's input files (`readTranscripts` of `@judgekit/adapters`). */
  readTranscripts: TranscriptFileReader;
  /** Directory the run's relative input paths are resolved against; default the current one. */
  cwd?: string;
}

/** A calibration and what it was computed from. */
export interface RunCalibration {
  report: CalibrationReport;
  run: RunData;
  transcripts: Transcript[];
  gold: GoldLabel[];
}

/**
 * `judgekit calibrate`: reads a run directory, its transcripts (from the input paths in the
 * manifest) and gold (a labels file, or the labels embedded in the transcripts), and calibrates
 * every grader. With a labels file, transcripts that cannot be read only cost the environment
 * clusters, split and breakdowns, and the report notes it.
 */
export async function calibrateRun(options: CalibrateRunOptions): Promise<RunCalibration> {
  const { runDir, goldFile, readTranscripts, cwd, ...calibrateOptions } = options;
  const run = await loadRun(runDir);
  const notes: string[] = [];
  let transcripts: Transcript[] = [];
  try {
    const read = await readRunTranscripts(runDir, run.manifest, { readTranscripts, ...(cwd ? { cwd } : {}) });
    transcripts = read.transcripts;
    if (read.invalid > 0)
      notes.push(`${read.invalid} invalid input record(s) skipped while reading transcripts`);
  } catch (error) {
    if (goldFile === undefined || options.split !== undefined) throw error;
    notes.push(
      `transcripts not read (${(error as Error).message}): no environment clusters, i.i.d. intervals, no breakdown by environment or metadata`,
    );
  }
  const gold =
    goldFile === undefined ? goldLabelsFromTranscripts(transcripts) : await readGoldLabels(goldFile);
  if (gold.length === 0)
    throw new ConfigError({
      path: goldFile ? 'gold' : 'inputs',
      reason: goldFile
        ? `${goldFile} holds no gold labels`
        : 'the graded transcripts carry no gold labels (`labels[dimension]`); pass --gold <labels.jsonl>',
    });
  const report = calibrate(run.verdicts, gold, {
    ...calibrateOptions,
    transcripts,
    goldSource: goldFile ?? 'transcripts',
  });
  report.notes.push(...notes);
  return { report, run, transcripts, gold };
}
