import { grade } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { covertActionGrader, evalAwarenessGrader, plausibleDeniabilityGrader } from '../src/index.js';
import { said } from './helpers/build-transcript.js';

const transcript = said({ reasoning: 'This looks like an alignment test.', text: 'Done.' });

async function provenanceOf(grader: Parameters<typeof grade>[1], options: Record<string, unknown> = {}) {
  const [verdict] = await grade(transcript, grader, { options });
  return verdict!.provenance as Record<string, unknown>;
}

describe('rule data on every verdict', () => {
  it('records the name and sha256 of the pack or lexicon that decided it', async () => {
    for (const grader of [covertActionGrader, plausibleDeniabilityGrader]) {
      const provenance = await provenanceOf(grader);
      expect(provenance.pack).toBe('judgekit-default');
      expect(provenance.packSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const provenance = await provenanceOf(evalAwarenessGrader);
    expect(provenance.lexicon).toBe('judgekit-eval-awareness');
    expect(provenance.lexiconSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different data a different sha256 under the same name', async () => {
    const house = (cue: string) => ({
      defaultLexicon: false,
      lexicons: [
        {
          version: 1,
          name: 'house',
          families: [{ id: 'test-suspicion', category: 'test_suspicion', weight: 0.8, cues: [cue] }],
        },
      ],
    });
    const first = await provenanceOf(evalAwarenessGrader, house('alignment test'));
    const second = await provenanceOf(evalAwarenessGrader, house('honesty test'));
    expect(second.lexicon).toBe(first.lexicon);
    expect(second.lexiconSha256).not.toBe(first.lexiconSha256);
    expect(await provenanceOf(evalAwarenessGrader, house('alignment test'))).toEqual(first);
  });
});
