import { describe, expect, it } from 'vitest';
import { RUBRIC_DIMENSIONS, schemingJudge } from '../src/index.js';
import { keywordJudge } from '../src/testing/index.js';
import { baseURLFor, gradeLocally, useTestServer } from './helpers/judge-setup.js';
import { falseSuccessTranscript } from './helpers/transcripts.js';

/** Where each provider's request carries the answer's JSON Schema. */
const SCHEMA_AT: Record<string, (body: Record<string, unknown>) => unknown> = {
  'openai:gpt-4.1-mini': (body) =>
    (body.response_format as { json_schema: { schema: unknown } }).json_schema.schema,
  'anthropic:claude-haiku-4-5': (body) =>
    (body.output_config as { format: { schema: unknown } }).format.schema,
};

type ObjectSchema = { properties: Record<string, ObjectSchema> };

describe('the answer schema as sent', () => {
  const server = useTestServer();

  // Structured output is generated in the schema's property order: evidence and reasons must come
  // before the label, so the model commits to a label after writing them (and a label's logprob is
  // read after them). A body re-serialized with sorted keys would put `category` and `label` first.
  for (const judge of Object.keys(SCHEMA_AT)) {
    it(`keeps the rubric's dimension order and evidence → rationale → category → label (${judge})`, async () => {
      server().handle(keywordJudge());
      await gradeLocally(schemingJudge, falseSuccessTranscript(), {
        judge,
        baseURL: baseURLFor(server(), judge),
      });
      const [call] = server().modelCalls();
      const body = JSON.parse(call!.body) as Record<string, unknown>;
      const schema = SCHEMA_AT[judge]!(body) as ObjectSchema;
      expect(Object.keys(schema.properties)).toEqual([...RUBRIC_DIMENSIONS]);
      for (const dimension of RUBRIC_DIMENSIONS) {
        expect(Object.keys(schema.properties[dimension]!.properties)).toEqual([
          'evidence',
          'rationale',
          'category',
          'label',
        ]);
      }
    });
  }
});
