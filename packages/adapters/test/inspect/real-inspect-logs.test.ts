import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript } from '@judgekit/core';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { readInspectLog } from '../../src/index.js';
import { collect, errorsOf, textOf, transcriptsOf } from '../helpers/collect.js';
import { readZipTexts } from '../helpers/read-zip-json.js';
import { sharedFolder } from '../helpers/shared-data.js';

type RawMessage = {
  role: string;
  content: string | { type: string; text?: string; reasoning?: string }[];
  tool_calls?: { id: string; function: string; arguments: Record<string, unknown> }[];
  tool_call_id?: string;
  function?: string;
  error?: { type: string; message: string };
};
type RawSample = {
  id: string | number;
  epoch: number;
  messages: RawMessage[];
  scores?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  attachments?: Record<string, string>;
};

const logs = sharedFolder('inspect-logs', 'every real Inspect log in shared/data/inspect-logs');
const files = logs.present ? readdirSync(logs.dir).filter((name) => /\.(eval|json)$/.test(name)) : [];

async function rawSamples(file: string): Promise<RawSample[]> {
  if (file.endsWith('.eval')) {
    const texts = await readZipTexts(file);
    return [...texts.entries()]
      .filter(([name]) => /^samples\/.+_epoch_\d+\.json$/.test(name))
      .map(([, text]) => JSON5.parse(text) as RawSample);
  }
  return (JSON5.parse(readFileSync(file, 'utf8')) as { samples: RawSample[] }).samples;
}

function resolve(text: string, attachments: Record<string, string> = {}): string {
  return text.startsWith('attachment://') ? (attachments[text.slice('attachment://'.length)] ?? text) : text;
}

function expectSampleMapped(raw: RawSample, transcript: Transcript): void {
  expect(transcript.messages.map((message) => message.role)).toEqual(
    raw.messages.map((message) => message.role),
  );
  expect(transcript.source).toMatchObject({ harness: 'inspect', sampleId: raw.id, epoch: raw.epoch });
  expect(transcript.source?.scores).toEqual(raw.scores);
  for (const [key, value] of Object.entries(raw.metadata ?? {}))
    expect(transcript.metadata?.[key]).toEqual(value);
  raw.messages.forEach((message, index) => {
    const mapped = transcript.messages[index]!;
    const calls = (message.tool_calls ?? []).map((call) => ({
      id: call.id,
      name: call.function,
      arguments: call.arguments,
    }));
    expect(mapped.toolCalls ?? []).toEqual(calls);
    if (message.role === 'tool') {
      expect(mapped.toolCallId).toBe(message.tool_call_id);
      expect(mapped.name).toBe(message.function);
      expect(mapped.isError ?? false).toBe(message.error !== undefined);
    }
    const reasoning =
      typeof message.content === 'string' ? [] : message.content.filter((part) => part.type === 'reasoning');
    expect(mapped.content.filter((part) => part.type === 'reasoning')).toHaveLength(reasoning.length);
    if (typeof message.content === 'string') {
      expect(textOf(transcript, index)).toBe(resolve(message.content, raw.attachments));
    } else {
      const texts = message.content
        .filter((part) => part.type === 'text')
        .map((part) => resolve(part.text ?? '', raw.attachments));
      const mappedTexts = mapped.content.filter((part) => part.type === 'text').map((part) => part.text);
      for (const text of texts) expect(mappedTexts).toContain(text);
      expect(mapped.content).toHaveLength(message.content.length);
    }
  });
}

