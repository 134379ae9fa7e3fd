import { join } from 'node:path';
import { correctPrevalence as roganGladen } from '@judgekit/stats';
import { describe, expect, it } from 'vitest';
import { calibrate, correctPrevalence, PrevalenceReportSchema, prevalenceRun } from '../src/index.js';
import { makeGold, makeTranscript, makeVerdict } from './helpers/records.js';
import { readJSONLTranscripts, temporaryDirectory, writeRun, writeTranscripts } from './helpers/run-dir.js';

/** A calibration set: 40 gold positives (32 flagged) and 160 negatives (8 flagged): Se 0.8, Sp 0.95. */
function calibration() {
  const verdicts = Array.from({ length: 200 }, (_, index) =>
    makeVerdict({
      transcriptId: `c${index}`,
      grader: 'judge',
      label: index < 32 || (index >= 40 && index < 48),
    }),
  );
  const gold = Array.from({ length: 200 }, (_, index) =>
    makeGold({ transcriptId: `c${index}`, label: index < 40 }),
  );
  return calibrate(verdicts, gold, { resamples: 100 }).graders[0]!;
}

/** A run of 1000 transcripts in which the judge flags 70, abstains on 5 and fails on 3. */
function runVerdicts() {
  return Array.from({ length: 1008 }, (_, index) =>
    makeVerdict({
      transcriptId: `r${index}`,
      grader: 'judge',
      label: index < 1000 ? index < 70 : null,
      ...(index >= 1005 ? { error: { name: 'JudgeCallError', message: 'timeout' } } : {}),
    }),
  );
}

describe('correctPrevalence', () => {
  it('puts the naive flag rate beside the Rogan-Gladen estimate from the calibration', () => {
    const report = correctPrevalence({
      verdicts: runVerdicts(),
      grader: 'judge',
      dimension: 'covert_action',
      calibration: calibration(),
      calibrationSource: 'calibration.json',
    });
    expect(PrevalenceReportSchema.parse(report)).toEqual(report);
    expect(report.run).toEqual({
      runDir: null,
      verdicts: 1008,
      graded: 1000,
      flagged: 70,
      abstained: 5,
      errors: 3,
    });
    expect(report.naive.value).toBe(0.07);
    expect(report.errorRates).toMatchObject({
      goldPositives: 40,
      truePositives: 32,
      goldNegatives: 160,
      trueNegatives: 152,
    });
    const reference = roganGladen({
      flagged: 70,
      graded: 1000,
      truePositives: 32,
      goldPositives: 40,
      trueNegatives: 152,
      goldNegatives: 160,
    });
    // (0.07 + 0.95 − 1) / (0.8 + 0.95 − 1) = 0.02 / 0.75
    expect(report.corrected!.value).toBeCloseTo(0.02 / 0.75, 12);
    expect(report.corrected!.ci).toEqual(reference.ci);
    expect(report.corrected!.method).toBe('lang-reiczigel');
    expect(report.ppi).toBeNull();
  });

  it('adds PPI++ and the gold rate when part of the run is gold-labelled', () => {
    const gold = Array.from({ length: 300 }, (_, index) =>
      makeGold({ transcriptId: `r${index * 3}`, label: index * 3 < 70 ? index % 5 !== 0 : index % 60 === 0 }),
    );
    const report = correctPrevalence({
      verdicts: runVerdicts(),
      grader: 'judge',
      dimension: 'covert_action',
      calibration: calibration(),
      gold,
    });
    expect(report.ppi).toMatchObject({ labelled: 300, unlabelled: 700 });
    expect(report.ppi!.lambda).toBeGreaterThanOrEqual(0);
    expect(report.ppi!.lambda).toBeLessThanOrEqual(1);
    expect(report.goldRate!.n).toBe(300);
    expect(report.ppi!.ci!.lower).toBeLessThan(report.ppi!.value);
  });

  it('says when the run used another grader version than the calibration, and when it clamps', () => {
    const verdicts = Array.from({ length: 100 }, (_, index) =>
      makeVerdict({
        transcriptId: `r${index}`,
        grader: { name: 'judge', id: 'rules.covert-action', version: '2.0.0' },
        label: index < 2,
      }),
    );
    const report = correctPrevalence({
      verdicts,
      grader: 'judge',
      dimension: 'covert_action',
      calibration: calibration(),
    });
    expect(report.notes.join('\n')).toMatch(
      /calibrated judge@1\.0\.0 but the run used rules\.covert-action@2\.0\.0/,
    );
    expect(report.notes.join('\n')).toMatch(/below the false-positive rate .* clamped to 0/);
    expect(report.corrected!.value).toBe(0);
  });
});

describe('prevalenceRun', () => {
  it('corrects every calibrated grader of a run, with PPI++ from labels embedded in its transcripts', async () => {
    const directory = await temporaryDirectory();
    const transcripts = Array.from({ length: 60 }, (_, index) =>
      makeTranscript({
        id: `r${index}`,
        ...(index % 4 === 0 ? { labels: { covert_action: { label: index < 10, annotator: 'a' } } } : {}),
      }),
    );
    await writeTranscripts(join(directory, 'run.jsonl'), transcripts);
    await writeRun(join(directory, 'run'), {
      verdicts: transcripts.map((transcript, index) =>
        makeVerdict({ transcriptId: transcript.id, grader: 'judge', label: index < 12 }),
      ),
      inputs: ['run.jsonl'],
    });
    const reports = await prevalenceRun({
      runDir: join(directory, 'run'),
      calibration: { ...calibrate([], []), graders: [calibration()] },
      readTranscripts: readJSONLTranscripts,
      cwd: directory,
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.naive.value).toBeCloseTo(12 / 60, 12);
    expect(reports[0]!.ppi).toMatchObject({ labelled: 15, unlabelled: 45 });
    expect(reports[0]!.goldRate!.value).toBeCloseTo(3 / 15, 12);
  });

  it('names the graders a run has when asked for one it lacks', async () => {
    const directory = await temporaryDirectory();
    await writeRun(join(directory, 'run'), {
      verdicts: [makeVerdict({ transcriptId: 't', grader: 'judge' })],
    });
    await expect(
      prevalenceRun({
        runDir: join(directory, 'run'),
        grader: 'lexicon',
        calibration: calibrate([], []),
        readTranscripts: readJSONLTranscripts,
      }),
    ).rejects.toThrow(/no verdicts of grader "lexicon"; graders in the run: judge/);
  });
});
