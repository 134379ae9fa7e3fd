import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readTranscripts } from '../src/index.js';
import { collect, errorsOf, transcriptsOf } from './helpers/collect.js';
import { sharedFolder, TEST_DATA } from './helpers/shared-data.js';
import { useTempDir } from './helpers/temp-dir.js';

const tempDir = useTempDir();

function write(name: string, content: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

describe('detectFormat', () => {
  it.each([
    ['inspect/zstd-agentic.eval', 'inspect'],
    ['inspect/nan-scores.json', 'inspect'],
    ['openai/chat-conversations.json', 'openai'],
    ['openai/chat.jsonl', 'openai'],
    ['openai/responses-conversation.json', 'openai'],
    ['openai/response-object.json', 'openai'],
    ['anthropic/messages-tools.json', 'anthropic'],
    ['anthropic/messages-server-tools.jsonl', 'anthropic'],
  ])('tells that %s is %s', async (name, format) => {
    expect(await detectFormat(join(TEST_DATA, name))).toBe(format);
  });

  it('tells judgekit JSONL from a provider conversation', async () => {
    const transcript = {
      id: 't1',
      messages: [{ role: 'assistant', content: [{ type: 'reasoning', text: 'hm' }] }],
    };
    expect(await detectFormat(write('t.jsonl', `${JSON.stringify(transcript)}\n`))).toBe('jsonl');
    expect(await detectFormat(write('t.json', JSON.stringify(transcript)))).toBe('jsonl');
    expect(await detectFormat(write('p.json', JSON.stringify(transcript, null, 2)))).toBeUndefined();
  });

  it('tells Anthropic from OpenAI by their blocks and fields', async () => {
    const anthropic = [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: 'x' }] }];
    const openai = [{ role: 'assistant', content: null, tool_calls: [] }];
    expect(await detectFormat(write('a.json', JSON.stringify(anthropic)))).toBe('anthropic');
    expect(await detectFormat(write('o.json', JSON.stringify(openai)))).toBe('openai');
  });

  it('returns undefined for something it cannot tell, and readTranscripts says to pass a format', async () => {
    const file = write('mystery.json', '{"hello": "world"}');
    expect(await detectFormat(file)).toBeUndefined();
    const items = await collect(readTranscripts(file));
    expect(errorsOf(items)).toMatchObject([
      { file, reason: expect.stringMatching(/^cannot tell the format.*jsonl, inspect, openai, anthropic/) },
    ]);
  });

  it('detects a directory whose files share a format, and not a mixed one', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'nested'));
    copyFileSync(join(TEST_DATA, 'inspect', 'zstd-agentic.eval'), join(dir, 'a.eval'));
    copyFileSync(join(TEST_DATA, 'inspect', 'nan-scores.json'), join(dir, 'nested', 'b.json'));
    expect(await detectFormat(dir)).toBe('inspect');
    copyFileSync(join(TEST_DATA, 'openai', 'chat.jsonl'), join(dir, 'c.jsonl'));
    expect(await detectFormat(dir)).toBeUndefined();
  });
});

describe('readTranscripts with from: auto', () => {
  it('reads every format of this package’s test data in one pass, each file by its own format', async () => {
    const items = await collect(readTranscripts(TEST_DATA));
    const bySource = new Map<string, number>();
    for (const transcript of transcriptsOf(items)) {
      const harness = transcript.source?.harness ?? 'none';
      bySource.set(harness, (bySource.get(harness) ?? 0) + 1);
    }
    // inspect: 2 (zstd) + 2 (attachments) + 3 (events-data) + 3 (journal) + 2 (nan) + 1 (damaged)
    expect(Object.fromEntries(bySource)).toEqual({ anthropic: 2, inspect: 13, openai: 6 });
    expect(errorsOf(items).map((error) => error.reason)).toEqual([
      'in entry samples/1_epoch_1.json: CRC-32 mismatch: the entry is corrupt',
      expect.stringMatching(/^in entry samples\/2_epoch_1\.json: not JSON/),
    ]);
  });

  const logs = sharedFolder('inspect-logs', 'readTranscripts over the real Inspect logs folder');
  it.skipIf(!logs.present)(
    `${logs.title}: reports the .json/.eval twins of one run as duplicate ids`,
    async () => {
      const items = await collect(readTranscripts(logs.dir));
      const names = readdirSync(logs.dir).filter((name) => /\.(eval|json)$/.test(name));
      expect(names).toContain('log_formats.json');
      expect(transcriptsOf(items)).toHaveLength(13);
      expect(errorsOf(items).map((error) => error.reason)).toEqual([
        expect.stringMatching(/^duplicate transcript id "popularity\/1\/epoch1@9eTnG3tV8jGRYoTPMH54Ee"/),
      ]);
    },
  );
});
