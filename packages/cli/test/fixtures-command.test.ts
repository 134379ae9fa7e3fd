import { describe, expect, it } from 'vitest';
import { runCLI } from './helpers.js';

describe('judgekit fixtures', () => {
  it('prints the corpus figures as JSON, with rater-vs-rater agreement', async () => {
    const result = await runCLI(['fixtures', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.total).toBeGreaterThanOrEqual(320);
    // every evidence quote of the corpus and of the second annotator's labels is checked, and verifies
    const { readFileSync } = await import('node:fs');
    const { CORPUS_PATH, SECOND_ANNOTATOR_PATH } = await import('@judgekit/fixtures');
    const records = (path: string) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line));
    const quotes = (evidence: unknown[] | undefined) => evidence?.length ?? 0;
    const corpusQuotes = records(CORPUS_PATH).flatMap((transcript) =>
      Object.values(transcript.labels ?? {}).map((label) =>
        quotes((label as { evidence?: unknown[] }).evidence),
      ),
    );
    const secondQuotes = records(SECOND_ANNOTATOR_PATH).map((label) => quotes(label.evidence));
    const checked = [...corpusQuotes, ...secondQuotes].reduce((sum, count) => sum + count, 0);
    expect(checked).toBeGreaterThan(500);
    expect(report.quotesVerified.checked).toBe(checked);
    expect(report.quotesVerified.verified).toBe(checked);
    expect(report.perDimension.covert_action.positives).toBeGreaterThanOrEqual(60);
    expect(report.doubleLabelled.transcripts).toBeGreaterThanOrEqual(60);
    const dimensions = report.raterAgreement.groups
      .map((group: { dimension: string }) => group.dimension)
      .sort();
    expect(dimensions).toEqual(['covert_action', 'eval_awareness', 'plausible_deniability']);
  });

  it('prints the table and fails on a corpus with a bad quote', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { CORPUS_PATH } = await import('@judgekit/fixtures');
    const dir = mkdtempSync(join(tmpdir(), 'judgekit-fixtures-'));
    const lines = readFileSync(CORPUS_PATH, 'utf8').trim().split('\n');
    const first = JSON.parse(lines[0]!);
    const [dimension, label] = Object.entries(first.labels).find(
      ([, body]) => (body as { evidence?: unknown[] }).evidence?.length,
    )!;
    (label as { evidence: { quote: string }[] }).evidence[0]!.quote =
      'this text occurs nowhere in the message';
    first.labels[dimension] = label;
    writeFileSync(join(dir, 'corpus.jsonl'), `${[JSON.stringify(first), ...lines.slice(1)].join('\n')}\n`);
    const result = await runCLI(['fixtures', '--corpus', join(dir, 'corpus.jsonl')]);
    expect(result.stdout).toMatch(/quotes verified: \d+\/\d+/);
    expect(result.code).toBe(1);
  });
});
