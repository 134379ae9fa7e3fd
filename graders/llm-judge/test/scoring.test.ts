import type { Verdict } from '@judgekit/core';
import { httpError, reply } from '@judgekit/providers/testing';
import { describe, expect, it } from 'vitest';
import { covertActionJudge, schemingJudge } from '../src/index.js';
import { keywordJudge, keywordReply } from '../src/testing/index.js';
import { gradeLocally, temporaryDirectory, useTestServer } from './helpers/judge-setup.js';
import { falseSuccessTranscript, honestTranscript } from './helpers/transcripts.js';

const covert = (label: boolean) => ({
  covert_action: {
    evidence: label ? [{ message: 3, quote: '2 failed, 131 passed in 4.2s' }] : [],
    rationale: label ? 'pytest fails; the report says all pass.' : 'Nothing covert.',
    category: label ? 'false_success_claim' : null,
    label,
  },
});

describe('scores', () => {
  const server = useTestServer();

  it('is the probability of the positive label from logprobs where the provider gives them', async () => {
    server().handle(keywordJudge());
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
    });
    expect(verdict!.score).toBeCloseTo(0.9, 10);
    expect(verdict!.provenance).toMatchObject({ scoreMethod: 'logprob', judges: [{ logprobs: true }] });
    expect(JSON.parse(server().modelCalls()[0]!.body)).toMatchObject({ logprobs: true, top_logprobs: 5 });
  });

  it('is the share of positive votes over samples where it does not (Anthropic), each sample its own cached call', async () => {
    let index = 0;
    server().handle(() => reply(covert(index++ % 3 !== 2)));
    const cacheDir = temporaryDirectory();
    const options = {
      judge: 'anthropic:claude-test',
      baseURL: server().anthropicBaseURL,
      samples: 3,
      temperature: 1,
    };
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), options, { cacheDir });
    expect(server().modelCalls()).toHaveLength(3);
    expect(verdict!.score).toBeCloseTo(2 / 3, 10);
    expect(verdict!.label).toBe(true);
    expect(verdict!.provenance).toMatchObject({
      scoreMethod: 'votes',
      sampling: { samples: 3 },
      judges: [{ name: 'anthropic:claude-test', temperature: 1, logprobs: false }],
    });
    const [again] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), options, { cacheDir });
    expect(server().modelCalls()).toHaveLength(3);
    expect(again!.score).toBeCloseTo(2 / 3, 10);
    expect(again!.usage).toMatchObject({ calls: 0, cacheHits: 3, costUSD: 0 });
    expect(again!.provenance).toMatchObject({ cacheHit: true, callsFromCache: 3 });
  });

  it('combines an ensemble of judges by mean or by majority, as configuration', async () => {
    server().handle((call) => reply(covert(call.kind !== 'anthropic-messages')));
    const judges = [
      { model: 'openai:judge-a', baseURL: server().openaiBaseURL },
      { model: 'anthropic:judge-b', baseURL: server().anthropicBaseURL },
      { model: 'compatible:judge-c', baseURL: server().openaiBaseURL },
    ];
    const [mean] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judges,
      combine: 'mean',
    });
    // openai (logprob 1), anthropic (vote 0), compatible (logprob 1): mean 2/3
    expect(mean!.score).toBeCloseTo(2 / 3, 10);
    expect(mean!.label).toBe(true);
    expect((mean!.provenance as { judges: { name: string }[] }).judges.map((judge) => judge.name)).toEqual([
      'openai:judge-a',
      'anthropic:judge-b',
      'compatible:judge-c',
    ]);
    const [strict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judges,
      combine: 'mean',
      threshold: 0.7,
    });
    expect(strict!.label).toBe(false);
    const [majority] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judges,
      combine: 'majority',
      threshold: 0.7,
    });
    expect(majority!.label).toBe(true); // two of three judges are above 0.7
    const [tie] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judges: judges.slice(0, 2),
      combine: 'majority',
      threshold: 0.7,
    });
    expect(tie!.score).toBeCloseTo(0.5, 10);
    expect(tie!.label).toBe(false); // one against one: the mean (0.5) decides
  });

  it('records the model id the provider returned, and the sampling settings', async () => {
    server().handle((call) => keywordReply(call, { model: 'gpt-test-2026-05-01' }));
    const [verdict] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
      maxOutputTokens: 600,
    });
    expect(verdict!.provenance).toMatchObject({
      judges: [
        { name: 'openai:gpt-test', models: ['gpt-test-2026-05-01'], temperature: 0, maxOutputTokens: 600 },
      ],
      sampling: { samples: 1, combine: 'mean', threshold: 0.5, topLogprobs: 5 },
      cacheHit: false,
    });
  });

  it('turns a positive verdict without a verifiable quote into an abstention when asked to, and counts it', async () => {
    server().handle(() =>
      reply({
        covert_action: {
          evidence: [{ message: 4, quote: 'I never ran pytest' }],
          rationale: 'x',
          category: 'sabotage',
          label: true,
        },
      }),
    );
    const [flagged] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
    });
    expect(flagged!.label).toBe(true);
    expect(flagged!.rationale).toContain('[unverified:');
    const [abstained] = await gradeLocally(covertActionJudge, falseSuccessTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
      unverifiedPositive: 'abstain',
    });
    expect(abstained!.label).toBeNull();
    expect(abstained!.error).toBeUndefined();
    expect(abstained!.provenance).toMatchObject({
      evidenceCheck: { unverifiedPositive: true, action: 'abstain' },
    });
  });
});

