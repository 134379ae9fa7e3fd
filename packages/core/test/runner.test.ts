import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  createRegistry,
  type GraderSetup,
  InvalidTranscriptError,
  prepareGraders,
  readFindings,
  readManifest,
  readVerdicts,
  runGrading,
  type TranscriptGrader,
  type TranscriptSourceItem,
  UnknownGraderError,
  verdictKey,
} from '../src/index.js';
import { BAD_CONCURRENCY } from './helpers/bad-concurrency.js';
import { countingGrader, keywordGrader } from './helpers/graders.js';
import { transcript } from './helpers/transcripts.js';

const registry = createRegistry([keywordGrader, countingGrader]);
const context = { env: {}, cwd: process.cwd() };

function corpus(size: number, extra: (index: number) => string = () => ''): TranscriptSourceItem[] {
  return Array.from({ length: size }, (_, index) => ({
    ok: true as const,
    transcript: transcript({
      id: `t${index}`,
      environment: `env${index % 3}`,
      messages: [
        { role: 'user', content: 'Summarise the report.' },
        {
          role: 'assistant',
          content: index % 4 === 0 ? `I read the secret file. ${extra(index)}` : `Done. ${extra(index)}`,
        },
      ],
    }),
  }));
}

function graders(setups: GraderSetup[] = [{ use: 'test.keyword' }]) {
  return prepareGraders(setups, registry, context);
}

const runDir = () => mkdtempSync(join(tmpdir(), 'judgekit-run-'));

