import type { JudgeCallResult, JudgeRun } from '../grader/judge-run.js';
import type { JudgeHandle } from '../judge/create-judges.js';
import type { LLMJudgeConfig } from '../judge/llm-judge-config.js';
import type { SystemPrompt } from '../prompt/system-prompt.js';

const MAX_LISTED_CUTS = 20;

/** How a long transcript was handled, for provenance: never a silent cut. */
export function longTranscriptProvenance(run: JudgeRun) {
  const cuts = run.passes.flatMap((pass) => pass.cuts.map((cut) => ({ view: pass.view, ...cut })));
  const chunked = run.passes.some((pass) => pass.chunks.length > 1);
  const strategy = [cuts.length > 0 ? 'middle-truncation' : '', chunked ? 'chunks' : ''].filter(Boolean);
  return {
    strategy: strategy.length > 0 ? strategy.join('+') : 'none',
    cutParts: cuts.length,
    cutChars: cuts.reduce((sum, cut) => sum + cut.removedChars, 0),
    cuts: cuts.slice(0, MAX_LISTED_CUTS),
    chunks: run.passes.map((pass) => pass.prompts.length),
  };
}

/** The temperature a judge sends: its setting, else the providers' default (0; omitted for `openai-responses`). */
function effectiveTemperature(judge: JudgeHandle): number | null {
  if (judge.settings.temperature !== undefined) return judge.settings.temperature;
  return judge.model.provider === 'openai-responses' ? null : 0;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * What every verdict of a run records about how it was made: the rubric hash, the grader version,
 * the judges (as named, and the model ids the providers returned), the sampling settings, cache
 * hits, the notes of the calls, the fence ids and how a long transcript was handled.
 */
export function runProvenance(options: {
  run: JudgeRun;
  config: LLMJudgeConfig;
  judges: readonly JudgeHandle[];
  system: SystemPrompt;
  graderVersion: string;
  extraNotes: readonly string[];
}) {
  const { run, config, judges, system, graderVersion } = options;
  const answered = run.results.filter((result): result is JudgeCallResult & { response: object } =>
    Boolean(result.response),
  );
  const fromCache = answered.filter((result) => result.response!.cached).length;
  return {
    graderVersion,
    rubric: { sha256: system.sha256, files: system.rubrics },
    judges: judges.map((judge, index) => ({
      name: judge.name,
      models: unique(
        answered.filter((result) => result.judge === index).map((result) => result.response!.model),
      ),
      temperature: effectiveTemperature(judge),
      maxOutputTokens: judge.settings.maxOutputTokens ?? null,
      logprobs: judge.model.supportsLogprobs,
    })),
    sampling: {
      samples: config.samples,
      combine: config.combine,
      threshold: config.threshold,
      ...(judges.some((judge) => judge.model.supportsLogprobs)
        ? { topLogprobs: config.topLogprobs ?? 5 }
        : {}),
    },
    view: config.view,
    ...(config.view === 'hybrid' ? { hybrid: { reasoningWeight: config.hybrid.reasoningWeight } } : {}),
    fewShot: config.fewShot,
    calls: run.results.length,
    cacheHit: answered.length === run.results.length && fromCache === answered.length,
    callsFromCache: fromCache,
    repaired: answered.filter((result) => result.response!.repaired).length,
    fenceIds: run.passes.flatMap((pass) => pass.prompts.map((prompt) => prompt.fenceId)),
    longTranscript: longTranscriptProvenance(run),
    notes: unique([...options.extraNotes, ...answered.flatMap((result) => result.response!.notes)]),
  };
}
