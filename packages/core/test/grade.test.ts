import { describe, expect, it } from 'vitest';
import { ConfigError, grade, gradeMany } from '../src/index.js';
import { BAD_CONCURRENCY } from './helpers/bad-concurrency.js';
import { countingGrader, keywordGrader } from './helpers/graders.js';
import { sampleTranscript } from './helpers/transcripts.js';

describe('grade', () => {
  it('grades one transcript with a plugin and options, verifying evidence', async () => {
    const verdicts = await grade(sampleTranscript(), keywordGrader, { options: { word: 'failed' } });
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({
      transcriptId: 't1',
      label: true,
      grader: { name: 'test.keyword', id: 'test.keyword', version: '1.0.0' },
      evidence: [{ messageIndex: 3, quote: 'failed', verified: true }],
    });
  });

  it('accepts a hand-written transcript with string content', async () => {
    const verdicts = await grade({ id: 'x', messages: [{ role: 'user', content: 'hello' }] }, keywordGrader);
    expect(verdicts[0]!.label).toBe(false);
  });

  it('refuses a corpus grader with a clear message', async () => {
    await expect(grade(sampleTranscript(), countingGrader)).rejects.toThrowError(/is a corpus grader/);
  });
});

describe('gradeMany', () => {
  it('yields one verdict per transcript, whatever the completion order', async () => {
    const transcripts = Array.from({ length: 25 }, (_, index) => sampleTranscript(`t${index}`));
    const seen: string[] = [];
    for await (const verdict of gradeMany(transcripts, keywordGrader, { concurrency: 4 })) {
      seen.push(verdict.transcriptId);
    }
    expect(seen.sort()).toEqual(transcripts.map((transcript) => transcript.id).sort());
  });

  it('records a throwing grader as error verdicts instead of failing the stream', async () => {
    const verdicts = [];
    for await (const verdict of gradeMany([sampleTranscript()], keywordGrader, {
      options: { failOn: 'pytest' },
    })) {
      verdicts.push(verdict);
    }
    expect(verdicts[0]).toMatchObject({ label: null, error: { message: 'cannot grade t1' } });
  });

  it.each(BAD_CONCURRENCY)('refuses concurrency %s instead of yielding no verdicts', async (value, shown) => {
    const stream = gradeMany([sampleTranscript()], keywordGrader, { concurrency: value as number });
    const error = await stream.next().catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).path).toBe('concurrency');
    expect((error as Error).message).toBe(
      `concurrency: must be a whole number from 1 to 10000, or left out for the default (16); got ${shown}`,
    );
  });

  it('grades with the default concurrency when it is left out', async () => {
    const transcripts = Array.from({ length: 3 }, (_, index) => sampleTranscript(`t${index}`));
    const verdicts = [];
    for await (const verdict of gradeMany(transcripts, keywordGrader, { concurrency: undefined })) {
      verdicts.push(verdict);
    }
    expect(verdicts).toHaveLength(3);
  });
});
