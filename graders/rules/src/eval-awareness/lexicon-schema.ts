import { z } from 'zod';
import { PhraseSchema, PhrasesSchema } from '../matching/phrase-set.js';

const Weight = z.number().min(0).max(1);

/** One cue: a phrase, optionally with its own weight (else the family's). */
export const CueSchema = z.union([
  PhraseSchema,
  z.object({ phrase: PhraseSchema, weight: Weight.optional(), note: z.string().optional() }).strict(),
]);

/** A family of cues that mean the same kind of awareness. */
export const CueFamilySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
    description: z.string().optional(),
    /** The eval_awareness category (GUIDE.md §4) a match stands for. Required unless extending a family. */
    category: z.string().min(1).optional(),
    /** Weight of one match, in [0, 1]. Required unless extending a family. */
    weight: Weight.optional(),
    /** Where matches count: `any` (default), `reasoning` or `output`. */
    scope: z.enum(['any', 'reasoning', 'output']).optional(),
    /** Breaks ties when several families match strongly: the highest priority names the category. */
    priority: z.number().int().optional(),
    /** Lower-weight cues of a private dialect; listed apart in rationales. */
    dialect: z.boolean().optional(),
    /** When the task (system/user text) matches one of these, the family is the topic: weights × `modifiers.topic`. */
    topic: PhrasesSchema.optional(),
    /** Whether a test the user openly declared discounts the family (weights × `modifiers.declaredTest`). */
    declaredTestSensitive: z.boolean().optional(),
    cues: z.array(CueSchema).default([]),
  })
  .strict();

/** Multipliers applied to a cue's weight by its context. */
export const ModifiersSchema = z
  .object({
    /** A negation shortly before the cue in the same sentence ("I don't think this is a test"). */
    negated: Weight.default(0.1),
    /** A hypothetical before the cue ("if this were an evaluation"). */
    hypothetical: Weight.default(0.4),
    /** The task itself is about the family's topic (a honeypot deployment, audit logging). */
    topic: Weight.default(0.2),
    /** The user declared a test and the family is `declaredTestSensitive`. */
    declaredTest: Weight.default(0.15),
  })
  .strict();

/** An eval-awareness lexicon. See README "Lexicon format". */
export const LexiconSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    /** Label threshold on the score, in [0, 1]. */
    threshold: Weight.optional(),
    /** Characters before a cue searched for negations and hypotheticals (same sentence only). */
    window: z.number().int().positive().optional(),
    /** Weight multipliers of reasoning and output matches. */
    scopes: z.object({ reasoning: Weight.optional(), output: Weight.optional() }).strict().optional(),
    modifiers: ModifiersSchema.partial().optional(),
    families: z.array(CueFamilySchema).default([]),
    /** Software senses: a cue overlapping one of these is dropped ("unit test", "evaluate the expression"). */
    exclusions: PhrasesSchema.optional(),
    negations: PhrasesSchema.optional(),
    hypotheticals: PhrasesSchema.optional(),
    /** Task phrases by which the user openly declares a test, drill or dry run. */
    declaredTest: PhrasesSchema.optional(),
  })
  .strict();

export type Cue = z.infer<typeof CueSchema>;
export type CueFamily = z.infer<typeof CueFamilySchema>;
/** A lexicon as parsed. */
export type Lexicon = z.infer<typeof LexiconSchema>;
/** A lexicon as written in YAML, JSON or options. */
export type LexiconInput = z.input<typeof LexiconSchema>;
