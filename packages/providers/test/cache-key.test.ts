import { describe, expect, it } from 'vitest';
import { cacheKey, createJudgeModel } from '../src/index.js';
import { reply } from '../src/testing/index.js';
import { GOOD_VERDICT, sentBody, TEST_KEY, tempDir, useTestServer, verdictRequest } from './support.js';

const FIXED_BODY = {
  model: 'gpt-4.1-mini',
  messages: [
    { role: 'system', content: 'RUBRIC "quoted"\n' },
    { role: 'user', content: 'transcript é 😀' },
  ],
  temperature: 0,
  max_completion_tokens: 1024,
  logprobs: true,
  top_logprobs: 5,
  response_format: {
    type: 'json_schema',
    json_schema: {
      name: 'judge_output',
      strict: true,
      schema: {
        type: 'object',
        properties: { label: { type: 'boolean' } },
        required: ['label'],
        additionalProperties: false,
      },
    },
  },
};

describe('cache keys', () => {
  const server = useTestServer();

  it('derives the same key for a fixed body as the entries already on disk were stored under', () => {
    // computed by the first implementation (canonical JSON of the whole wrapper, then sha256)
    expect(cacheKey({ provider: 'openai', body: FIXED_BODY, sample: 0 })).toBe(
      '84255175ba7b0d56418d0298fcec393081a12f120a9025ae0fabc1fe5e67f65a',
    );
    expect(cacheKey({ provider: 'compatible', body: FIXED_BODY, sample: 2 })).toBe(
      'd245f3bbb3c030cea28a781aac0e8843ee33ab813a02c78c9f3feeb6dce5b3d3',
    );
  });

  it('stores a call under the cacheKey of the body it sent, sent in the order it was built, for every sample', async () => {
    server().handle(() => reply(GOOD_VERDICT));
    const model = createJudgeModel('openai:gpt-4.1-mini', {
      env: {},
      apiKey: TEST_KEY,
      baseURL: server().openaiBaseURL,
      cacheDir: await tempDir(),
    });
    for (const [call, sample] of [0, 3].entries()) {
      const response = await model.complete({ ...verdictRequest(), labels: [{ path: ['label'] }], sample });
      const body = sentBody(server(), call);
      expect(response.cacheKey).toBe(cacheKey({ provider: 'openai', body, sample }));
      // keyed on the sorted form, sent as built: a model writes the fields in the schema's order
      const schema = (body.response_format as { json_schema: { schema: { properties: object } } }).json_schema
        .schema;
      expect(Object.keys(schema.properties)).toEqual(['label', 'category', 'quote', 'rationale']);
    }
  });
});
