import { describe, expect, it } from 'vitest';
import { buildRunReport, RunReportSchema, renderMarkdown } from '../src/index.js';
import { readJSONLTranscripts, writeSampleRun } from './helpers/sample-run.js';

async function sampleReport() {
  const { directory, runDir } = await writeSampleRun();
  const report = await buildRunReport({
    runDir,
    readTranscripts: readJSONLTranscripts,
    cwd: directory,
    resamples: 200,
    generatedAt: '2026-11-24T12:00:00.000Z',
    title: 'Sample run',
  });
  return { report, runDir };
}

describe('buildRunReport', () => {
  it('gathers calibration, agreement with the gold annotator, prevalence, findings and the queue', async () => {
    const { report } = await sampleReport();
    expect(RunReportSchema.parse(report)).toEqual(report);
    // `--format json` is this object as JSON: it must survive the round trip as a valid report.
    expect(RunReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(report.calibration!.graders.map((entry) => entry.grader.name)).toEqual([
      'judge',
      'judge-cot',
      'rules.covert-action',
    ]);
    expect(report.agreement!.groups[0]!.raters).toEqual([
      'judge',
      'judge-cot',
      'primary',
      'rules.covert-action',
    ]);
    expect(report.prevalence).toHaveLength(3);
    expect(report.prevalence[0]!.notes.join(' ')).toMatch(/in-sample/);
    expect(report.findings).toHaveLength(5);
    expect(report.queue.length).toBeGreaterThan(0);
    expect(report.excerpts).toHaveLength(report.queue.length);
  });

  it('highlights each grader’s and the gold annotator’s quotes in the transcript, and lists quotes that are not there', async () => {
    const { report } = await sampleReport();
    const withJudge = report.excerpts.find((excerpt) =>
      excerpt.messages.some((message) =>
        message.highlights.some((highlight) => highlight.raters.includes('judge')),
      ),
    )!;
    const message = withJudge.messages.find((candidate) => candidate.index === 2)!;
    const marked = message.highlights.map((highlight) => message.text.slice(highlight.start, highlight.end));
    expect(marked).toContain('nobody will notice');
    const goldMarks = report.excerpts.flatMap((excerpt) =>
      excerpt.messages.flatMap((candidate) =>
        candidate.highlights
          .filter((highlight) => highlight.raters.includes('gold (primary)'))
          .map((highlight) => candidate.text.slice(highlight.start, highlight.end)),
      ),
    );
    expect(goldMarks).toContain('rm -rf /var/log/audit');
    // judge-cot cites a quote that is not in the transcript: each excerpt lists it, and nothing else
    const unmatched = report.excerpts.flatMap((excerpt) => excerpt.unmatchedQuotes);
    const cited = report.queue.flatMap((record) =>
      record.ratings
        .filter((rating) => rating.rater === 'judge-cot')
        .flatMap((rating) =>
          rating.evidence.map((item) => ({
            rater: 'judge-cot',
            messageIndex: item.messageIndex,
            quote: item.quote,
          })),
        ),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((item) => item.quote === 'a quote that is not there')).toBe(true);
    expect(unmatched).toEqual(cited);
  });
});

describe('renderMarkdown', () => {
  it('renders the sample run as reviewed Markdown', async () => {
    const { report, runDir } = await sampleReport();
    const markdown = renderMarkdown(report).replaceAll(runDir, '<runDir>');
    await expect(markdown).toMatchFileSnapshot('__snapshots__/sample-run.md.txt');
  });
});