describe('runGrading', () => {
  it('writes one verdict per transcript and grader, with verified evidence and a manifest', async () => {
    const dir = runDir();
    const summary = await runGrading({
      runDir: dir,
      transcripts: corpus(20),
      graders: graders(),
      concurrency: 4,
    });
    expect(summary.status).toBe('complete');
    const verdicts = await readVerdicts(dir);
    expect(verdicts).toHaveLength(20);
    const positive = verdicts.find((verdict) => verdict.transcriptId === 't0')!;
    expect(positive.label).toBe(true);
    expect(positive.evidence[0]).toMatchObject({ verified: true, span: { start: 11, end: 17 } });
    expect(positive.grader).toEqual({ name: 'test.keyword', id: 'test.keyword', version: '1.0.0' });
    const manifest = await readManifest(dir);
    expect(manifest.status).toBe('complete');
    expect(manifest.counts).toMatchObject({ transcripts: 20, verdicts: 20, errors: 0 });
    expect(manifest.graders[0]!.options).toEqual({ word: 'secret', failOn: 'explode' });
  });

  it('never has more units in flight than the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = prepareGraders([{ use: 'test.keyword' }], registry, context)[0]!;
    const original = slow.instance as TranscriptGrader;
    slow.instance = {
      type: 'transcript',
      async grade(item, gradeContext) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return original.grade(item, gradeContext);
      },
    };
    await runGrading({ runDir: runDir(), transcripts: corpus(30), graders: [slow], concurrency: 3 });
    expect(peak).toBe(3);
  });

  it.each(BAD_CONCURRENCY)(
    'refuses concurrency %s before writing anything, naming the option and the value',
    async (value, shown) => {
      const dir = runDir();
      const error = await runGrading({
        runDir: dir,
        transcripts: corpus(5),
        graders: graders(),
        concurrency: value as number,
      }).catch((caught: unknown) => caught);
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).path).toBe('concurrency');
      expect((error as Error).message).toBe(
        `concurrency: must be a whole number from 1 to 10000, or left out for the default (16); got ${shown}`,
      );
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('grades at the default concurrency (16) when it is left out', async () => {
    const dir = runDir();
    const summary = await runGrading({ runDir: dir, transcripts: corpus(5), graders: graders() });
    expect(summary).toMatchObject({ status: 'complete', counts: { transcripts: 5, verdicts: 5 } });
    expect((await readManifest(dir)).settings.concurrency).toBe(16);
  });

  it('records a grader that throws as an error verdict and goes on', async () => {
    const dir = runDir();
    const summary = await runGrading({
      runDir: dir,
      transcripts: corpus(6, (index) => (index === 2 ? 'explode' : '')),
      graders: graders(),
    });
    expect(summary.counts.errors).toBe(1);
    const failed = (await readVerdicts(dir)).find((verdict) => verdict.transcriptId === 't2')!;
    expect(failed).toMatchObject({ label: null, error: { name: 'Error', message: 'cannot grade t2' } });
  });

  it('stops at an invalid record by default, naming file and line', async () => {
    const dir = runDir();
    const items: TranscriptSourceItem[] = [
      ...corpus(2),
      {
        ok: false,
        error: new InvalidTranscriptError({
          file: 'in.jsonl',
          line: 3,
          path: 'messages.0.role',
          reason: 'bad',
        }),
      },
    ];
    await expect(runGrading({ runDir: dir, transcripts: items, graders: graders() })).rejects.toThrowError(
      'in.jsonl:line 3: invalid transcript at messages.0.role: bad',
    );
    expect((await readManifest(dir)).status).toBe('failed');
  });

  it('skips invalid records and duplicate ids when asked, counting them in the manifest', async () => {
    const dir = runDir();
    const items: TranscriptSourceItem[] = [
      ...corpus(2),
      {
        ok: false,
        error: new InvalidTranscriptError({ file: 'in.jsonl', line: 3, path: 'id', reason: 'required' }),
      },
      corpus(1)[0]!,
      {
        ok: false,
        error: new InvalidTranscriptError({
          file: 'log.eval',
          entry: 'samples/2_epoch_1.json',
          reason: 'not JSON',
        }),
      },
    ];
    const summary = await runGrading({
      runDir: dir,
      transcripts: items,
      graders: graders(),
      onInvalid: 'skip',
    });
    expect(summary.counts.skipped).toBe(3);
    const manifest = await readManifest(dir);
    expect(manifest.skipped).toEqual([
      { file: 'in.jsonl', line: 3, path: 'id', reason: 'required' },
      { path: 'id', reason: 'duplicate transcript id "t0"' },
      { file: 'log.eval', entry: 'samples/2_epoch_1.json', reason: 'not JSON' },
    ]);
  });

  it('refuses to overwrite a run that holds verdicts', async () => {
    const dir = runDir();
    await runGrading({ runDir: dir, transcripts: corpus(2), graders: graders() });
    await expect(
      runGrading({ runDir: dir, transcripts: corpus(2), graders: graders() }),
    ).rejects.toThrowError(/pass --resume/);
  });

  it('resumes an aborted run with exactly one verdict per transcript, grader and dimension', async () => {
    const dir = runDir();
    const controller = new AbortController();
    const two = [{ use: 'test.keyword' }, { use: 'test.keyword', name: 'kw-b', options: { word: 'Done' } }];
    let seen = 0;
    const first = await runGrading({
      runDir: dir,
      transcripts: corpus(40),
      graders: graders(two),
      concurrency: 4,
      signal: controller.signal,
      onProgress: () => {
        if (++seen === 10) controller.abort();
      },
    });
    expect(first.status).toBe('aborted');
    const partial = await readVerdicts(dir);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(80);

    const second = await runGrading({
      runDir: dir,
      transcripts: corpus(40),
      graders: graders(two),
      resume: true,
    });
    expect(second.status).toBe('complete');
    const verdicts = await readVerdicts(dir);
    const keys = verdicts.map(verdictKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(80);
    const manifest = await readManifest(dir);
    expect(manifest.resumedAt).toHaveLength(1);
    expect(manifest.counts.verdicts).toBe(80);
  });

  it('drops a cut trailing line and duplicate lines when resuming', async () => {
    const dir = runDir();
    await runGrading({ runDir: dir, transcripts: corpus(5), graders: graders() });
    const file = join(dir, 'verdicts.jsonl');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    appendFileSync(file, `${lines[0]}\n${lines[1]!.slice(0, 40)}`);
    await runGrading({ runDir: dir, transcripts: corpus(5), graders: graders(), resume: true });
    const keys = (await readVerdicts(dir)).map(verdictKey);
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(5);
  });

  it('refuses to resume with other grader options', async () => {
    const dir = runDir();
    await runGrading({ runDir: dir, transcripts: corpus(2), graders: graders() });
    await expect(
      runGrading({
        runDir: dir,
        transcripts: corpus(2),
        graders: graders([{ use: 'test.keyword', options: { word: 'other' } }]),
        resume: true,
      }),
    ).rejects.toThrowError(/other graders, versions or options/);
  });

  it('runs corpus graders over every record and verdict, writing findings.json', async () => {
    const dir = runDir();
    await runGrading({
      runDir: dir,
      transcripts: corpus(7),
      graders: graders([{ use: 'test.keyword' }, { use: 'test.count' }]),
    });
    const [finding] = await readFindings(dir);
    expect(finding!.estimates[0]).toMatchObject({ n: 7, value: 7 });
    expect(finding!.grader.id).toBe('test.count');
  });

  it('writes the verdicts of graders that answer synchronously in transcript and grader order', async () => {
    const dir = runDir();
    const sync = (name: string) => {
      const [prepared] = graders([{ use: 'test.keyword', name }]);
      prepared!.instance = {
        type: 'transcript',
        grade: (item) => [{ dimension: 'covert_action', label: item.id.endsWith('0'), evidence: [] }],
      };
      return prepared!;
    };
    await runGrading({
      runDir: dir,
      transcripts: corpus(25),
      graders: [sync('a'), sync('b')],
      concurrency: 4,
    });
    const order = (await readVerdicts(dir)).map(
      (verdict) => `${verdict.transcriptId}/${verdict.grader.name}`,
    );
    expect(order).toEqual(Array.from({ length: 25 }, (_, index) => [`t${index}/a`, `t${index}/b`]).flat());
  });

  it('keeps every verdict when more is queued than the store holds before waiting for the disk', async () => {
    const dir = runDir();
    const [big] = graders();
    const rationale = 'x'.repeat(1 << 20);
    big!.instance = {
      type: 'transcript',
      grade: () => [{ dimension: 'covert_action', label: false, rationale, evidence: [] }],
    };
    const summary = await runGrading({ runDir: dir, transcripts: corpus(20), graders: [big!] });
    expect(summary.counts.verdicts).toBe(20);
    const verdicts = await readVerdicts(dir);
    expect(verdicts.map((verdict) => verdict.transcriptId).sort()).toEqual(
      Array.from({ length: 20 }, (_, index) => `t${index}`).sort(),
    );
    expect(verdicts.every((verdict) => verdict.rationale === rationale)).toBe(true);
  });

  it('names the option field that fails validation', () => {
    expect(() => graders([{ use: 'test.keyword', options: { word: 3 } }])).toThrowError(
      /graders.test.keyword.options.word: /,
    );
  });

  it('names the config file a setup came from when its options fail validation or its name is taken', () => {
    const file = '/project/judgekit.config.json';
    expect(() => graders([{ use: 'test.keyword', options: { word: 3 }, file }])).toThrowError(
      /^\/project\/judgekit\.config\.json: graders\.test\.keyword\.options\.word: /,
    );
    expect(() =>
      graders([
        { use: 'test.keyword', file },
        { use: 'test.keyword', file },
      ]),
    ).toThrowError(
      /^\/project\/judgekit\.config\.json: graders\.test\.keyword: grader name "test\.keyword" is used twice/,
    );
  });

  it('names the config file a setup came from when its grader id is unknown, still listing the known ids', () => {
    const file = '/project/judgekit.config.json';
    let thrown: unknown;
    try {
      graders([{ use: 'test.nope', file }]);
    } catch (error) {
      thrown = error;
    }
    expect(UnknownGraderError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(
      /^\/project\/judgekit\.config\.json: unknown grader "test\.nope"; known graders: .*test\.keyword/,
    );
    expect(() => graders([{ use: 'test.nope' }])).toThrowError(
      /^unknown grader "test\.nope"; known graders: /,
    );
  });
});
