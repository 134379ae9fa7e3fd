import type { z } from 'zod';
import type { Dimension } from '../schemas/dimension.js';
import type { FindingDraft } from '../schemas/finding.js';
import type { Transcript } from '../schemas/transcript.js';
import type { Verdict, VerdictDraft } from '../schemas/verdict.js';
import type { View } from '../schemas/view.js';
import type { GraderSpec } from './spec-version.js';

/** The kind of evidence a grader works from. */
export type GraderKind = 'rule' | 'llm-judge' | 'distribution';

/** What a grader gets when it is created. */
export interface GraderCreateContext {
  /** Environment variables (API keys are read from here, never from config files). */
  env: Readonly<Record<string, string | undefined>>;
  /** Where graders that cache (LLM judges) keep their cache; `undefined` means the default. */
  cacheDir?: string | undefined;
  /** Directory relative paths in the config are resolved against. */
  cwd: string;
}

/** What a grader gets for each call. */
export interface GradeContext {
  signal: AbortSignal;
}

/** Grades one transcript at a time. */
export interface TranscriptGrader {
  type: 'transcript';
  /** Returns one draft verdict per dimension the grader answers. May throw: the runner records it. */
  grade(transcript: Transcript, context: GradeContext): Promise<VerdictDraft[]> | VerdictDraft[];
  /** Releases resources (open files, sockets) at the end of a run. */
  close?(): Promise<void> | void;
}

/** A transcript without its messages, as a corpus grader sees it. */
export type CorpusRecord = Omit<Transcript, 'messages'>;

/** What a corpus grader analyses: every transcript's metadata and the verdicts of the run. */
export interface Corpus {
  records: readonly CorpusRecord[];
  verdicts: readonly Verdict[];
}

/** Analyses a whole corpus at once (distribution comparisons). */
export interface CorpusGrader {
  type: 'corpus';
  analyze(corpus: Corpus, context: GradeContext): Promise<FindingDraft[]> | FindingDraft[];
}

/** Documentation carried by a plugin; `judgekit graders` and the docs are generated from it. */
export interface GraderDocs {
  /** One sentence: what the grader detects and how. */
  description: string;
  /** Longer notes: thresholds, known blind spots. */
  details?: string;
  url?: string;
}

/**
 * A grader plugin: metadata as plain data, behaviour in `create`.
 * Third parties publish one as the default (or `plugin`) export of an npm package.
 */
export interface GraderPlugin<TConfig = unknown> {
  spec: GraderSpec;
  /** Stable id, e.g. `rules.eval-awareness`. */
  id: string;
  /** Bump when behaviour, rubric or thresholds change; part of cache keys and provenance. */
  version: string;
  kind: GraderKind;
  dimensions: readonly Dimension[];
  /** The views the grader can run under, first is the default. Empty for corpus graders. */
  views: readonly View[];
  /** Whether it needs an API key (LLM judges on hosted providers). */
  needsKey: boolean;
  /** Validates and defaults the grader's options. */
  config: z.ZodType<TConfig>;
  docs: GraderDocs;
  create(config: TConfig, context: GraderCreateContext): TranscriptGrader | CorpusGrader;
}

/** Any plugin, whatever its config type. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds plugins of many config types.
export type AnyGraderPlugin = GraderPlugin<any>;

/** Identity function that types a plugin literal. */
export function defineGrader<TConfig>(plugin: GraderPlugin<TConfig>): GraderPlugin<TConfig> {
  return plugin;
}