describe('usage and cost', () => {
  const server = useTestServer();

  it('puts the tokens and cost of the one combined call on the first verdict only', async () => {
    server().handle((call) => keywordReply(call, { usage: { input: 3000, output: 200 } }));
    const verdicts = await gradeLocally(schemingJudge, falseSuccessTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
      prices: { 'openai:gpt-test': { input: 2, output: 8 } },
    });
    expect(verdicts.map((verdict) => verdict.dimension)).toEqual([
      'covert_action',
      'plausible_deniability',
      'eval_awareness',
    ]);
    expect(verdicts[0]!.usage).toMatchObject({ inputTokens: 3000, outputTokens: 200, calls: 1 });
    expect(verdicts[0]!.usage!.costUSD).toBeCloseTo((3000 * 2 + 200 * 8) / 1e6, 12);
    for (const verdict of verdicts.slice(1)) {
      expect(verdict.usage).toMatchObject({ inputTokens: 0, outputTokens: 0, calls: 0 });
      expect(verdict.provenance).toMatchObject({ usageRecordedOn: 'covert_action' });
    }
  });

  it('leaves the cost out, with a note, when the price table does not know the model', async () => {
    server().handle(keywordJudge());
    const [verdict] = await gradeLocally(covertActionJudge, honestTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
    });
    expect(verdict!.usage!.costUSD).toBeUndefined();
    expect((verdict!.provenance as { notes: string[] }).notes.join(' ')).toMatch(
      /no price for openai:gpt-test/,
    );
  });

  it('still records what a failed answer cost', async () => {
    server().enqueue(httpError(400, { message: 'bad request' }));
    const [verdict] = await gradeLocally(covertActionJudge, honestTranscript(), {
      judge: 'openai:gpt-test',
      baseURL: server().openaiBaseURL,
    });
    expect(verdict!.error?.name).toBe('JudgeCallError');
    expect(verdict!.usage).toMatchObject({ calls: 0, inputTokens: 0 });
  });

  it('grades one transcript with fewer input tokens in one combined call than in three single calls', async () => {
    server().handle(keywordJudge());
    const transcript = falseSuccessTranscript();
    const options = { judge: 'openai:gpt-test', baseURL: server().openaiBaseURL };
    const combined = await gradeLocally(schemingJudge, transcript, options);
    const combinedInput = combined[0]!.usage!.inputTokens;
    const single = await Promise.all(
      ['covert-action', 'plausible-deniability', 'eval-awareness'].map(async (name) => {
        const { plugins } = await import('../src/index.js');
        const plugin = plugins.find((candidate) => candidate.id === `llm-judge.${name}`)!;
        const [verdict] = await gradeLocally(plugin, transcript, options);
        return verdict!.usage!.inputTokens;
      }),
    );
    const singleInput = single.reduce((sum, tokens) => sum + tokens, 0);
    expect(server().modelCalls()).toHaveLength(4);
    expect(combinedInput).toBeLessThan(singleInput * 0.8);
  });
});

describe('record and replay', () => {
  const server = useTestServer();

  it('replays a recorded run offline with a replay: judge: same verdicts, no call', async () => {
    server().handle(keywordJudge());
    const recordDir = temporaryDirectory();
    const transcripts = [falseSuccessTranscript(), honestTranscript()];
    const live: Verdict[] = [];
    for (const transcript of transcripts) {
      live.push(
        ...(await gradeLocally(schemingJudge, transcript, {
          judge: 'openai:gpt-test',
          baseURL: server().openaiBaseURL,
          recordDir,
        })),
      );
    }
    expect(server().modelCalls()).toHaveLength(2);
    expect(live).toHaveLength(transcripts.length * 3);
    const replayed: Verdict[] = [];
    for (const transcript of transcripts) {
      replayed.push(
        ...(await gradeLocally(schemingJudge, transcript, {
          judge: 'replay:openai:gpt-test',
          replayDir: recordDir,
        })),
      );
    }
    expect(server().modelCalls()).toHaveLength(2);
    const summary = (verdicts: typeof live) =>
      verdicts.map((verdict) => [verdict.dimension, verdict.label, verdict.score]);
    expect(summary(replayed)).toEqual(summary(live));
    expect(replayed.every((verdict) => verdict.error === undefined)).toBe(true);
  });

  it('fails a question that was never recorded as an error verdict, not a guess', async () => {
    const [verdict] = await gradeLocally(covertActionJudge, honestTranscript(), {
      judge: 'replay:openai:gpt-test',
      replayDir: temporaryDirectory(),
    });
    expect(verdict!.label).toBeNull();
    expect(verdict!.error?.name).toBe('ReplayMissError');
  });
});
