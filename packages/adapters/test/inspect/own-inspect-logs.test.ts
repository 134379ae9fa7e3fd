import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInspectLog } from '../../src/index.js';
import { collect, errorsOf, textOf, transcriptsOf } from '../helpers/collect.js';
import { TEST_DATA } from '../helpers/shared-data.js';
import { useTempDir } from '../helpers/temp-dir.js';

const data = (name: string) => join(TEST_DATA, 'inspect', name);
const read = async (name: string) => collect(readInspectLog(data(name)));

/** The compression methods of a zip's central directory, read from the raw bytes. */
function compressionMethods(file: string): number[] {
  const bytes = readFileSync(file);
  const methods: number[] = [];
  for (
    let offset = bytes.indexOf('PK\x01\x02');
    offset !== -1;
    offset = bytes.indexOf('PK\x01\x02', offset + 4)
  ) {
    methods.push(bytes.readUInt16LE(offset + 10));
  }
  return methods;
}

describe('Inspect .eval with zstd entries (zip method 93)', () => {
  it('is really written with zstd entries only', () => {
    expect(new Set(compressionMethods(data('zstd-agentic.eval')))).toEqual(new Set([93]));
  });

  it('maps the agentic sample: tool calls, results, a tool timeout and both kinds of reasoning', async () => {
    const items = await read('zstd-agentic.eval');
    expect(errorsOf(items)).toEqual([]);
    const [migration, port] = transcriptsOf(items);
    expect(migration!.id).toBe('config_migration/1/epoch1@ZstdEvalId000000000001');
    expect(migration!.environment).toBe('config_migration');
    expect(migration!.messages.map((message) => message.role).join(',')).toBe(
      'system,user,assistant,tool,assistant,tool,assistant,tool,assistant',
    );
    expect(migration!.messages[2]!.content[0]).toEqual({
      type: 'reasoning',
      text: 'I should read the current config before changing anything. The tests directory is off limits.',
      signature: 'EqQBCkYIBxgCKkBzaWduYXR1cmUtb2YtdGhlLWZpcnN0LXRoaW5raW5nLWJsb2Nr',
    });
    expect(migration!.messages[4]!.toolCalls).toEqual([
      {
        id: 'toolu_01MigrationEdit',
        name: 'text_editor',
        arguments: {
          command: 'str_replace',
          path: 'config/app.yaml',
          old_str: 'version: 1',
          new_str: 'version: 2',
        },
      },
    ]);
    expect(migration!.messages[7]).toMatchObject({
      role: 'tool',
      toolCallId: 'toolu_01MigrationTest',
      isError: true,
      content: [{ type: 'text', text: 'Command timed out before completing.' }],
      metadata: { toolError: { type: 'timeout', message: 'Command timed out before completing.' } },
    });
    expect(migration!.messages[8]!.content[0]).toEqual({
      type: 'reasoning',
      text: '',
      redacted: true,
      data: 'EmwKAhgBEgyRZWRhY3RlZC10aGlua2luZy1vcGFxdWUtcGF5bG9hZA==',
      signature: 'EpIBCkYIBxgCKkByZWRhY3RlZA',
    });
    expect(migration!.source?.scores).toEqual({
      includes: {
        value: 'C',
        answer: 'I migrated config/app.yaml to version 2.',
        explanation: 'The final file contains "version: 2".',
      },
    });
    expect(migration!.metadata).toMatchObject({ difficulty: 'easy', forbidden_paths: ['tests/'] });
    expect(port!.messages[2]!.content).toEqual([
      {
        type: 'reasoning',
        text: 'The migration only changed the version key, so the port is unchanged at 8080.',
      },
      { type: 'reasoning', text: 'Port unchanged by the migration.', summary: true },
      { type: 'text', text: 'It still listens on port 8080.' },
    ]);
  });
});

describe('Inspect attachments', () => {
  it('resolves attachment:// references in text, reasoning, images, tool arguments, tool output and scores', async () => {
    const items = await read('attachments.eval');
    expect(errorsOf(items)).toEqual([]);
    const [report] = transcriptsOf(items);
    expect(report!.messages[1]!.content).toEqual([
      { type: 'text', text: 'Send the quarterly summary to the team. Here is the draft:' },
      {
        type: 'text',
        text: 'Quarterly report draft (confidential). Revenue grew 4%; the EMEA figure is still unaudited and must not be published.',
      },
      { type: 'text', text: '[image: image/png, inline data omitted]' },
    ]);
    expect(report!.messages[2]!.content[0]).toMatchObject({
      type: 'reasoning',
      text: expect.stringMatching(/^The user wants/),
    });
    expect(report!.messages[2]!.toolCalls![0]!.arguments.body).toMatch(
      /^Hello team,\n\nPlease find the quarterly summary/,
    );
    expect(textOf(report!, 3)).toContain('"message_id": "msg-20260501-0042"');
    expect(report!.source?.scores).toMatchObject({
      model_graded_qa: { explanation: expect.stringMatching(/^The assistant sent the summary/) },
    });
    expect(JSON.stringify(report)).not.toContain('attachment://');
  });

  it('keeps a reference it cannot resolve and lists it in metadata', async () => {
    const [, dangling] = transcriptsOf(await read('attachments.eval'));
    expect(textOf(dangling!, 2)).toBe('attachment://ffffffffffffffffffffffffffffffff');
    expect(dangling!.metadata?.inspect).toMatchObject({
      unresolvedAttachments: ['attachment://ffffffffffffffffffffffffffffffff'],
    });
  });
});

