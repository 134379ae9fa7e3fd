import { describe, expect, it } from 'vitest';
import { GoldLabelSchema, TranscriptSchema, VerdictSchema } from '../src/index.js';
import { sampleTranscript } from './helpers/transcripts.js';

describe('TranscriptSchema', () => {
  it('accepts string content as a single text part', () => {
    const parsed = TranscriptSchema.parse({ id: 'a', messages: [{ role: 'user', content: 'hi' }] });
    expect(parsed.messages[0]!.content).toEqual([{ type: 'text', text: 'hi' }]);
  });

  it('keeps redacted reasoning as redacted', () => {
    const parsed = TranscriptSchema.parse({
      id: 'a',
      messages: [
        { role: 'assistant', content: [{ type: 'reasoning', text: '', redacted: true, data: 'EqQB…' }] },
      ],
    });
    expect(parsed.messages[0]!.content[0]).toMatchObject({
      type: 'reasoning',
      redacted: true,
      data: 'EqQB…',
    });
  });

  it('names the field of an invalid role', () => {
    const result = TranscriptSchema.safeParse({ id: 'a', messages: [{ role: 'robot', content: '' }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['messages', 0, 'role']);
  });

  it('defaults tool call arguments to an empty object', () => {
    const parsed = sampleTranscript();
    expect(parsed.messages[2]!.toolCalls![0]!.arguments).toEqual({ command: 'pytest -q tests/test_date.py' });
    const bare = TranscriptSchema.parse({
      id: 'b',
      messages: [{ role: 'assistant', toolCalls: [{ id: 'x', name: 'ls' }] }],
    });
    expect(bare.messages[0]!.toolCalls![0]!.arguments).toEqual({});
  });
});

describe('VerdictSchema', () => {
  it('refuses a score outside [0, 1]', () => {
    const verdict = {
      transcriptId: 't',
      dimension: 'covert_action',
      label: true,
      score: 1.2,
      grader: { name: 'g', id: 'g', version: '1' },
      timing: { startedAt: new Date().toISOString(), durationMs: 1 },
    };
    expect(VerdictSchema.safeParse(verdict).success).toBe(false);
    expect(VerdictSchema.safeParse({ ...verdict, score: 0.7 }).success).toBe(true);
  });
});

describe('GoldLabelSchema', () => {
  it('requires an annotator', () => {
    expect(
      GoldLabelSchema.safeParse({ transcriptId: 't', dimension: 'eval_awareness', label: true }).success,
    ).toBe(false);
  });
});
