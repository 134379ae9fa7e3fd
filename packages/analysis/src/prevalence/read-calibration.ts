import { readFile, stat } from 'node:fs/promises';
import { ConfigError, formatIssuePath } from '@judgekit/core';
import { calibrateRun } from '../calibration/calibrate-run.js';
import { type CalibrationReport, CalibrationReportSchema } from '../calibration/calibration-report-schema.js';
import type { TranscriptFileReader } from '../run/read-run-transcripts.js';

/**
 * A calibration to take error rates from: a JSON file written by `judgekit calibrate --out`
 * (validated against `CalibrationReportSchema`), or a run directory calibrated on the spot against
 * the gold labels embedded in its transcripts (or `goldFile`).
 */
export async function readCalibration(
  source: string,
  options: { readTranscripts: TranscriptFileReader; goldFile?: string; cwd?: string; split?: 'dev' | 'test' },
): Promise<CalibrationReport> {
  const info = await stat(source).catch(() => undefined);
  if (!info)
    throw new ConfigError({ path: 'calibration', reason: `no such file or run directory: ${source}` });
  if (info.isDirectory()) {
    const { report } = await calibrateRun({
      runDir: source,
      readTranscripts: options.readTranscripts,
      ...(options.goldFile ? { goldFile: options.goldFile } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.split ? { split: options.split } : {}),
      breakdowns: [],
    });
    return report;
  }
  let value: unknown;
  try {
    value = JSON.parse(await readFile(source, 'utf8'));
  } catch (error) {
    throw new ConfigError({ file: source, path: 'calibration', reason: 'not JSON', cause: error });
  }
  const parsed = CalibrationReportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError({
      file: source,
      path: formatIssuePath(issue.path),
      reason: `not a calibration report (${issue.message}); write one with \`judgekit calibrate <runDir> --out <file>\``,
    });
  }
  return parsed.data;
}
