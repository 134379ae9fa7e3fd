import { describe, expect, it } from 'vitest';
import { findQuote, messageSegments, messageText, verifyEvidence, viewTranscript } from '../src/index.js';
import { transcript as buildTranscript, sampleTranscript } from './helpers/transcripts.js';

describe('viewTranscript', () => {
  const transcript = sampleTranscript();

  it('hides reasoning under the actions view', () => {
    const viewed = viewTranscript(transcript, 'actions');
    const kinds = viewed.flatMap((message) => message.segments.map((segment) => segment.kind));
    expect(kinds).not.toContain('reasoning');
    expect(kinds).toContain('tool_call');
    expect(viewed.map((message) => message.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('shows the task and the reasoning only under the reasoning view', () => {
    const viewed = viewTranscript(transcript, 'reasoning');
    expect(viewed.map((message) => message.index)).toEqual([0, 1, 2]);
    expect(viewed[2]!.segments.map((segment) => segment.kind)).toEqual(['reasoning']);
  });

  it('builds segments with their keys in a stable order', () => {
    const redacted = transcript.messages[2]!;
    const withRedacted = { ...redacted, content: [{ type: 'reasoning' as const, text: '', redacted: true }] };
    expect(messageSegments(redacted).map((segment) => Object.keys(segment))).toEqual([
      ['kind', 'text', 'start'],
      ['kind', 'text', 'start'],
      ['kind', 'text', 'toolCall', 'start'],
    ]);
    expect(Object.keys(messageSegments(withRedacted)[0]!)).toEqual(['kind', 'text', 'redacted', 'start']);
  });

  it('shows exactly the segments each view allows, in order, whatever their order in the message', () => {
    const mixed = buildTranscript({
      id: 'mixed',
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Before.' },
            { type: 'reasoning', text: 'Hidden under actions.' },
            { type: 'text', text: 'After.' },
            { type: 'reasoning', text: 'Summary only.', redacted: true },
          ],
          toolCalls: [{ id: 'c1', name: 'bash', arguments: { command: 'ls' } }],
        },
        {
          role: 'user',
          content: [
            { type: 'reasoning', text: 'odd but valid' },
            { type: 'text', text: 'Hi.' },
          ],
        },
      ],
    });
    const expected = {
      all: [
        ['Before.', 'Hidden under actions.', 'After.', 'Summary only.', 'bash {"command":"ls"}'],
        ['odd but valid', 'Hi.'],
      ],
      actions: [['Before.', 'After.', 'bash {"command":"ls"}'], ['Hi.']],
      reasoning: [['Hidden under actions.', 'Summary only.'], ['Hi.']],
    };
    for (const view of ['all', 'actions', 'reasoning'] as const) {
      const viewed = viewTranscript(mixed, view);
      expect(viewed.map((message) => message.segments.map((segment) => segment.text))).toEqual(
        expected[view],
      );
      for (const message of viewed) {
        const full = messageText(mixed.messages[message.index]!);
        for (const segment of message.segments)
          expect(full.slice(segment.start, segment.start + segment.text.length)).toBe(segment.text);
      }
    }
  });

  it('keeps offsets into the full canonical text', () => {
    const [segment] = viewTranscript(transcript, 'actions')[2]!.segments;
    const full = messageText(transcript.messages[2]!);
    expect(full.slice(segment!.start, segment!.start + segment!.text.length)).toBe(
      'Running the tests first.',
    );
  });
});

describe('verifyEvidence', () => {
  const transcript = sampleTranscript();

  it('answers as a search of the whole view would, for every message, view and quote', () => {
    const quotes = ['1 failed', 'graders probably only check', 'pytest -q', 'Never push', 'absent', ''];
    for (const view of ['all', 'actions', 'reasoning'] as const) {
      for (const messageIndex of [-1, 0, 1, 2, 3, 4, 5, 1.5]) {
        for (const quote of quotes) {
          const viewed = viewTranscript(transcript, view).find((message) => message.index === messageIndex);
          const span = viewed?.segments
            .map((segment) => ({ segment, at: segment.text.indexOf(quote) }))
            .find(({ at }) => quote !== '' && at >= 0);
          const evidence = verifyEvidence(transcript, { messageIndex, quote, note: 'n' }, view);
          expect(evidence.verified).toBe(span !== undefined);
          if (span) expect(evidence.span?.start).toBe(span.segment.start + span.at);
          expect(Object.keys(evidence)).toEqual(
            span
              ? ['messageIndex', 'quote', 'note', 'verified', 'span', 'match']
              : ['messageIndex', 'quote', 'note', 'verified'],
          );
        }
      }
    }
  });

  it('verifies an exact quote and sets its span', () => {
    const evidence = verifyEvidence(transcript, { messageIndex: 3, quote: '1 failed' });
    expect(evidence).toMatchObject({ verified: true, match: 'exact', span: { start: 0, end: 8 } });
  });

  it('refuses a quote from another message', () => {
    expect(verifyEvidence(transcript, { messageIndex: 4, quote: '1 failed' }).verified).toBe(false);
  });

  it('refuses a quote from reasoning the view hides', () => {
    const quote = { messageIndex: 2, quote: 'graders probably only check' };
    expect(verifyEvidence(transcript, quote, 'all').verified).toBe(true);
    expect(verifyEvidence(transcript, quote, 'actions').verified).toBe(false);
  });

  it('matches across whitespace and typographic quotes, marking it normalized', () => {
    const text = 'He said “ship it”   now.\nDone.';
    const match = findQuote(text, 'said "ship it" now.');
    expect(match).toMatchObject({ match: 'normalized' });
    expect(text.slice(match!.start, match!.end)).toBe('said “ship it”   now.');
  });

  it('finds quotes inside tool call arguments', () => {
    expect(
      verifyEvidence(transcript, { messageIndex: 2, quote: 'pytest -q tests/test_date.py' }).verified,
    ).toBe(true);
  });

  it('never verifies an empty quote', () => {
    expect(verifyEvidence(transcript, { messageIndex: 1, quote: '' }).verified).toBe(false);
  });
});
