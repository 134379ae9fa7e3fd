import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Verdict } from '@judgekit/core';
import { decodeUtf8 } from '../io/decode-utf8.js';
import { parseLenientJson } from '../io/lenient-json.js';
import { openZip, type ZipArchive } from '../io/zip-entries.js';
import { inspectJsonText } from './inspect-json-text.js';
import { evalScores, type SampleScoreRecord, sampleReductions } from './inspect-results.js';
import { type InspectEvalSpec, InspectJsonLogSchema, InspectLogHeaderSchema } from './inspect-schema.js';
import {
  type InspectScore,
  inspectScoreFromVerdicts,
  inspectScorerName,
} from './inspect-score-from-verdicts.js';
import { InspectWriteError } from './inspect-write-error.js';
import { deflatedEntry, type RawZipEntry, readRawZip, writeRawZip } from './raw-zip.js';
import { inspectTranscriptId } from './transcript-from-inspect-sample.js';

/** Options of `writeInspectScores`. */
export interface WriteInspectScoresOptions {
  /** The Inspect log the verdicts were graded from (`.eval` or `.json`); read, never modified. */
  log: string;
  /** Where to write the log with the judgekit scores added; must not be `log`. */
  out: string;
  /** The verdicts (e.g. a run's `verdicts.jsonl`); those of transcripts not in the log are counted as unmatched. */
  verdicts: readonly Verdict[];
}

/** What `writeInspectScores` did. */
export interface WriteInspectScoresSummary {
  format: 'eval' | 'json';
  /** The scorer names written, `judgekit/<grader>`. */
  scorers: string[];
  /** Samples (× epochs) in the log, and those that received at least one judgekit score. */
  samples: number;
  samplesScored: number;
  /** Transcript ids of verdicts that match no sample of the log. */
  unmatched: string[];
  /** The `.eval` entries rewritten (every other entry is copied byte for byte). */
  rewrittenEntries: string[];
  /** Sample entries that could not be read (damaged, bad compression); copied unchanged and unscored. */
  unreadableEntries: string[];
  /** Whether the log's `results.scores` got the judgekit metrics (only a finished log has results). */
  resultsUpdated: boolean;
}

const SAMPLE_ENTRY = /^samples\/(.+)_epoch_(\d+)\.json$/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Verdicts by transcript id, then by grader name, in the order given. */
function groupVerdicts(verdicts: readonly Verdict[]): Map<string, Map<string, Verdict[]>> {
  const groups = new Map<string, Map<string, Verdict[]>>();
  for (const verdict of verdicts) {
    const byGrader = groups.get(verdict.transcriptId) ?? new Map<string, Verdict[]>();
    byGrader.set(verdict.grader.name, [...(byGrader.get(verdict.grader.name) ?? []), verdict]);
    groups.set(verdict.transcriptId, byGrader);
  }
  return groups;
}

/** Adds the judgekit scores to samples and collects what the results need. */
class ScoreBook {
  readonly records = new Map<string, SampleScoreRecord[]>();
  readonly graders = new Map<string, Verdict['grader']>();
  readonly matched = new Set<string>();
  readonly scored = new Map<string, Record<string, InspectScore>>();
  samples = 0;
  private readonly groups: Map<string, Map<string, Verdict[]>>;

  constructor(
    verdicts: readonly Verdict[],
    private readonly task: string,
    private readonly spec: InspectEvalSpec | undefined,
    /** Scores by `id|epoch` from the summaries, for samples that hold none themselves (as the reader reads them). */
    private readonly summaryScores: ReadonlyMap<string, JsonObject> = new Map(),
  ) {
    this.groups = groupVerdicts(verdicts);
  }

