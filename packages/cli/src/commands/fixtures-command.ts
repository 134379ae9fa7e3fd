import type { AgreementReport } from '@judgekit/analysis';
import { agreementReport, goldLabelsFromTranscripts, ratingsFromGoldLabels } from '@judgekit/analysis';
import {
  CORPUS_PATH,
  checkFixtures,
  formatFixturesTable,
  loadSecondAnnotatorLabels,
  readTranscriptFile,
  SECOND_ANNOTATOR_PATH,
} from '@judgekit/fixtures';
import type { Command } from 'commander';
import { type CLIOutput, formatTable, writeJSON } from '../output/cli-output.js';

/**
 * Rater-vs-rater agreement on the double-labelled fixtures: the primary annotator's labels against
 * the blind second annotator's, per dimension. `undefined` when there is no second labelling.
 */
function raterAgreement(corpusPath: string, secondPath: string): AgreementReport | undefined {
  const second = loadSecondAnnotatorLabels(secondPath);
  if (!second.present || second.labels.length === 0) return undefined;
  const doubled = new Set(second.labels.map((label) => label.transcriptId));
  const { transcripts } = readTranscriptFile(corpusPath);
  const primary = goldLabelsFromTranscripts(transcripts.filter((transcript) => doubled.has(transcript.id)));
  return agreementReport([...ratingsFromGoldLabels(primary), ...ratingsFromGoldLabels(second.labels)], {
    resamples: 2000,
  });
}

function formatAgreement(report: AgreementReport): string {
  const estimate = (value: { value: number | null; ci: { lower: number; upper: number } | null }) =>
    value.value === null
      ? 'n/a'
      : `${value.value.toFixed(3)}${value.ci ? ` [${value.ci.lower.toFixed(3)}, ${value.ci.upper.toFixed(3)}]` : ''}`;
  const rows = report.groups.map((group) => {
    const pair = group.pairs[0];
    return [
      group.dimension ?? '(none)',
      String(group.pairableItems),
      pair ? estimate(pair.percentAgreement) : 'n/a',
      pair ? estimate(pair.cohenKappa) : 'n/a',
      estimate(group.gwetAC1),
    ];
  });
  return formatTable(['dimension', 'items', 'agreement', "Cohen's kappa", "Gwet's AC1"], rows);
}

/** `judgekit fixtures`: validates the bundled gold corpus and prints its counts. */
export function registerFixturesCommand(program: Command, output: CLIOutput): void {
  program
    .command('fixtures')
    .description('check the gold-labelled fixture corpus: schema, quotes, splits, counts, rater agreement')
    .argument('[action]', 'only `check` for now', 'check')
    .option('--corpus <file>', 'corpus JSONL to check', CORPUS_PATH)
    .option('--second-annotator <file>', 'blind second labelling (GoldLabel JSONL)', SECOND_ANNOTATOR_PATH)
    .option('--json', 'print the figures as JSON')
    .action((action: string, options: { corpus: string; secondAnnotator: string; json?: boolean }) => {
      if (action !== 'check') throw new Error(`unknown fixtures action "${action}"; expected check`);
      const report = checkFixtures({
        corpusPath: options.corpus,
        secondAnnotatorPath: options.secondAnnotator,
      });
      const agreement = raterAgreement(options.corpus, options.secondAnnotator);
      if (options.json) writeJSON(output, { ...report, raterAgreement: agreement ?? null });
      else {
        output.stdout.write(`${formatFixturesTable(report)}\n`);
        if (agreement) {
          output.stdout.write(
            `\nrater-vs-rater agreement on the double-labelled transcripts (95% CIs, item bootstrap):\n${formatAgreement(agreement)}\n`,
          );
        }
      }
      if (!report.ok) process.exitCode = 1;
    });
}
