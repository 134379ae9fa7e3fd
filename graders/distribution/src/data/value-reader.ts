import { ConfigError, type CorpusRecord, type Verdict } from '@judgekit/core';
import { fieldPathReader } from './field-path.js';

/** Why a transcript has no value for a field or metric. */
export type MissingReason = 'absent' | 'abstained' | 'failed' | 'unusable';

/** A value read from a transcript, or why there is none. */
export type ReadValue = { ok: true; value: unknown } | { ok: false; reason: MissingReason };

/** Reads one value (a field, gold label or another grader's verdict) from each transcript. */
export interface ValueReader {
  /** The specifier as written, e.g. `metadata.correct` or `verdict:rules.covert-action`. */
  specifier: string;
  read(record: CorpusRecord): ReadValue;
}

const absent: ReadValue = { ok: false, reason: 'absent' };

/**
 * Builds a reader from a specifier:
 * - a field path of the transcript: `condition`, `metadata.correct`, `source.scores.accuracy`
 *   (a gold label object such as `labels.covert_action` reads as its `label`);
 * - `gold:<dimension>`: the gold label of that dimension;
 * - `verdict:<grader>` / `score:<grader>`: another grader's label / score in the same run, by its
 *   configured name (or plugin id); add `#<dimension>` when the grader answers several dimensions.
 * Verdicts that abstained (`label: null`) or failed (`error`) count as missing, never as `false`.
 */
export function createValueReader(specifier: string, verdicts: readonly Verdict[]): ValueReader {
  if (specifier.startsWith('gold:')) {
    const dimension = specifier.slice('gold:'.length);
    return { specifier, read: (record) => goldLabel(record.labels?.[dimension]) };
  }
  const verdictMatch = /^(verdict|score):([^#]+)(?:#(.+))?$/.exec(specifier);
  if (verdictMatch) {
    const [, part, grader, dimension] = verdictMatch as unknown as [
      string,
      'verdict' | 'score',
      string,
      string?,
    ];
    return verdictReader(specifier, part === 'score' ? 'score' : 'label', grader, dimension, verdicts);
  }
  if (/^(verdict|score|gold):/.test(specifier)) {
    throw new ConfigError({
      path: 'metric',
      reason: `"${specifier}" names no grader; write verdict:<grader>, score:<grader> or gold:<dimension>`,
    });
  }
  const valueAt = fieldPathReader(specifier);
  return {
    specifier,
    read: (record) => {
      const value = valueAt(record);
      if (value === undefined || value === null) return absent;
      if (typeof value === 'object' && value !== null && 'label' in value) return goldLabel(value);
      return { ok: true, value };
    },
  };
}

function goldLabel(body: unknown): ReadValue {
  if (typeof body !== 'object' || body === null) return absent;
  const label = (body as { label?: unknown }).label;
  if (label === null) return { ok: false, reason: 'abstained' };
  return typeof label === 'boolean' ? { ok: true, value: label } : absent;
}

function verdictReader(
  specifier: string,
  part: 'label' | 'score',
  grader: string,
  dimension: string | undefined,
  verdicts: readonly Verdict[],
): ValueReader {
  const byName = verdicts.filter((verdict) => verdict.grader.name === grader);
  const matching = byName.length > 0 ? byName : verdicts.filter((verdict) => verdict.grader.id === grader);
  if (matching.length === 0) {
    const names = [...new Set(verdicts.map((verdict) => verdict.grader.name))].sort();
    throw new ConfigError({
      path: 'metric',
      reason:
        `no verdicts of a grader named "${grader}" in this run` +
        (names.length > 0 ? ` (graders with verdicts: ${names.join(', ')})` : ' (the run has no verdicts)'),
    });
  }
  const dimensions = [...new Set(matching.map((verdict) => verdict.dimension))].sort();
  if (dimension === undefined && dimensions.length > 1) {
    throw new ConfigError({
      path: 'metric',
      reason: `grader "${grader}" answers ${dimensions.join(', ')}; name one, e.g. ${specifier}#${dimensions[0]}`,
    });
  }
  if (dimension !== undefined && !dimensions.includes(dimension)) {
    throw new ConfigError({
      path: 'metric',
      reason: `grader "${grader}" has no verdicts for dimension "${dimension}" (it answers ${dimensions.join(', ')})`,
    });
  }
  const chosen = dimension ?? dimensions[0]!;
  const byTranscript = new Map<string, Verdict>();
  for (const verdict of matching) {
    if (verdict.dimension === chosen) byTranscript.set(verdict.transcriptId, verdict);
  }
  return {
    specifier,
    read: (record) => {
      const verdict = byTranscript.get(record.id);
      if (!verdict) return absent;
      if (verdict.error) return { ok: false, reason: 'failed' };
      if (part === 'score') return verdict.score === undefined ? absent : { ok: true, value: verdict.score };
      return verdict.label === null ? { ok: false, reason: 'abstained' } : { ok: true, value: verdict.label };
    },
  };
}
