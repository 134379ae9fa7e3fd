import { ConfigError, type GoldLabel, type Transcript } from '@judgekit/core';
import type { PrevalenceIntervalMethod } from '@judgekit/stats';
import type { CalibrationReport } from '../calibration/calibration-report-schema.js';
import { goldLabelsFromTranscripts } from '../gold/gold-labels-from-transcripts.js';
import { readGoldLabels } from '../gold/read-gold-labels.js';
import { loadRun } from '../run/load-run.js';
import { readRunTranscripts, type TranscriptFileReader } from '../run/read-run-transcripts.js';
import { correctPrevalence } from './correct-prevalence.js';
import type { PrevalenceReport } from './prevalence-report-schema.js';
import { readCalibration } from './read-calibration.js';

/** Options of `prevalenceRun`. */
export interface PrevalenceRunOptions {
  runDir: string;
  /** A calibration report JSON (`judgekit calibrate --out`) or a gold-labelled run directory. */
  calibration: string | CalibrationReport;
  /** Only this grader (configured name); default every grader the calibration covers. */
  grader?: string;
  /** Only this dimension; default every dimension. */
  dimension?: string;
  /** The calibration's grader name when it differs from the run's (e.g. renamed in config). */
  calibrationGrader?: string;
  /** Gold labels of part of this run (labels JSONL), for PPI++; default: labels embedded in its transcripts. */
  goldFile?: string;
  readTranscripts: TranscriptFileReader;
  cwd?: string;
  level?: number;
  method?: PrevalenceIntervalMethod;
  seed?: number;
}

/**
 * `judgekit prevalence`: for each grader and dimension of a run, the naive flag rate, the
 * Rogan-Gladen rate corrected with the error rates of a calibration, and PPI++ when part of the
 * run is gold-labelled.
 */
export async function prevalenceRun(options: PrevalenceRunOptions): Promise<PrevalenceReport[]> {
  const run = await loadRun(options.runDir);
  const calibration =
    typeof options.calibration === 'string'
      ? await readCalibration(options.calibration, {
          readTranscripts: options.readTranscripts,
          ...(options.cwd ? { cwd: options.cwd } : {}),
        })
      : options.calibration;
  const source = typeof options.calibration === 'string' ? options.calibration : 'calibration';
  let gold: GoldLabel[] = [];
  const notes: string[] = [];
  if (options.goldFile) gold = await readGoldLabels(options.goldFile);
  else {
    try {
      const { transcripts } = await readRunTranscripts(options.runDir, run.manifest, {
        readTranscripts: options.readTranscripts,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      });
      gold = goldLabelsFromTranscripts(transcripts as Transcript[]);
    } catch (error) {
      notes.push(`transcripts not read (${(error as Error).message}): no PPI++`);
    }
  }
  const pairs = new Map<string, { grader: string; dimension: string }>();
  for (const verdict of run.verdicts) {
    if (options.grader !== undefined && verdict.grader.name !== options.grader) continue;
    if (options.dimension !== undefined && verdict.dimension !== options.dimension) continue;
    pairs.set(`${verdict.grader.name}\u0000${verdict.dimension}`, {
      grader: verdict.grader.name,
      dimension: verdict.dimension,
    });
  }
  if (pairs.size === 0)
    throw new ConfigError({
      path: options.grader ? 'grader' : 'dimension',
      reason: `the run has no verdicts${options.grader ? ` of grader "${options.grader}"` : ''}${
        options.dimension ? ` on "${options.dimension}"` : ''
      }; graders in the run: ${[...new Set(run.verdicts.map((verdict) => verdict.grader.name))].join(', ') || '(none)'}`,
    });
  const reports: PrevalenceReport[] = [];
  for (const { grader, dimension } of [...pairs.values()].sort(
    (a, b) => a.dimension.localeCompare(b.dimension) || a.grader.localeCompare(b.grader),
  )) {
    const calibrated = calibration.graders.find(
      (entry) => entry.grader.name === (options.calibrationGrader ?? grader) && entry.dimension === dimension,
    );
    if (!calibrated && options.grader === undefined) continue;
    const report = correctPrevalence({
      verdicts: run.verdicts,
      grader,
      dimension,
      ...(calibrated ? { calibration: calibrated, calibrationSource: source } : {}),
      ...(gold.length ? { gold } : {}),
      runDir: options.runDir,
      ...(options.level === undefined ? {} : { level: options.level }),
      ...(options.method ? { method: options.method } : {}),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    if (!calibrated)
      report.notes.push(
        `${source} has no calibration of ${options.calibrationGrader ?? grader} on ${dimension}; graders it covers: ` +
          calibration.graders.map((entry) => `${entry.grader.name}/${entry.dimension}`).join(', '),
      );
    report.notes.push(...notes);
    reports.push(report);
  }
  if (reports.length === 0)
    throw new ConfigError({
      path: 'calibration',
      reason: `${source} calibrates none of the run's graders; pass --grader and --calibration-grader to pair them`,
    });
  return reports;
}
