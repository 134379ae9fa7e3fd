import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readAnthropicConversations,
  readOpenAIConversations,
  transcriptFromAgentSafetyRecord,
  transcriptFromAnthropic,
  transcriptFromOpenAI,
} from '../../src/index.js';
import { collect, errorsOf, transcriptsOf } from '../helpers/collect.js';
import { TEST_DATA } from '../helpers/shared-data.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { deepJson, junkJson, RUNS, randomPath, replaceAt } from './arbitraries.js';

const tempDir = useTempDir();
const load = (name: string) => JSON.parse(readFileSync(join(TEST_DATA, name), 'utf8')) as unknown;

const openaiSeeds = [
  ...(load('openai/chat-conversations.json') as unknown[]),
  load('openai/responses-conversation.json'),
  load('openai/response-object.json'),
];
const anthropicSeeds = [load('anthropic/messages-tools.json')];
const agentSeed = {
  id: 1,
  profile: 'You are an agent.',
  contents: [
    [
      { role: 'user', content: 'do it' },
      { role: 'agent', thought: 'ok', action: `run{'cmd': 'ls', 'n': [1, 2.5, None, True]}` },
      { role: 'environment', content: 'a b' },
      { role: 'agent', thought: '', action: `Complete{'response': 'done'}` },
    ],
  ],
  label: 1,
  ambiguous: 0,
};

const mutation = fc.tuple(
  randomPath,
  fc.oneof(junkJson, fc.constant(undefined), fc.string({ maxLength: 5000 })),
);

describe('fuzzing the provider and dataset mappers', () => {
  it.each([
    ['OpenAI', transcriptFromOpenAI, openaiSeeds],
    ['Anthropic', transcriptFromAnthropic, anthropicSeeds],
  ] as const)(
    'maps any mutation of a real %s conversation to a transcript or an error item',
    (_name, map, seeds) => {
      fc.assert(
        fc.property(fc.constantFrom(...seeds), mutation, (seed, [path, replacement]) => {
          const item = map(replaceAt(seed, path, replacement));
          if (!item.ok) expect(item.error.name).toBe('InvalidTranscriptError');
        }),
        { numRuns: RUNS * 5 },
      );
    },
  );

  it('maps any JSON value, deep nesting included, without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          junkJson,
          deepJson.map((text) => JSON.parse(text) as unknown),
        ),
        (value) => {
          for (const map of [transcriptFromOpenAI, transcriptFromAnthropic])
            expect(typeof map(value).ok).toBe('boolean');
          expect(typeof transcriptFromAgentSafetyRecord(value, { source: 'agentharm' }).ok).toBe('boolean');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('maps any mutation of an ASSEBench record, with any action string', () => {
    fc.assert(
      fc.property(mutation, fc.string({ maxLength: 200 }), ([path, replacement], action) => {
        const record = replaceAt(agentSeed, path, replacement) as typeof agentSeed;
        const withAction = replaceAt(record, [2, 0, 1, 2], action);
        for (const value of [record, withAction]) {
          const item = transcriptFromAgentSafetyRecord(value, { source: 'assebench-security' });
          if (!item.ok) expect(item.error.name).toBe('InvalidTranscriptError');
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it.each([
    ['openai', readOpenAIConversations, openaiSeeds],
    ['anthropic', readAnthropicConversations, anthropicSeeds],
  ] as const)(
    'keeps every valid %s conversation of a file mixed with junk ones',
    async (_name, read, seeds) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              fc.constantFrom(...seeds.map((_seed, index) => index)),
              junkJson.map((junk) => ({ junk })),
            ),
            { maxLength: 8 },
          ),
          fc.boolean(),
          async (slots, asLines) => {
            const records = slots.map((slot, index) =>
              typeof slot === 'number'
                ? { ...(seeds[slot] as object), id: `keep-${index}` }
                : { messages: slot.junk, id: `junk-${index}` },
            );
            const file = join(tempDir(), asLines ? 'mixed.jsonl' : 'mixed.json');
            writeFileSync(
              file,
              asLines ? records.map((record) => JSON.stringify(record)).join('\n') : JSON.stringify(records),
            );
            const items = await collect(read(file));
            const expected = records.map((record) => record.id).filter((id) => id.startsWith('keep-'));
            expect(
              transcriptsOf(items)
                .map((transcript) => transcript.id)
                .filter((id) => id.startsWith('keep-')),
            ).toEqual(expected);
            if (records.length > 0) expect(items).toHaveLength(records.length);
            for (const error of errorsOf(items)) expect(asLines ? error.line : error.path).toBeDefined();
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
