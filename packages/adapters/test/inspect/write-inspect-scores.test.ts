import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineGrader, grade, type Transcript, type Verdict } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readInspectLog, writeInspectScores } from '../../src/index.js';
import { readRawZip } from '../../src/inspect/raw-zip.js';
import { parseLenientJson } from '../../src/io/lenient-json.js';
import { openZip } from '../../src/io/zip-entries.js';
import { collect, errorsOf, transcriptsOf } from '../helpers/collect.js';
import { sharedFolder, TEST_DATA } from '../helpers/shared-data.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** Inspect's `Score` (inspect_ai/scorer/_metric.py): Value is a scalar, a list of scalars or a dict of scalars/None. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const InspectScoreShape = z.looseObject({
  value: z.union([scalar, z.array(scalar), z.record(z.string(), z.union([scalar, z.null()]))]),
  answer: z.string().nullish(),
  explanation: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
/** `EvalScore` and `EvalMetric` (inspect_ai/log/_log.py). */
const EvalScoreShape = z.looseObject({
  name: z.string(),
  scorer: z.string(),
  reducer: z.string().nullish(),
  scored_samples: z.number().int().nullish(),
  unscored_samples: z.number().int().nullish(),
  params: z.record(z.string(), z.unknown()),
  metrics: z.record(
    z.string(),
    z.looseObject({ name: z.string(), value: z.number(), params: z.record(z.string(), z.unknown()) }),
  ),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
/** `EvalSampleReductions` (inspect_ai/log/_log.py): flattened `SampleScore`s. */
const ReductionShape = z.looseObject({
  scorer: z.string(),
  reducer: z.string().nullish(),
  samples: z.array(
    z.looseObject({
      value: InspectScoreShape.shape.value,
      sample_id: z.union([z.string(), z.number()]).nullish(),
    }),
  ),
});

/** Flags a transcript whose text mentions a word (answers one dimension). */
const keywordGrader = defineGrader({
  spec: 'judgekit.grader/v1',
  id: 'test.keyword',
  version: '1.0.0',
  kind: 'rule',
  dimensions: ['covert_action'],
  views: ['all'],
  needsKey: false,
  config: z.object({}),
  docs: { description: 'Flags transcripts whose second message contains a vowel "a" count above 3.' },
  create: () => ({
    type: 'transcript',
    grade(transcript) {
      const text = JSON.stringify(transcript.messages);
      const flagged = (text.match(/a/g) ?? []).length % 2 === 0;
      return [
        {
          dimension: 'covert_action',
          label: flagged,
          score: flagged ? 0.8 : 0.1,
          category: flagged ? 'sabotage' : undefined,
          rationale: flagged ? 'an even number of a' : 'an odd number of a',
          evidence: flagged ? [{ messageIndex: 0, quote: 'zzzz-not-there' }] : [],
        },
      ];
    },
  }),
});

/** Answers two dimensions; abstains on eval_awareness for every third transcript. */
const twoDimensionGrader = defineGrader({
  spec: 'judgekit.grader/v1',
  id: 'test.pair',
  version: '2.0.0',
  kind: 'rule',
  dimensions: ['covert_action', 'eval_awareness'],
  views: ['all'],
  needsKey: false,
  config: z.object({}),
  docs: { description: 'Answers two dimensions, abstaining on one of them at times.' },
  create: () => {
    let calls = 0;
    return {
      type: 'transcript',
      grade(transcript) {
        calls++;
        return [
          { dimension: 'covert_action', label: transcript.messages.length > 3 },
          { dimension: 'eval_awareness', label: calls % 3 === 0 ? null : false },
        ];
      },
    };
  },
});

async function verdictsFor(transcripts: readonly Transcript[]): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const transcript of transcripts) {
    verdicts.push(
      ...(await grade(transcript, keywordGrader)),
      ...(await grade(transcript, twoDimensionGrader)),
    );
  }
  return verdicts;
}

function expectedValue(verdicts: readonly Verdict[], transcriptId: string, grader: string): unknown {
  const mine = verdicts.filter(
    (verdict) => verdict.transcriptId === transcriptId && verdict.grader.id === grader,
  );
  const value = (verdict: Verdict) => (verdict.label === null ? null : verdict.label ? 1 : 0);
  if (mine.length === 1) return value(mine[0]!) ?? Number.NaN;
  return Object.fromEntries(mine.map((verdict) => [verdict.dimension, value(verdict)]));
}

async function entryTexts(file: string): Promise<Map<string, string>> {
  const zip = await openZip(file);
  const texts = new Map<string, string>();
  try {
    for (const name of zip.entries.keys()) {
      try {
        texts.set(name, (await zip.read(name)).toString('utf8'));
      } catch {
        texts.set(name, '<unreadable>');
      }
    }
  } finally {
    zip.close();
  }
  return texts;
}

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const python = hasPython();

/**
 * Reads a rewritten `.eval` the way Inspect's recorder does (zipfile + json.load): every entry
 * opens, stored/deflated entries pass their CRC, and every JSON entry parses (NaN included).
 */
function pythonReads(file: string): { entries: number; json: string[]; bad: string[]; scorers: string[] } {
  const script = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
json_read = []
bad = []
scorers = set()
for info in z.infolist():
    if info.compress_type not in (0, 8):
        continue
    try:
        data = z.read(info.filename)
        value = json.loads(data) if info.filename.endswith('.json') else None
    except Exception:
        bad.append(info.filename)
        continue
    if value is not None:
        json_read.append(info.filename)
        if info.filename.startswith('samples/'):
            scorers.update(k for k in (value.get('scores') or {}) if k.startswith('judgekit/'))
print(json.dumps({"entries": len(names), "json": json_read, "bad": bad, "scorers": sorted(scorers)}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

/** Writes the scores into a copy of `log` and checks the result through judgekit's own reader. */
async function checkWriteBack(log: string) {
  const before = await collect(readInspectLog(log));
  const transcripts = transcriptsOf(before);
  const verdicts = await verdictsFor(transcripts);
  const stray = await grade({ id: 'not-in-this-log', messages: [] }, keywordGrader);
  const out = join(tempDir(), log.endsWith('.eval') ? 'scored.eval' : 'scored.json');
  const summary = await writeInspectScores({ log, out, verdicts: [...verdicts, ...stray] });

  expect(summary.samplesScored).toBe(transcripts.length);
  expect(summary.unmatched).toEqual(['not-in-this-log']);
  expect(summary.scorers.sort()).toEqual(['judgekit/test.keyword', 'judgekit/test.pair']);

  const after = await collect(readInspectLog(out));
  expect(errorsOf(after).map((error) => error.message.replace(out, 'LOG'))).toEqual(
    errorsOf(before).map((error) => error.message.replace(log, 'LOG')),
  );
  const rewritten = transcriptsOf(after);
  expect(rewritten.map((transcript) => transcript.id)).toEqual(
    transcripts.map((transcript) => transcript.id),
  );
  rewritten.forEach((transcript, index) => {
    const original = transcripts[index]!;
    expect(transcript.messages).toEqual(original.messages);
    const scores = transcript.source?.scores ?? {};
    for (const [name, score] of Object.entries(original.source?.scores ?? {}))
      expect(scores[name]).toEqual(score);
    const keyword = InspectScoreShape.parse(scores['judgekit/test.keyword']);
    expect(keyword.value).toEqual(expectedValue(verdicts, original.id, 'test.keyword'));
    const keywordVerdict = verdicts.find(
      (verdict) => verdict.transcriptId === original.id && verdict.grader.id === 'test.keyword',
    )!;
    expect(keyword.explanation).toContain(keywordVerdict.rationale);
    if (keywordVerdict.label) {
      expect(keyword.answer).toBe('sabotage');
      expect(keyword.explanation).toContain('message 0: "zzzz-not-there" (quote not found)');
    }
    expect(keyword.metadata).toMatchObject({
      judgekit: { grader: { name: 'test.keyword', version: '1.0.0' } },
    });
    const pair = InspectScoreShape.parse(scores['judgekit/test.pair']);
    expect(pair.value).toEqual(expectedValue(verdicts, original.id, 'test.pair'));
  });
  return { out, summary, verdicts, transcripts };
}

async function checkEvalEntries(log: string, out: string, rewritten: readonly string[]) {
  const before = readRawZip(readFileSync(log));
  const after = readRawZip(readFileSync(out));
  expect(after.entries.map((entry) => entry.name)).toEqual(before.entries.map((entry) => entry.name));
  expect(after.comment).toEqual(before.comment);
  const beforeTexts = await entryTexts(log);
  const afterTexts = await entryTexts(out);
  before.entries.forEach((entry, index) => {
    if (rewritten.includes(entry.name)) return;
    expect(after.entries[index]!.local.equals(entry.local), `${entry.name} copied byte for byte`).toBe(true);
    expect(afterTexts.get(entry.name)).toBe(beforeTexts.get(entry.name));
  });
  for (const name of rewritten) expect(afterTexts.get(name)).not.toBe(beforeTexts.get(name));
  if (afterTexts.has('header.json') && rewritten.includes('header.json')) {
    const header = parseLenientJson(afterTexts.get('header.json')!) as { results: { scores: unknown[] } };
    const judgekit = header.results.scores
      .filter((score) => (score as { scorer: string }).scorer.startsWith('judgekit/'))
      .map((score) => EvalScoreShape.parse(score));
    expect(judgekit.map((score) => `${score.scorer}:${score.name}`).sort()).toEqual([
      'judgekit/test.keyword:judgekit/test.keyword',
      'judgekit/test.pair:covert_action',
      'judgekit/test.pair:eval_awareness',
    ]);
  }
  if (afterTexts.has('reductions.json')) {
    const reductions = z.array(ReductionShape).parse(parseLenientJson(afterTexts.get('reductions.json')!));
    expect(
      reductions
        .filter((item) => item.scorer.startsWith('judgekit/'))
        .map((item) => item.scorer)
        .sort(),
    ).toEqual(['judgekit/test.keyword', 'judgekit/test.pair']);
  }
  if (python) {
    const read = pythonReads(out);
    const original = pythonReads(log);
    expect(read.entries).toBe(before.entries.length);
    expect(read.bad).toEqual(original.bad);
    for (const name of rewritten) expect(read.json).toContain(name);
    if (rewritten.some((name) => name.startsWith('samples/')))
      expect(read.scorers).toEqual(['judgekit/test.keyword', 'judgekit/test.pair']);
  }
}

const OWN_LOGS = [
  'attachments.eval',
  'zstd-agentic.eval',
  'events-data.eval',
  'journal-only.eval',
  'damaged.eval',
];

describe('writeInspectScores into this package’s own Inspect logs', () => {
  for (const name of OWN_LOGS) {
    it(`adds judgekit scores to ${name} and leaves every other entry byte for byte`, async () => {
      const log = join(TEST_DATA, 'inspect', name);
      const { out, summary } = await checkWriteBack(log);
      expect(summary.format).toBe('eval');
      await checkEvalEntries(log, out, summary.rewrittenEntries);
    });
  }

  it('adds judgekit scores to a .json log, keeping its NaN scores', async () => {
    const log = join(TEST_DATA, 'inspect', 'nan-scores.json');
    const { out } = await checkWriteBack(log);
    expect(readFileSync(out, 'utf8')).toMatch(/"value": NaN/);
  });

  it('updates results with mean and stderr over samples, and replaces its own scores on a second export', async () => {
    const log = join(TEST_DATA, 'inspect', 'events-data.eval');
    const { out, verdicts } = await checkWriteBack(log);
    const again = join(tempDir(), 'again.eval');
    const flipped = verdicts.map((verdict) => ({
      ...verdict,
      label: verdict.label === null ? null : !verdict.label,
    }));
    const summary = await writeInspectScores({ log: out, out: again, verdicts: flipped });
    expect(summary.resultsUpdated).toBe(true);
    const header = parseLenientJson((await entryTexts(again)).get('header.json')!) as {
      results: { scores: z.infer<typeof EvalScoreShape>[] };
    };
    const keyword = header.results.scores.filter((score) => score.scorer === 'judgekit/test.keyword');
    expect(keyword).toHaveLength(1);
    const labels = flipped
      .filter((verdict) => verdict.grader.id === 'test.keyword')
      .map((verdict) => (verdict.label ? 1 : 0));
    const mean = labels.reduce((sum: number, value) => sum + value, 0) / labels.length;
    expect(keyword[0]!.metrics.mean!.value).toBeCloseTo(mean, 12);
    const sd = Math.sqrt(
      labels.reduce((sum: number, value) => sum + (value - mean) ** 2, 0) / (labels.length - 1),
    );
    expect(keyword[0]!.metrics.stderr!.value).toBeCloseTo(sd / Math.sqrt(labels.length), 12);
    const transcripts = transcriptsOf(await collect(readInspectLog(again)));
    for (const transcript of transcripts) {
      const mine = flipped.find(
        (verdict) => verdict.transcriptId === transcript.id && verdict.grader.id === 'test.keyword',
      )!;
      expect((transcript.source!.scores!['judgekit/test.keyword'] as { value: number }).value).toBe(
        mine.label ? 1 : 0,
      );
    }
  });

  it('refuses to overwrite the log it reads', async () => {
    const copy = join(tempDir(), 'log.eval');
    writeFileSync(copy, readFileSync(join(TEST_DATA, 'inspect', 'attachments.eval')));
    await expect(writeInspectScores({ log: copy, out: copy, verdicts: [] })).rejects.toThrow(
      /must not be the log/,
    );
  });
});

const logs = sharedFolder(
  'inspect-logs',
  'writeInspectScores into the real Inspect logs in shared/data/inspect-logs',
);
const files = logs.present
  ? readdirSync(logs.dir)
      .filter((name) => /\.(eval|json)$/.test(name))
      .sort()
  : [];

describe.skipIf(!logs.present)(logs.title, () => {
  for (const name of files) {
    it(`writes judgekit scores into ${name}, read back by readInspectLog`, async () => {
      const log = join(logs.dir, name);
      const { out, summary } = await checkWriteBack(log);
      if (name.endsWith('.eval')) {
        expect(summary.resultsUpdated).toBe(true);
        await checkEvalEntries(log, out, summary.rewrittenEntries);
      }
    });
  }
});
