import type { TranscriptInput, TranscriptSourceItem } from '@judgekit/core';
import { compact } from '../records/message-draft.js';
import { failAt, parseAt, type RecordPath } from '../records/parse-at.js';
import { mapRecord, type RecordLocation } from '../records/source-items.js';
import { type InspectEvalSpec, InspectSampleSchema } from './inspect-schema.js';
import { mapInspectMessage } from './map-inspect-message.js';
import { resolveAttachments } from './resolve-attachments.js';
import { modelCalls } from './resolve-event-pool.js';

/** Options of `transcriptFromInspectSample`. */
export interface TranscriptFromInspectSampleOptions {
  /** The log's `eval` spec (task, ids, model); without it the task is `taskFallback`. */
  eval?: InspectEvalSpec;
  /** Task name when the log has no readable header. Default `inspect`. */
  taskFallback?: string;
  /** The log's status (`started`, `success`, …), recorded in metadata. */
  status?: string;
  file?: string;
  /** Scores from `summaries.json` / journal summaries, used when the sample itself has none. */
  summaryScores?: Record<string, unknown>;
  /** Prefix of issue paths (e.g. `samples.3` in a `.json` log). */
  path?: RecordPath;
  location?: RecordLocation;
}

/**
 * A transcript id that is stable and unique across logs: `<task>/<sample id>/epoch<n>`, followed
 * by `@<eval id>` (or task id, or run id) when the log has one, so that two runs of the same task
 * do not collide.
 */
export function inspectTranscriptId(
  task: string,
  sampleId: string | number,
  epoch: number,
  spec?: InspectEvalSpec,
): string {
  const key = spec?.eval_id ?? spec?.task_id ?? spec?.run_id;
  return `${task}/${sampleId}/epoch${epoch}${key ? `@${key}` : ''}`;
}

/**
 * Maps one Inspect `EvalSample` to a transcript, one per sample × epoch: attachments resolved
 * everywhere, messages mapped (tool calls, tool results, reasoning, placeholders for media), sample
 * `metadata` kept with an `inspect` entry (task, model, ids, target, error, limit), and `scores`
 * kept in `source.scores`. A sample with no `messages` is rebuilt from its last model event
 * (pooled `input_refs` expanded). Never throws: problems become an error item with the path.
 */
export function transcriptFromInspectSample(
  sample: unknown,
  options: TranscriptFromInspectSampleOptions = {},
): TranscriptSourceItem {
  const path = options.path ?? [];
  return mapRecord(() => {
    const parsed = parseAt(InspectSampleSchema, sample, path);
    const { value: resolved, unresolved } = resolveAttachments(
      { messages: parsed.messages ?? [], scores: parsed.scores, metadata: parsed.metadata },
      parsed.attachments ?? {},
    );
    let messageValues: unknown[] = resolved.messages;
    let messagesPath: RecordPath = [...path, 'messages'];
    let messagesFrom: string | undefined;
    if (messageValues.length === 0) {
      const calls = modelCalls(parsed);
      const last = calls.at(-1);
      if (!last)
        return failAt(messagesPath, 'the sample has no messages and no model event to rebuild them from');
      const rebuilt = resolveAttachments(
        [...last.input, ...(last.output ? [last.output] : [])],
        parsed.attachments ?? {},
      );
      unresolved.push(...rebuilt.unresolved);
      messageValues = rebuilt.value;
      messagesPath = [...path, ...last.path, 'input'];
      messagesFrom = 'events';
    }
    const messages = messageValues.map((message, index) =>
      mapInspectMessage(message, [...messagesPath, index]),
    );
    const task = options.eval?.task ?? options.taskFallback ?? 'inspect';
    const scores = resolved.scores ?? options.summaryScores;
    const inspect = compact({
      task,
      model: options.eval?.model ?? undefined,
      evalId: options.eval?.eval_id ?? undefined,
      runId: options.eval?.run_id ?? undefined,
      taskId: options.eval?.task_id ?? undefined,
      status: options.status,
      uuid: parsed.uuid ?? undefined,
      target: parsed.target,
      error: parsed.error?.message,
      limit: parsed.limit ?? undefined,
      messagesFrom,
      unresolvedAttachments: unresolved.length > 0 ? [...new Set(unresolved)] : undefined,
    });
    const transcript: TranscriptInput = {
      id: inspectTranscriptId(task, parsed.id, parsed.epoch, options.eval),
      environment: task,
      messages,
      source: compact({
        harness: 'inspect',
        file: options.file,
        sampleId: parsed.id,
        epoch: parsed.epoch,
        scores: scores ?? undefined,
      }),
      metadata: { ...(resolved.metadata ?? {}), inspect },
    };
    return transcript;
  }, options.location ?? { file: options.file });
}
