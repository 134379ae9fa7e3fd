import {
  type AnyGraderPlugin,
  ConfigError,
  createRegistry,
  type Dimension,
  type GraderKind,
  type GraderRegistry,
  gradeMany as gradeManyWithPrepared,
  grade as gradeWithPrepared,
  type PreparedGrader,
  prepareGraders,
  type TranscriptGrader,
  type TranscriptInput,
  type Verdict,
} from '@judgekit/core';
import { BUILTIN_GRADER_PLUGINS, type BuiltinGraderId } from './builtin-graders.js';

/** Options of `createGrader`. */
export interface CreateGraderOptions {
  /** The grader's options, validated by its config schema (e.g. `{ view: 'actions' }`, `{ judge: 'openai:gpt-4.1-mini' }`). */
  options?: unknown;
  /** The grader's name on its verdicts (default its id); lets one plugin run twice with other options. */
  name?: string;
  /** Where ids are looked up; default the built-in graders (see `createGraderRegistry` for plugins). */
  registry?: GraderRegistry;
  /** LLM-judge response cache, as `judgekit grade --cache-dir`; default the user cache folder. */
  cacheDir?: string;
  /** Environment the grader reads API keys from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths in the options resolve from; default the current directory. */
  cwd?: string;
}

/** Options of one `grade` call. */
export interface GradeCallOptions {
  signal?: AbortSignal;
}

/**
 * A per-transcript grader created once and reused: its response cache, rate limits and judge
 * clients live as long as the grader, exactly as in one `judgekit grade` run.
 */
export interface Grader {
  /** The name on its verdicts. */
  readonly name: string;
  readonly id: string;
  readonly version: string;
  readonly kind: GraderKind;
  /** The dimensions this grader answers (its options may narrow the plugin's). */
  readonly dimensions: readonly Dimension[];
  readonly plugin: AnyGraderPlugin;
  /** Grades one transcript: one verdict per dimension; a grader failure is an `error` verdict, never a throw. */
  grade(transcript: TranscriptInput, options?: GradeCallOptions): Promise<Verdict[]>;
  /** Grades many transcripts at bounded concurrency (default 16, core's `DEFAULT_CONCURRENCY`), yielding verdicts in completion order. */
  gradeMany(
    transcripts: AsyncIterable<TranscriptInput> | Iterable<TranscriptInput>,
    options?: GradeCallOptions & { concurrency?: number },
  ): AsyncGenerator<Verdict>;
  /** Releases the grader's resources (open files, sockets). */
  close(): Promise<void>;
}

/** What names a grader: a built-in or registered id, a plugin object, or a ready `Grader`. */
export type GraderReference = BuiltinGraderId | (string & {}) | AnyGraderPlugin;

function registryFor(grader: GraderReference, registry: GraderRegistry | undefined): GraderRegistry {
  if (typeof grader !== 'string') return createRegistry([grader]);
  return registry ?? createRegistry(BUILTIN_GRADER_PLUGINS);
}

/** Wraps a prepared transcript grader as a `Grader`. */
export function graderFromPrepared(prepared: PreparedGrader): Grader {
  if (prepared.instance.type !== 'transcript') {
    throw new ConfigError({
      path: `graders.${prepared.name}`,
      reason: `${prepared.plugin.id} is a corpus (distribution) grader; it compares whole runs, so use \`judgekit grade\` over a run instead`,
    });
  }
  const instance: TranscriptGrader = prepared.instance;
  return {
    name: prepared.name,
    id: prepared.plugin.id,
    version: prepared.plugin.version,
    kind: prepared.plugin.kind,
    dimensions: prepared.dimensions,
    plugin: prepared.plugin,
    grade: (transcript, options = {}) =>
      gradeWithPrepared(transcript, prepared, options.signal ? { signal: options.signal } : {}),
    gradeMany: (transcripts, options = {}) => gradeManyWithPrepared(transcripts, prepared, options),
    close: async () => {
      await instance.close?.();
    },
  };
}

/**
 * Creates a grader once, to grade any number of transcripts without a run directory: the library
 * entry point for harnesses. `grader` is a built-in id (`rules.covert-action`), an id in
 * `options.registry` (third-party plugins), or a plugin object. Options are validated now, so a
 * wrong option fails here with a `ConfigError` naming the field.
 */
export function createGrader(grader: GraderReference, options: CreateGraderOptions = {}): Grader {
  const registry = registryFor(grader, options.registry);
  const id = typeof grader === 'string' ? grader : grader.id;
  const [prepared] = prepareGraders([{ use: id, name: options.name, options: options.options }], registry, {
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    cacheDir: options.cacheDir,
  });
  return graderFromPrepared(prepared!);
}
