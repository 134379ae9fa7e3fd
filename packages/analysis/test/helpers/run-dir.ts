import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RUN_FORMAT,
  type RunManifest,
  type Transcript,
  TranscriptSchema,
  type TranscriptSourceItem,
  type Verdict,
} from '@judgekit/core';

/** A temporary directory for one test. */
export function temporaryDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'judgekit-analysis-'));
}

/** Writes transcripts as judgekit JSONL. */
export async function writeTranscripts(file: string, transcripts: readonly Transcript[]): Promise<void> {
  await writeFile(file, transcripts.map((transcript) => `${JSON.stringify(transcript)}\n`).join(''));
}

/** Writes a complete run directory (manifest + verdicts) as the runner would. */
export async function writeRun(
  runDir: string,
  fields: { verdicts: readonly Verdict[]; inputs?: readonly string[] },
): Promise<void> {
  const graders = [
    ...new Map(fields.verdicts.map((verdict) => [verdict.grader.name, verdict.grader])).values(),
  ];
  const manifest: RunManifest = {
    format: RUN_FORMAT,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: 'complete',
    versions: {},
    graders: graders.map((grader) => ({ ...grader, kind: 'rule', options: {} })),
    inputs: (fields.inputs ?? []).map((path) => ({ path, sha256: '0'.repeat(64), bytes: 0 })),
    settings: { concurrency: 1, onInvalid: 'fail' },
    counts: {
      transcripts: 0,
      verdicts: fields.verdicts.length,
      errors: 0,
      abstentions: 0,
      skipped: 0,
      findings: 0,
    },
    skipped: [],
    resumedAt: [],
  };
  const { mkdir } = await import('node:fs/promises');
  await mkdir(runDir, { recursive: true });
  await writeFile(join(runDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(
    join(runDir, 'verdicts.jsonl'),
    fields.verdicts.map((verdict) => `${JSON.stringify(verdict)}\n`).join(''),
  );
}

/** A minimal judgekit-JSONL reader for tests (the real one is `readTranscripts` of @judgekit/adapters). */
export async function* readJSONLTranscripts(file: string): AsyncGenerator<TranscriptSourceItem> {
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    yield { ok: true, transcript: TranscriptSchema.parse(JSON.parse(line)) };
  }
}
