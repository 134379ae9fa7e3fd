import { describe, expect, it } from 'vitest';
import { runCLI } from './helpers.js';

describe('judgekit fixtures', () => {
  it('prints the corpus figures as JSON, with rater-vs-rater agreement', async () => {
    const result = await runCLI(['fixtures', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.total).toBeGreaterThanOrEqual(320);
    expect(report.quotesVerified.verified).toBe(report.quotesVerified.checked);
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
