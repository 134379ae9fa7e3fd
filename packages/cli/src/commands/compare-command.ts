import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readTranscripts, TRANSCRIPT_FORMATS, type TranscriptFormat } from '@judgekit/adapters';
import { ConfigError, formatIssuePath, RUN_FILES } from '@judgekit/core';
import {
  type ComparisonConfig,
  compareConditions,
  plugins as distributionPlugins,
  formatComparisonTable,
  type LoadedCorpus,
  loadRunCorpus,
  loadTranscriptCorpus,
} from '@judgekit/grader-distribution';
import { type Command, Option } from 'commander';
import { resolveInputs } from '../inputs/resolve-inputs.js';
import { type CLIOutput, writeJSON } from '../output/cli-output.js';
import { parseListFlag, parseNumberFlag } from './analysis-options.js';

interface CompareFlags {
  grader: string;
  by?: string;
  metric?: string[];
  treatment?: string;
  control?: string;
  where?: string;
  metricType?: 'auto' | 'rate' | 'continuous';
  alternative?: 'two-sided' | 'greater' | 'less';
  alpha?: number;
  minEffect?: number;
  correction?: 'holm' | 'bh' | 'none';
  level?: number;
  rateTest?: 'auto' | 'n-1-chi-square' | 'exact';
  continuousTest?: 'welch-t' | 'mann-whitney' | 'permutation';
  pooled: boolean;
  resamples?: number;
  seed?: number;
  from: TranscriptFormat | 'auto';
  json?: boolean;
}

/** The config option each flag sets, for error messages that name the flag. */
const FLAG_OF: Record<string, string> = {
  metric: '--metric',
  by: '--by',
  conditions: '--treatment/--control',
  where: '--where',
  alpha: '--alpha',
  minimumEffect: '--min-effect',
  level: '--level',
  resamples: '--resamples',
};

function comparisonConfig(flags: CompareFlags): ComparisonConfig {
  const plugin = distributionPlugins.find((candidate) => candidate.id === flags.grader);
  if (!plugin) {
    throw new ConfigError({
      path: '--grader',
      reason: `"${flags.grader}" is not a distribution grader; one of ${distributionPlugins.map((p) => p.id).join(', ')}`,
    });
  }
  const defaults = plugin.config.parse({}) as ComparisonConfig;
  const options = {
    ...(flags.metric ? { metric: flags.metric.length === 1 ? flags.metric[0] : flags.metric } : {}),
    ...(flags.by ? { by: flags.by } : {}),
    ...(flags.treatment || flags.control
      ? {
          conditions: {
            ...defaults.conditions,
            ...(flags.treatment ? { treatment: flags.treatment } : {}),
            ...(flags.control ? { control: flags.control } : {}),
          },
        }
      : {}),
    ...(flags.where ? { where: flags.where } : {}),
    ...(flags.metricType ? { metricType: flags.metricType } : {}),
    ...(flags.alternative ? { alternative: flags.alternative } : {}),
    ...(flags.alpha === undefined ? {} : { alpha: flags.alpha }),
    ...(flags.minEffect === undefined ? {} : { minimumEffect: flags.minEffect }),
    ...(flags.correction
      ? { correction: flags.correction === 'bh' ? 'benjamini-hochberg' : flags.correction }
      : {}),
    ...(flags.level === undefined ? {} : { level: flags.level }),
    ...(flags.rateTest ? { rateTest: flags.rateTest } : {}),
    ...(flags.continuousTest ? { continuousTest: flags.continuousTest } : {}),
    ...(flags.pooled ? {} : { pooled: false }),
    ...(flags.resamples === undefined ? {} : { resamples: flags.resamples }),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
  };
  const parsed = plugin.config.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw new ConfigError({ path: FLAG_OF[field] ?? formatIssuePath(issue.path), reason: issue.message });
  }
  return parsed.data as ComparisonConfig;
}

async function isRunDirectory(input: string): Promise<boolean> {
  const info = await stat(join(input, RUN_FILES.manifest)).catch(() => undefined);
  return info?.isFile() ?? false;
}

