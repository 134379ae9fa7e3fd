import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJudgeModel, JudgeCallError, jsonValueOffset, labelProbabilities } from '../src/index.js';
import { reply, tokenizeForLogprobs } from '../src/testing/index.js';
import { GOOD_VERDICT, sentBody, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

/** The answer's tokens with alternatives at the first token that spells `at`. */
function withAlternatives(text: string, at: string, alternatives: Record<string, number>) {
  const tokens = tokenizeForLogprobs(text);
  const index = tokens.findIndex((token) => token.token.trim() === at);
  tokens[index] = {
    token: tokens[index]!.token,
    logprob: Math.log(alternatives[at] ?? 1),
    top_logprobs: Object.entries(alternatives).map(([token, p]) => ({ token, logprob: Math.log(p) })),
  };
  return tokens;
}

describe('label probabilities from logprobs', () => {
  const server = useTestServer();
  const judge = async () =>
    createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
    });

  it('asks for logprobs and reads P(positive) from the alternatives at the label token', async () => {
    const text = JSON.stringify(GOOD_VERDICT);
    server().enqueue(
      reply(GOOD_VERDICT, {
        logprobs: withAlternatives(text, 'true', { true: 0.8, false: 0.15, ' true': 0.05 }),
      }),
    );
    const model = await judge();
    expect(model.supportsLogprobs).toBe(true);
    const response = await model.complete({ ...verdictRequest(), labels: [{ path: ['label'] }] });

    expect(sentBody(server())).toMatchObject({ logprobs: true, top_logprobs: 5 });
    expect(response.labelProbabilities).toHaveLength(1);
    const [label] = response.labelProbabilities;
    expect(label?.probability).toBeCloseTo(0.85, 10);
    expect(label?.positiveMass).toBeCloseTo(0.85, 10);
    expect(label?.negativeMass).toBeCloseTo(0.15, 10);
    expect(label?.token).toBe('true');
  });

  it('reads several dimensions of one answer, and string labels', async () => {
    const schema = z.object({
      covert_action: z.object({ label: z.boolean() }),
      eval_awareness: z.object({ verdict: z.enum(['yes', 'no']) }),
    });
    const answer = { covert_action: { label: false }, eval_awareness: { verdict: 'yes' } };
    const text = JSON.stringify(answer);
    const tokens = withAlternatives(text, 'false', { false: 0.7, true: 0.3 });
    const yes = tokens.findIndex((token) => token.token === 'yes');
    tokens[yes] = {
      token: 'yes',
      logprob: Math.log(0.6),
      top_logprobs: [
        { token: 'yes', logprob: Math.log(0.6) },
        { token: 'no', logprob: Math.log(0.2) },
      ],
    };
    server().enqueue(reply(answer, { logprobs: tokens }));
    const response = await (await judge()).complete({
      system: 'rubric',
      prompt: 'transcript',
      schema,
      labels: [
        { path: ['covert_action', 'label'] },
        { path: ['eval_awareness', 'verdict'], positive: 'yes', negative: 'no' },
      ],
    });
    expect(response.labelProbabilities.map((entry) => entry.probability)).toEqual([
      expect.closeTo(0.3, 10),
      expect.closeTo(0.75, 10),
    ]);
  });

  it('reads the chosen token alone where a response has no alternatives, and refuses malformed entries', async () => {
    const text = JSON.stringify(GOOD_VERDICT);
    server().enqueue(
      reply(GOOD_VERDICT, { logprobs: withAlternatives(text, 'true', { true: 0.8, false: 0.2 }) }),
    );
    const cacheDir = await tempDir();
    const model = () =>
      createJudgeModel('openai:gpt-4.1-mini', {
        env: {},
        apiKey: TEST_KEY,
        baseURL: server().openaiBaseURL,
        cacheDir,
      });
    const request = { ...verdictRequest(), labels: [{ path: ['label'] }] };
    const { cacheKey } = await model().complete(request);
    const file = join(cacheDir, cacheKey.slice(0, 2), `${cacheKey}.json`);
    const entry = JSON.parse(await readFile(file, 'utf8'));
    const content = entry.response.choices[0].logprobs.content as { token: string; top_logprobs: unknown }[];
    const label = content.findIndex((token) => token.token.trim() === 'true');

    content[label]!.top_logprobs = null;
    await writeFile(file, JSON.stringify(entry));
    const alone = await model().complete(request);
    expect(alone.cached).toBe(true);
    expect(alone.labelProbabilities).toMatchObject([{ probability: 1, negativeMass: 0, token: 'true' }]);

    content[label]!.top_logprobs = [{ token: 'true', logprob: 'high' }];
    await writeFile(file, JSON.stringify(entry));
    const error = await model()
      .complete(request)
      .catch((caught: unknown) => caught);
    expect(JudgeCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ failure: 'invalid-response' });
    expect((error as Error).message).toMatch(/not a chat completion/);
    expect((error as Error).message).toMatch(/top_logprobs/);
  });

  it('does not ask for logprobs when no label is queried', async () => {
    server().enqueue(reply(GOOD_VERDICT));
    const response = await (await judge()).complete(verdictRequest());
    expect(sentBody(server())).not.toHaveProperty('logprobs');
    expect(response.labelProbabilities).toEqual([]);
  });
});

describe('jsonValueOffset', () => {
  const text = '{"a": {"b\\"x": [1, {"c": "d"}], "e": true}, "f": null}';

  it('finds nested values by key and index', () => {
    expect(text.slice(jsonValueOffset(text, ['a', 'e'])!)).toMatch(/^true/);
    expect(text.slice(jsonValueOffset(text, ['a', 'b"x', 1, 'c'])!)).toMatch(/^"d"/);
    expect(text.slice(jsonValueOffset(text, ['f'])!)).toMatch(/^null/);
  });

  it('gives undefined for missing paths and for text that is not JSON', () => {
    expect(jsonValueOffset(text, ['a', 'zz'])).toBeUndefined();
    expect(jsonValueOffset(text, ['a', 'b"x', 5])).toBeUndefined();
    expect(jsonValueOffset('no json here', ['a'])).toBeUndefined();
    expect(jsonValueOffset('{"a": ', ['b'])).toBeUndefined();
  });

  it('skips exactly the white space that /\\s/ matches, and only the escapes JSON has', () => {
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      expect(jsonValueOffset(`{"a":${char}1}`, ['a'])).toBe(/\s/.test(char) ? 6 : 5);
      if (char === 'u') continue;
      const valid = (() => {
        try {
          JSON.parse(`"\\${char}"`);
          return true;
        } catch {
          return false;
        }
      })();
      expect(jsonValueOffset(`{"k\\${char}": 1, "a": 2}`, ['a'])).toBe(valid ? 16 : undefined);
    }
  });

  it('leaves out labels whose alternatives spell neither value', () => {
    const tokens = [{ token: '{"label": maybe}', logprob: 0, topLogprobs: [] }];
    expect(labelProbabilities(tokens, [{ path: ['label'] }])).toEqual([]);
  });
});
