import { isRecord } from '../records/message-draft.js';
import { failAt, type RecordPath } from '../records/parse-at.js';

/** A model call of a sample: its input messages (pool references expanded) and its output message. */
export interface ModelCall {
  input: unknown[];
  output: unknown;
  /** Path of the event in the sample. */
  path: RecordPath;
}

function expandRefs(refs: unknown, pool: readonly unknown[], path: RecordPath): unknown[] {
  if (!Array.isArray(refs)) return failAt(path, 'input_refs must be an array of [start, end) ranges');
  const result: unknown[] = [];
  for (const [index, ref] of refs.entries()) {
    const range = typeof ref === 'number' ? [ref, ref + 1] : ref;
    const [start, end] = Array.isArray(range) ? range : [];
    const valid =
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= pool.length;
    if (!valid)
      failAt([...path, index], `not a range [start, end) inside the message pool of ${pool.length}`);
    result.push(...pool.slice(start, end));
  }
  return result;
}

/**
 * The model calls of a sample's `events`, with pooled inputs expanded: a `model` event written
 * with `input: []` and `input_refs: [[start, end), …]` takes its input from
 * `events_data.messages` (Inspect's current layout) or `message_pool` (the earlier one), each
 * range being `pool[start:end]`. Refs outside the pool are reported with their path.
 */
export function modelCalls(sample: {
  events?: unknown[] | null;
  events_data?: { messages?: unknown[] | null } | null;
  message_pool?: unknown[] | null;
}): ModelCall[] {
  const pool = sample.events_data?.messages ?? sample.message_pool ?? [];
  const calls: ModelCall[] = [];
  (sample.events ?? []).forEach((event, index) => {
    if (!isRecord(event) || event.event !== 'model') return;
    const path = ['events', index];
    const written = Array.isArray(event.input) ? event.input : [];
    const input =
      written.length === 0 && event.input_refs !== undefined && event.input_refs !== null
        ? expandRefs(event.input_refs, pool, [...path, 'input_refs'])
        : written;
    const output =
      isRecord(event.output) && Array.isArray(event.output.choices) ? event.output.choices[0] : undefined;
    calls.push({ input, output: isRecord(output) ? output.message : undefined, path });
  });
  return calls;
}