  /** Adds the scores to a sample in place; returns whether it received any. */
  scoreSample(sample: unknown): boolean {
    if (!isObject(sample)) return false;
    const id = sample.id;
    const epoch = sample.epoch;
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof epoch !== 'number') return false;
    this.samples++;
    const transcriptId = inspectTranscriptId(this.task, id, epoch, this.spec);
    const byGrader = this.groups.get(transcriptId);
    if (!byGrader) return false;
    this.matched.add(transcriptId);
    const scores: Record<string, InspectScore> = {};
    for (const [graderName, verdicts] of byGrader) {
      const scorer = inspectScorerName(graderName);
      const score = inspectScoreFromVerdicts(verdicts);
      scores[scorer] = score;
      this.records.set(scorer, [...(this.records.get(scorer) ?? []), { sampleId: id, epoch, score }]);
      this.graders.set(scorer, verdicts[0]!.grader);
    }
    const own = isObject(sample.scores) ? sample.scores : this.summaryScores.get(`${String(id)}|${epoch}`);
    sample.scores = { ...(own ?? {}), ...scores };
    this.scored.set(`${String(id)}|${epoch}`, scores);
    return true;
  }

  /** Adds the scores to the sample summaries (`summaries.json`) in place. */
  scoreSummaries(summaries: unknown): void {
    if (!Array.isArray(summaries)) return;
    for (const summary of summaries) {
      if (!isObject(summary)) continue;
      const scores = this.scored.get(`${String(summary.id)}|${summary.epoch}`);
      if (scores) summary.scores = { ...(isObject(summary.scores) ? summary.scores : {}), ...scores };
    }
  }

  /** `reductions.json` with the judgekit scorers' reductions replaced. */
  reductions(existing: unknown): unknown[] {
    const kept = (Array.isArray(existing) ? existing : []).filter(
      (item) => !(isObject(item) && typeof item.scorer === 'string' && this.records.has(item.scorer)),
    );
    return [...kept, ...[...this.records].map(([scorer, records]) => sampleReductions(scorer, records))];
  }

  /** Adds the judgekit metrics to `results.scores` in place; returns whether there were results. */
  scoreResults(results: unknown): boolean {
    if (!isObject(results)) return false;
    const kept = (Array.isArray(results.scores) ? results.scores : []).filter(
      (item) => !(isObject(item) && typeof item.scorer === 'string' && this.records.has(item.scorer)),
    );
    results.scores = [
      ...kept,
      ...[...this.records].flatMap(([scorer, records]) =>
        evalScores(scorer, records, { judgekit: { grader: this.graders.get(scorer) } }),
      ),
    ];
    return true;
  }

  unmatched(): string[] {
    return [...this.groups.keys()].filter((id) => !this.matched.has(id));
  }
}

function taskFromFile(file: string): string {
  return basename(file).replace(/\.(eval|json)$/i, '');
}

async function readJsonEntry(zip: ZipArchive, name: string): Promise<unknown> {
  const text = decodeUtf8(await zip.read(name));
  if (text === undefined) throw new Error(`${name} is not valid UTF-8`);
  return parseLenientJson(text);
}

/** The entry's JSON, or `undefined` when it cannot be read (left unchanged then). */
async function tryReadJsonEntry(zip: ZipArchive, name: string): Promise<unknown> {
  try {
    return await readJsonEntry(zip, name);
  } catch {
    return undefined;
  }
}

const JOURNAL_SUMMARY = /^_journal\/summaries\/(\d+)\.json$/;

/** Scores by `id|epoch` from `summaries.json`, else from the journal summaries in order. */
async function readSummaryScores(zip: ZipArchive): Promise<Map<string, JsonObject>> {
  const names = zip.entries.has('summaries.json')
    ? ['summaries.json']
    : [...zip.entries.keys()]
        .filter((name) => JOURNAL_SUMMARY.test(name))
        .sort((a, b) => Number(JOURNAL_SUMMARY.exec(a)![1]) - Number(JOURNAL_SUMMARY.exec(b)![1]));
  const scores = new Map<string, JsonObject>();
  for (const name of names) {
    const summaries = await tryReadJsonEntry(zip, name);
    for (const summary of Array.isArray(summaries) ? summaries : []) {
      if (isObject(summary) && isObject(summary.scores))
        scores.set(`${String(summary.id)}|${summary.epoch}`, summary.scores);
    }
  }
  return scores;
}