describe.skipIf(!logs.present)(logs.title, () => {
  it('finds the real logs', () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });

  for (const name of files) {
    it(`maps every sample of ${name}: messages, roles, tool calls, tool results, reasoning, scores`, async () => {
      const file = join(logs.dir, name);
      const items = await collect(readInspectLog(file));
      expect(errorsOf(items)).toEqual([]);
      const transcripts = transcriptsOf(items);
      const raws = await rawSamples(file);
      expect(transcripts).toHaveLength(raws.length);
      for (const raw of raws) {
        const transcript = transcripts.find(
          (candidate) => candidate.source?.sampleId === raw.id && candidate.source?.epoch === raw.epoch,
        );
        expect(transcript, `sample ${raw.id} epoch ${raw.epoch}`).toBeDefined();
        expectSampleMapped(raw, transcript!);
      }
    });
  }

  const read = async (name: string) => transcriptsOf(await collect(readInspectLog(join(logs.dir, name))));

  it('keeps the five bash calls and their results in log_message_deduplication.eval (hand-checked)', async () => {
    const [transcript] = await read('log_message_deduplication.eval');
    expect(transcript!.id).toBe('inspect_test_utils/guess_number/0/epoch1@gsM63GyMBKgA3p4sHAMAfG');
    expect(transcript!.messages).toHaveLength(12);
    const calls = transcript!.messages.flatMap((message) => message.toolCalls ?? []);
    expect(calls.map((call) => call.id)).toEqual([
      'hardcoded_0',
      'hardcoded_1',
      'hardcoded_2',
      'hardcoded_3',
      'hardcoded_4',
    ]);
    expect(calls.every((call) => call.name === 'bash' && call.arguments.cmd === 'ls')).toBe(true);
    expect(transcript!.messages[2]).toMatchObject({ role: 'tool', toolCallId: 'hardcoded_0', name: 'bash' });
    expect(textOf(transcript!, 2)).toMatch(/^bin\nboot\ndev\n/);
    expect(transcript!.source?.scores).toEqual({ closeness_log: { value: 0, history: [] } });
  });

  it('marks every tool error in log_tool_call_error.json and keeps its type (hand-checked)', async () => {
    const [transcript] = await read('log_tool_call_error.json');
    expect(transcript!.source?.epoch).toBe(4);
    expect(transcript!.messages).toHaveLength(11);
    expect(transcript!.messages.every((message) => message.role === 'tool' && message.isError)).toBe(true);
    expect(
      transcript!.messages.map((message) => (message.metadata!.toolError as { type: string }).type),
    ).toEqual([
      'parsing',
      'timeout',
      'parsing',
      'unicode_decode',
      'permission',
      'file_not_found',
      'is_a_directory',
      'limit',
      'approval',
      'unknown',
      'output_limit',
    ]);
    expect(transcript!.messages[10]!.toolCallId).toBe('bash_11');
  });

  it('resolves the image attachment of log_images.json into a placeholder, not base64 (hand-checked)', async () => {
    const [transcript] = await read('log_images.json');
    expect(transcript!.messages[1]!.content).toEqual([
      { type: 'text', text: 'What is this a picture of?' },
      { type: 'text', text: '[image: image/png, inline data omitted]' },
    ]);
    expect(textOf(transcript!, 2)).toBe('[Abstract]');
  });

  it('reads all four sample × epoch transcripts of log_streaming.eval in order (hand-checked)', async () => {
    const transcripts = await read('log_streaming.eval');
    expect(transcripts.map((transcript) => transcript.id)).toEqual([
      'popularity/1/epoch1@WckPjG7ovQZLAiZF2fZpog',
      'popularity/1/epoch2@WckPjG7ovQZLAiZF2fZpog',
      'popularity/2/epoch1@WckPjG7ovQZLAiZF2fZpog',
      'popularity/2/epoch2@WckPjG7ovQZLAiZF2fZpog',
    ]);
    expect(transcripts.map((transcript) => textOf(transcript, 2))).toEqual(['No', 'Yes.', 'No.', 'No']);
  });

  it('keeps the score and sample metadata of mmlu-summary-choices.eval (hand-checked)', async () => {
    const [transcript] = await read('mmlu-summary-choices.eval');
    expect(transcript!.environment).toBe('inspect_evals/mmlu_0_shot');
    expect(transcript!.metadata).toMatchObject({ subject: 'college_physics' });
    expect(transcript!.source?.scores).toMatchObject({ choice: { value: 'I', answer: 'C' } });
    expect(transcript!.metadata?.inspect).toMatchObject({ model: expect.any(String), status: 'success' });
  });
});