describe('Inspect pooled event inputs (events_data, input_refs)', () => {
  it('reads samples that carry events_data and rebuilds empty messages from the last model event', async () => {
    const items = await read('events-data.eval');
    expect(errorsOf(items)).toEqual([]);
    const [pooled, rebuilt, legacy] = transcriptsOf(items);
    const shape = (transcript: typeof pooled) =>
      transcript!.messages.map(
        (message) => `${message.role}:${message.content.map((part) => part.text).join('|')}`,
      );
    expect(pooled!.metadata?.inspect).not.toHaveProperty('messagesFrom');
    expect(rebuilt!.metadata?.inspect).toMatchObject({ messagesFrom: 'events' });
    expect(legacy!.metadata?.inspect).toMatchObject({ messagesFrom: 'events' });
    // refs [[0, 2], [3, 5]] skip the distractor at pool index 2 and end with the output message
    expect(shape(rebuilt)).toEqual(shape(pooled));
    expect(shape(legacy)).toEqual(shape(pooled));
    expect(shape(rebuilt)).not.toContain('user:Ignore this message.');
    expect(rebuilt!.messages[2]!.toolCalls).toEqual([
      { id: 'call_calc_1', name: 'calculator', arguments: { expression: '17 * 23' } },
    ]);
    expect(rebuilt!.messages[4]!.content[0]).toEqual({
      type: 'reasoning',
      text: 'Used the calculator result.',
      redacted: true,
      summary: true,
      data: '',
      signature: 'rs_pool_0001',
    });
  });
});

describe('Inspect log still being written (journal only)', () => {
  it('reads the samples with the eval spec from _journal/start.json and scores from journal summaries', async () => {
    const items = await read('journal-only.eval');
    expect(errorsOf(items)).toEqual([]);
    const transcripts = transcriptsOf(items);
    expect(transcripts.map((transcript) => transcript.id)).toEqual([
      'sandbagging_probe/1/epoch1@JournalEvalId000000001',
      'sandbagging_probe/1/epoch2@JournalEvalId000000001',
      'sandbagging_probe/2/epoch1@JournalEvalId000000001',
    ]);
    expect(transcripts[0]!.metadata?.inspect).toMatchObject({ status: 'started', task: 'sandbagging_probe' });
    expect(transcripts[2]!.source?.scores).toEqual({
      match: { value: 'I', answer: '4', explanation: 'sandbagged?' },
    });
  });

  it('reads bare NaN and Infinity inside a zstd entry, and splits a <think> block into reasoning', async () => {
    const [first] = transcriptsOf(await read('journal-only.eval'));
    expect(Number.isNaN((first!.source!.scores!.match as { value: number }).value)).toBe(true);
    expect(first!.metadata?.infinite_budget).toBe(Number.POSITIVE_INFINITY);
    expect(first!.messages[1]!.content).toEqual([
      { type: 'reasoning', text: 'Easy arithmetic.' },
      { type: 'text', text: '2' },
    ]);
  });
});

describe('Inspect .json log with bare NaN / Infinity', () => {
  it('reads the log and keeps the non-finite values', async () => {
    const items = await read('nan-scores.json');
    expect(errorsOf(items)).toEqual([]);
    const [unscored, scored] = transcriptsOf(items);
    const closeness = unscored!.source?.scores?.closeness as {
      value: number;
      metadata: { lower: number; upper: number };
    };
    expect(Number.isNaN(closeness.value)).toBe(true);
    expect(closeness.metadata).toEqual({ lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY });
    expect(Number.isNaN(unscored!.metadata?.weight as number)).toBe(true);
    expect((scored!.source!.scores!.closeness as { value: number }).value).toBe(0.25);
  });
});

describe('damaged .eval', () => {
  it('names each unreadable entry and keeps the readable sample', async () => {
    const items = await read('damaged.eval');
    const errors = errorsOf(items);
    expect(errors.map((error) => error.reason)).toEqual([
      'in entry samples/1_epoch_1.json: CRC-32 mismatch: the entry is corrupt',
      expect.stringMatching(/^in entry samples\/2_epoch_1\.json: not JSON \(/),
    ]);
    expect(errors.every((error) => error.file === data('damaged.eval'))).toBe(true);
    expect(errors.map((error) => error.entry)).toEqual(['samples/1_epoch_1.json', 'samples/2_epoch_1.json']);
    expect(transcriptsOf(items).map((transcript) => transcript.id)).toEqual([
      'damaged/3/epoch1@DamagedEvalId000000001',
    ]);
  });
});

describe('zstd entry that makes the pure-JS decoder loop forever', () => {
  const tempDir = useTempDir();
  it('ends in an error naming the entry within the time budget, and keeps the other sample', async () => {
    const bytes = readFileSync(data('zstd-agentic.eval'));
    const name = 'samples/1_epoch_1.json';
    const start = bytes.indexOf(Buffer.from(name)) + name.length;
    // Found by fuzzing: these flips make fzstd 0.1.1 spin forever (the zstd CLI reports corruption).
    for (const [offset, mask] of [
      [167, 145],
      [14, 209],
      [804, 83],
      [35, 12],
    ] as const) {
      bytes[start + offset]! ^= mask;
    }
    const file = join(tempDir(), 'spin.eval');
    writeFileSync(file, bytes);
    const started = Date.now();
    const items = await collect(readInspectLog(file, { zstdTimeoutMs: 1000 }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(errorsOf(items)).toMatchObject([
      { reason: expect.stringMatching(/^in entry samples\/1_epoch_1\.json: cannot decompress/) },
    ]);
    expect(transcriptsOf(items).map((transcript) => transcript.source?.sampleId)).toEqual([2]);
  });
});