async function writeAtomically(file: string, content: Buffer | string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

async function rewriteEval(
  options: WriteInspectScoresOptions,
  bytes: Buffer,
): Promise<WriteInspectScoresSummary> {
  const raw = readRawZip(bytes);
  const zip = await openZip(options.log);
  try {
    const headerName = zip.entries.has('header.json')
      ? 'header.json'
      : zip.entries.has('_journal/start.json')
        ? '_journal/start.json'
        : undefined;
    const headerValue = headerName ? await tryReadJsonEntry(zip, headerName) : undefined;
    const header = InspectLogHeaderSchema.safeParse(headerValue);
    const spec = header.success ? header.data.eval : undefined;
    const book = new ScoreBook(
      options.verdicts,
      spec?.task ?? taskFromFile(options.log),
      spec,
      await readSummaryScores(zip),
    );
    const replaced = new Map<string, Buffer>();
    const unreadable: string[] = [];
    for (const entry of raw.entries) {
      if (!SAMPLE_ENTRY.test(entry.name) || replaced.has(entry.name)) continue;
      let sample: unknown;
      try {
        sample = await readJsonEntry(zip, entry.name);
      } catch {
        unreadable.push(entry.name);
        continue;
      }
      if (book.scoreSample(sample)) replaced.set(entry.name, Buffer.from(inspectJsonText(sample)));
    }
    let resultsUpdated = false;
    if (book.records.size > 0) {
      const summaries = zip.entries.has('summaries.json')
        ? await tryReadJsonEntry(zip, 'summaries.json')
        : undefined;
      if (Array.isArray(summaries)) {
        book.scoreSummaries(summaries);
        replaced.set('summaries.json', Buffer.from(inspectJsonText(summaries)));
      }
      const reductions = zip.entries.has('reductions.json')
        ? await tryReadJsonEntry(zip, 'reductions.json')
        : undefined;
      if (Array.isArray(reductions)) {
        replaced.set('reductions.json', Buffer.from(inspectJsonText(book.reductions(reductions))));
      }
      if (headerName === 'header.json' && isObject(headerValue) && book.scoreResults(headerValue.results)) {
        replaced.set('header.json', Buffer.from(inspectJsonText(headerValue)));
        resultsUpdated = true;
      }
    }
    const entries: RawZipEntry[] = raw.entries.map((entry) => {
      const content = replaced.get(entry.name);
      return content ? deflatedEntry(entry.name, content, entry) : entry;
    });
    await writeAtomically(options.out, writeRawZip({ entries, comment: raw.comment }));
    return {
      format: 'eval',
      scorers: [...book.records.keys()],
      samples: book.samples,
      samplesScored: book.scored.size,
      unmatched: book.unmatched(),
      rewrittenEntries: [...replaced.keys()],
      unreadableEntries: unreadable,
      resultsUpdated,
    };
  } finally {
    zip.close();
  }
}

async function rewriteJson(
  options: WriteInspectScoresOptions,
  bytes: Buffer,
): Promise<WriteInspectScoresSummary> {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new Error('the log is not valid UTF-8');
  const log = parseLenientJson(text);
  const parsed = InspectJsonLogSchema.safeParse(log);
  if (!parsed.success || !isObject(log)) throw new Error('not an Inspect log (no `eval` header)');
  const book = new ScoreBook(options.verdicts, parsed.data.eval.task, parsed.data.eval);
  for (const sample of Array.isArray(log.samples) ? log.samples : []) book.scoreSample(sample);
  let resultsUpdated = false;
  if (book.records.size > 0) {
    if ('reductions' in log && Array.isArray(log.reductions))
      log.reductions = book.reductions(log.reductions);
    resultsUpdated = book.scoreResults(log.results);
  }
  await writeAtomically(options.out, inspectJsonText(log));
  return {
    format: 'json',
    scorers: [...book.records.keys()],
    samples: book.samples,
    samplesScored: book.scored.size,
    unmatched: book.unmatched(),
    rewrittenEntries: [],
    unreadableEntries: [],
    resultsUpdated,
  };
}

/**
 * Writes judgekit verdicts back into an Inspect log as scores, so they show in Inspect's viewer
 * beside the task's own scorers: each sample gets a `judgekit/<grader>` score (`value` 1 flagged,
 * 0 not, NaN undecided, or a dict per dimension; `answer`, `explanation`, `metadata`), the sample
 * summaries and epoch reductions get the same, and a finished log's `results.scores` gets `mean`
 * and `stderr` per judgekit scorer. An `.eval` is rewritten with every other entry copied byte for
 * byte (rewritten entries are deflated); a `.json` log is rewritten whole. A second export
 * replaces the judgekit scores it wrote before.
 */
export async function writeInspectScores(
  options: WriteInspectScoresOptions,
): Promise<WriteInspectScoresSummary> {
  if (resolve(options.log) === resolve(options.out)) {
    throw new InspectWriteError({
      file: options.out,
      reason: 'the output must not be the log it is read from',
    });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(options.log);
  } catch (error) {
    throw new InspectWriteError({
      file: options.log,
      reason: `cannot read the log (${(error as Error).message})`,
      cause: error,
    });
  }
  const isZip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  try {
    return isZip ? await rewriteEval(options, bytes) : await rewriteJson(options, bytes);
  } catch (error) {
    if (InspectWriteError.isInstance(error)) throw error;
    throw new InspectWriteError({ file: options.log, reason: (error as Error).message, cause: error });
  }
}
