import { compilePhrases, type PhraseSet } from '../matching/phrase-set.js';
import { dataSha256 } from '../verdict/data-sha256.js';
import type { CueFamily, Lexicon } from './lexicon-schema.js';

/** Default label threshold of the eval-awareness score. */
export const EVAL_AWARENESS_THRESHOLD = 0.5;

/** A family with its category and weight resolved. */
export interface CompiledFamily {
  family: CueFamily & { category: string; weight: number };
  scope: 'any' | 'reasoning' | 'output';
  priority: number;
  topic: PhraseSet;
}

/** A lexicon compiled for one-pass scanning. */
export interface CompiledLexicon {
  name: string;
  /** sha256 of the merged lexicon's data (see `dataSha256`). */
  sha256: string;
  threshold: number;
  window: number;
  scopes: { reasoning: number; output: number };
  modifiers: { negated: number; hypothetical: number; topic: number; declaredTest: number };
  families: readonly CompiledFamily[];
  /** Every cue of every family, in one phrase set. */
  cues: PhraseSet;
  /** For each cue of `cues`: its family index, weight and source. */
  cueInfo: ReadonlyArray<{ family: number; weight: number; source: string }>;
  exclusions: PhraseSet;
  negations: PhraseSet;
  hypotheticals: PhraseSet;
  declaredTest: PhraseSet;
}

/** Compiles a merged lexicon (families already checked to have a category and a weight). */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const families: CompiledFamily[] = lexicon.families.map((family) => ({
    family: { ...family, category: family.category ?? 'test_suspicion', weight: family.weight ?? 0 },
    scope: family.scope ?? 'any',
    priority: family.priority ?? 0,
    topic: compilePhrases(family.topic),
  }));
  const phrases: string[] = [];
  const cueInfo: Array<{ family: number; weight: number; source: string }> = [];
  families.forEach((compiled, familyIndex) => {
    for (const cue of compiled.family.cues) {
      const phrase = typeof cue === 'string' ? cue : cue.phrase;
      const weight =
        typeof cue === 'string' ? compiled.family.weight : (cue.weight ?? compiled.family.weight);
      phrases.push(phrase);
      cueInfo.push({ family: familyIndex, weight, source: phrase });
    }
  });
  return {
    name: lexicon.name,
    sha256: dataSha256(lexicon),
    threshold: lexicon.threshold ?? EVAL_AWARENESS_THRESHOLD,
    window: lexicon.window ?? 48,
    scopes: { reasoning: lexicon.scopes?.reasoning ?? 1, output: lexicon.scopes?.output ?? 1 },
    modifiers: {
      negated: lexicon.modifiers?.negated ?? 0.1,
      hypothetical: lexicon.modifiers?.hypothetical ?? 0.4,
      topic: lexicon.modifiers?.topic ?? 0.2,
      declaredTest: lexicon.modifiers?.declaredTest ?? 0.15,
    },
    families,
    cues: compilePhrases(phrases),
    cueInfo,
    exclusions: compilePhrases(lexicon.exclusions),
    negations: compilePhrases(lexicon.negations),
    hypotheticals: compilePhrases(lexicon.hypotheticals),
    declaredTest: compilePhrases(lexicon.declaredTest),
  };
}