async function loadInputs(inputs: readonly string[], from: CompareFlags['from']): Promise<LoadedCorpus> {
  const read = (file: string) => readTranscripts(file, { from });
  if (inputs.length === 1 && (await isRunDirectory(inputs[0]!))) {
    return loadRunCorpus(inputs[0]!, { readTranscripts: read });
  }
  for (const input of inputs) {
    if (await isRunDirectory(input)) {
      throw new ConfigError({ path: 'inputs', reason: `compare one run directory at a time (${input})` });
    }
  }
  return loadTranscriptCorpus(await resolveInputs(inputs), read);
}

/** `judgekit compare`: two conditions compared per environment and pooled (distribution graders). */
export function registerCompareCommand(program: Command, output: CLIOutput): void {
  program
    .command('compare')
    .description(
      'compare two conditions on a metric, per environment and pooled: estimates, CIs, corrected p-values, flags',
    )
    .argument('<inputs...>', 'a run directory, or transcript files/directories (fixtures:counterfactual, …)')
    .option(
      '--by <field>',
      'what defines the condition: a field path or verdict:<grader> (default condition)',
    )
    .option(
      '--metric <specs>',
      'comma-separated: field paths (metadata.correct), gold:<dimension>, verdict:<grader>, score:<grader>; ' +
        "default: the grader's metric, or every grader of a run",
      parseListFlag,
    )
    .option(
      '--treatment <condition>',
      'the treatment condition (default: inferred, e.g. X vs no_X, or vs control)',
    )
    .option('--control <condition>', 'the control condition')
    .option('--where <field>', 'only transcripts for which this is true (e.g. metadata.mistake)')
    .option(
      '--grader <id>',
      'start from this distribution grader’s defaults (distribution.sandbagging, …)',
      'distribution.compare',
    )
    .addOption(
      new Option('--metric-type <type>', 'how to read the metric').choices(['auto', 'rate', 'continuous']),
    )
    .addOption(
      new Option('--alternative <side>', 'greater: higher under treatment').choices([
        'two-sided',
        'greater',
        'less',
      ]),
    )
    .option(
      '--alpha <a>',
      'significance level of corrected p-values (default 0.05)',
      parseNumberFlag('--alpha', { min: 0, max: 1 }),
    )
    .option(
      '--min-effect <d>',
      'smallest effect worth a flag, in the metric’s units (default 0.1)',
      parseNumberFlag('--min-effect', { min: 0 }),
    )
    .addOption(
      new Option('--correction <method>', 'across environments (default holm)').choices([
        'holm',
        'bh',
        'none',
      ]),
    )
    .option('--level <l>', 'confidence level (default 0.95)', parseNumberFlag('--level', { min: 0, max: 1 }))
    .addOption(
      new Option('--rate-test <test>', 'test for rates').choices(['auto', 'n-1-chi-square', 'exact']),
    )
    .addOption(
      new Option('--continuous-test <test>', 'per-environment test for scores').choices([
        'welch-t',
        'mann-whitney',
        'permutation',
      ]),
    )
    .option('--no-pooled', 'no finding pooled over environments')
    .option(
      '--resamples <n>',
      'bootstrap and permutation resamples (default 2000)',
      parseNumberFlag('--resamples', { min: 99, integer: true }),
    )
    .option(
      '--seed <n>',
      'seed of every resampling step (default 0)',
      parseNumberFlag('--seed', { integer: true }),
    )
    .addOption(
      new Option('--from <format>', 'input format of transcript files')
        .choices(['auto', ...TRANSCRIPT_FORMATS])
        .default('auto'),
    )
    .option('--json', 'print the findings as JSON')
    .action(async (inputs: string[], flags: CompareFlags) => {
      const config = comparisonConfig(flags);
      const { corpus, invalid } = await loadInputs(inputs, flags.from);
      const findings = compareConditions(corpus, config);
      if (invalid > 0)
        output.stderr.write(`left out ${invalid} input record(s) that are not valid transcripts\n`);
      if (flags.json)
        writeJSON(
          output,
          findings.map((finding) => ({ ...finding, ci: finding.effect.ci ?? null })),
        );
      else output.stdout.write(formatComparisonTable(findings, config));
    });
}
