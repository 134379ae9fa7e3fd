import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJudgekitJsonl, readTranscripts } from '../src/index.js';
import { collect, errorsOf, transcriptsOf } from './helpers/collect.js';
import { useTempDir } from './helpers/temp-dir.js';

const tempDir = useTempDir();
const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, messages: [{ role: 'user', content: `hello from ${id}` }], ...extra });

function write(name: string, content: string | Buffer): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

describe('readJudgekitJsonl', () => {
  it('reads one transcript per line and keeps the valid lines around a bad one', async () => {
    const file = write(
      'mixed.jsonl',
      [
        line('a'),
        JSON.stringify({ id: 'b', messages: [{ role: 'robot', content: 'beep' }] }),
        '{"id": "c", "messages": [',
        '',
        line('d'),
      ].join('\n'),
    );
    const items = await collect(readJudgekitJsonl(file));
    expect(transcriptsOf(items).map((transcript) => transcript.id)).toEqual(['a', 'd']);
    const [roleError, jsonError] = errorsOf(items);
    expect(roleError).toMatchObject({ file, line: 2, path: 'messages.0.role' });
    expect(roleError!.message).toMatch(
      new RegExp(`^${file}:line 2: invalid transcript at messages\\.0\\.role: `),
    );
    expect(jsonError).toMatchObject({ file, line: 3, path: '' });
    expect(jsonError!.reason).toMatch(/^not JSON/);
  });

  it('normalizes string content into text parts and applies schema defaults', async () => {
    const [item] = await collect(readJudgekitJsonl(write('one.jsonl', `${line('a')}\n`)));
    expect(item).toEqual({
      ok: true,
      transcript: {
        id: 'a',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hello from a' }] }],
      },
    });
  });

  it('accepts CRLF line ends and a byte-order mark', async () => {
    const file = write('crlf.jsonl', `\uFEFF${line('a')}\r\n${line('b')}\r\n`);
    expect(transcriptsOf(await collect(readJudgekitJsonl(file))).map((transcript) => transcript.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('reports a line that is not UTF-8 and reads on', async () => {
    const file = write(
      'bytes.jsonl',
      Buffer.concat([
        Buffer.from(`${line('a')}\n{"id": "`),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(`"}\n${line('c')}\n`),
      ]),
    );
    const items = await collect(readJudgekitJsonl(file));
    expect(transcriptsOf(items).map((transcript) => transcript.id)).toEqual(['a', 'c']);
    expect(errorsOf(items)).toMatchObject([{ line: 2, reason: 'line is not valid UTF-8' }]);
  });

  it('skips a line longer than the limit without holding it, and reads the next one', async () => {
    const file = write(
      'long.jsonl',
      `${line('a', { metadata: { blob: 'x'.repeat(5000) } })}\n${line('b')}\n`,
    );
    const items = await collect(readJudgekitJsonl(file, { maxLineBytes: 1000 }));
    expect(transcriptsOf(items).map((transcript) => transcript.id)).toEqual(['b']);
    expect(errorsOf(items)).toMatchObject([{ line: 1, reason: 'line is longer than 1000 bytes; skipped' }]);
  });

  it('streams a file larger than its read buffer line by line', async () => {
    const lines = Array.from({ length: 3000 }, (_, index) =>
      line(`t${index}`, { metadata: { pad: 'y'.repeat(100) } }),
    );
    const file = write('big.jsonl', lines.join('\n'));
    const transcripts = transcriptsOf(await collect(readJudgekitJsonl(file)));
    expect(transcripts).toHaveLength(3000);
    expect(transcripts.at(-1)!.id).toBe('t2999');
  });

  it('keeps the first of two lines with the same id and reports the second', async () => {
    const file = write('dupes.jsonl', [line('a'), line('b'), line('a')].join('\n'));
    const items = await collect(readJudgekitJsonl(file));
    expect(transcriptsOf(items).map((transcript) => transcript.id)).toEqual(['a', 'b']);
    expect(errorsOf(items)).toMatchObject([
      { line: 3, path: 'id', reason: 'duplicate transcript id "a" (first on line 1)' },
    ]);
  });

  it('rejects fields a transcript does not have instead of dropping them', async () => {
    const openai = { id: 'o', messages: [{ role: 'assistant', content: null, tool_calls: [] }] };
    const misspelt = { id: 'm', messages: [], label: { covert_action: true } };
    const items = await collect(
      readJudgekitJsonl(write('foreign.jsonl', `${JSON.stringify(openai)}\n${JSON.stringify(misspelt)}\n`)),
    );
    expect(errorsOf(items)).toMatchObject([
      { line: 1, path: 'messages.0.tool_calls', reason: expect.stringMatching(/^unknown field/) },
      { line: 2, path: 'label' },
    ]);
  });

  it('rejects a line that is JSON but not an object', async () => {
    const items = await collect(readJudgekitJsonl(write('array.jsonl', '[1, 2]\n"text"\n')));
    expect(errorsOf(items).map((error) => error.reason)).toEqual([
      'a line must hold one transcript object',
      'a line must hold one transcript object',
    ]);
  });
});

describe('readTranscripts over a directory', () => {
  it('reads every .jsonl file in name order, recursively, and reports ids repeated across files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.jsonl'), `${line('b1')}\n${line('a1')}\n`);
    writeFileSync(join(dir, 'a.jsonl'), `${line('a1')}\n`);
    writeFileSync(join(dir, '.hidden.jsonl'), `${line('hidden')}\n`);
    writeFileSync(join(dir, 'notes.txt'), 'not an input');
    const items = await collect(readTranscripts(dir, { from: 'jsonl' }));
    expect(transcriptsOf(items).map((transcript) => transcript.id)).toEqual(['a1', 'b1']);
    expect(errorsOf(items)).toMatchObject([
      {
        file: join(dir, 'b.jsonl'),
        path: 'id',
        reason: 'duplicate transcript id "a1" (first read in an earlier file)',
      },
    ]);
  });

  it('throws for a path that does not exist, and for an unknown format', async () => {
    await expect(collect(readTranscripts(join(tempDir(), 'missing.jsonl')))).rejects.toThrow(/ENOENT/);
    await expect(collect(readTranscripts(tempDir(), { from: 'csv' as never }))).rejects.toThrow(TypeError);
  });

  it('names the `from` option and every accepted format when the format is unknown', async () => {
    await expect(collect(readTranscripts(tempDir(), { from: 'csv' as never }))).rejects.toThrow(
      'unknown format "csv" in option `from`; accepted: auto, jsonl, inspect, openai, anthropic',
    );
  });
});
