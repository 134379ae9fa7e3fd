import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateRun } from '../src/index.js';
import { makeGold, makeTranscript, makeVerdict } from './helpers/records.js';
import { readJSONLTranscripts, temporaryDirectory, writeRun, writeTranscripts } from './helpers/run-dir.js';

const transcripts = Array.from({ length: 12 }, (_, index) =>
  makeTranscript({
    id: `t${index}`,
    environment: `env-${index % 3}`,
    split: index < 6 ? 'dev' : 'test',
    labels: { covert_action: { label: index % 3 === 0, annotator: 'primary' } },
  }),
);
const verdicts = transcripts.map((transcript, index) =>
  makeVerdict({ transcriptId: transcript.id, grader: 'rules', label: index % 3 === 0 || index === 4 }),
);

describe('calibrateRun', () => {
  it('reads gold from the transcripts the run graded, through the manifest input paths', async () => {
    const directory = await temporaryDirectory();
    await writeTranscripts(join(directory, 'corpus.jsonl'), transcripts);
    await writeRun(join(directory, 'run'), { verdicts, inputs: ['corpus.jsonl'] });
    const { report } = await calibrateRun({
      runDir: join(directory, 'run'),
      readTranscripts: readJSONLTranscripts,
      cwd: directory,
      resamples: 200,
    });
    expect(report.gold).toEqual({ source: 'transcripts', annotator: null, labels: 12 });
    expect(report.graders[0]!.confusion).toEqual({
      truePositives: 4,
      falsePositives: 1,
      falseNegatives: 0,
      trueNegatives: 7,
    });
    expect(report.graders[0]!.clusters).toBe(3);
  });

  it('takes gold from a labels file, and the split from the transcripts', async () => {
    const directory = await temporaryDirectory();
    await writeTranscripts(join(directory, 'corpus.jsonl'), transcripts);
    await writeRun(join(directory, 'run'), { verdicts, inputs: [join(directory, 'corpus.jsonl')] });
    const gold = transcripts.map((transcript) =>
      makeGold({ transcriptId: transcript.id, label: true, annotator: 'b' }),
    );
    await writeFile(
      join(directory, 'labels.jsonl'),
      gold.map((label) => `${JSON.stringify(label)}\n`).join(''),
    );
    const { report } = await calibrateRun({
      runDir: join(directory, 'run'),
      goldFile: join(directory, 'labels.jsonl'),
      split: 'test',
      readTranscripts: readJSONLTranscripts,
      resamples: 200,
    });
    expect(report.split).toBe('test');
    expect(report.graders[0]!.confusion.truePositives + report.graders[0]!.confusion.falseNegatives).toBe(6);
  });

  it('says which input is missing and how to do without it', async () => {
    const directory = await temporaryDirectory();
    await writeRun(join(directory, 'run'), { verdicts, inputs: ['gone.jsonl'] });
    await expect(
      calibrateRun({ runDir: join(directory, 'run'), readTranscripts: readJSONLTranscripts, cwd: directory }),
    ).rejects.toThrow(/input gone\.jsonl .* pass --gold <labels\.jsonl>/);
  });

  it('with a labels file, goes on without unreadable transcripts and notes it', async () => {
    const directory = await temporaryDirectory();
    await writeRun(join(directory, 'run'), { verdicts, inputs: ['gone.jsonl'] });
    const gold = transcripts.map((transcript) => makeGold({ transcriptId: transcript.id, label: false }));
    await writeFile(
      join(directory, 'labels.jsonl'),
      gold.map((label) => `${JSON.stringify(label)}\n`).join(''),
    );
    const { report } = await calibrateRun({
      runDir: join(directory, 'run'),
      goldFile: join(directory, 'labels.jsonl'),
      readTranscripts: readJSONLTranscripts,
      cwd: directory,
      resamples: 100,
    });
    expect(report.graders[0]!.clusters).toBeNull();
    expect(report.notes[0]).toMatch(/transcripts not read/);
  });

  it('refuses a run whose transcripts carry no gold, naming the fix', async () => {
    const directory = await temporaryDirectory();
    await writeTranscripts(
      join(directory, 'corpus.jsonl'),
      transcripts.map(({ labels: _, ...rest }) => rest),
    );
    await writeRun(join(directory, 'run'), { verdicts, inputs: ['corpus.jsonl'] });
    await expect(
      calibrateRun({ runDir: join(directory, 'run'), readTranscripts: readJSONLTranscripts, cwd: directory }),
    ).rejects.toThrow(/carry no gold labels .* pass --gold/);
  });

  it('refuses a directory that is not a run', async () => {
    const directory = await temporaryDirectory();
    await expect(calibrateRun({ runDir: directory, readTranscripts: readJSONLTranscripts })).rejects.toThrow(
      /no manifest\.json; is this a run directory\?/,
    );
  });
});
