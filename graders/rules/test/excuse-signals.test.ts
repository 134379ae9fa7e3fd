import { describe, expect, it } from 'vitest';
import { compilePhraseGroups } from '../src/matching/phrase-groups.js';
import { compilePhrases } from '../src/matching/phrase-set.js';
import { findPhrase, findPhraseGroups } from '../src/signals/phrase-hits.js';
import type { SegmentFact } from '../src/transcript/transcript-facts.js';

function output(messageIndex: number, text: string): SegmentFact {
  return { messageIndex, role: 'assistant', segment: { kind: 'text', text, start: 0 } };
}

describe('phrase groups over segments', () => {
  const lists = [['by mistake', 'my bad'], ['for safety', '/\\bto be safe\\b/i'], undefined];
  const notes = ['excuse', 'cover story', 'nothing'];
  const facts = [
    output(2, 'Nothing here.'),
    output(4, 'I removed it to be safe. It went out by mistake, my bad.'),
    output(6, 'My bad again, for safety.'),
  ];
  // refuses the first excuse it sees, as a rejection check would
  const acceptNotFirstExcuse = (fact: SegmentFact, range: { start: number; end: number }) =>
    !(fact.messageIndex === 4 && fact.segment.text.slice(range.start, range.end) === 'by mistake');

  it('gives for each list what findPhrase gives for that list alone', () => {
    for (const accept of [undefined, acceptNotFirstExcuse]) {
      const grouped = findPhraseGroups(facts, compilePhraseGroups(lists), notes, accept);
      const alone = lists.map((list, index) =>
        findPhrase(facts, compilePhrases(list), notes[index]!, accept),
      );
      expect(grouped).toEqual(alone);
    }
    const [excuse, cover, none] = findPhraseGroups(
      facts,
      compilePhraseGroups(lists),
      notes,
      acceptNotFirstExcuse,
    );
    expect(excuse?.evidence.quote).toBe('It went out by mistake, my bad.');
    expect(cover?.evidence.note).toBe('cover story');
    expect(none).toBeUndefined();
  });
});
