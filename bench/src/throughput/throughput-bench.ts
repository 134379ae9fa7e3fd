import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastJSONLine, ROOT, runChild, tsNodeArgs } from '../child-process.js';
import { writeCorpus } from './write-corpus.js';

/** What the rule bench's child (`graders/rules/bench/grade-corpus.ts`) prints. */
export interface RulesFigures {
  bytes: number;
  transcripts: number;
  verdicts: number;
  errors: number;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
}

/** What the statistics child (`stats-over-run.ts`) prints. */
export interface StatsFigures {
  bytes: number;
  verdicts: number;
  transcripts: number;
  clusters: number;
  resamples: number;
  aggregatedSeconds: number;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  results: {
    dimension: string;
    riskDifference: { value: number; ci: { lower: number; upper: number } };
    clusterBootstrap: { estimate: number; ci: { lower: number; upper: number } };
    holmP: number;
  }[];
}

/** One corpus size: generation, rule grading and the statistics stage, each child measured alone. */
export interface SizeFigures {
  transcripts: number;
  corpusBytes: number;
  generationSeconds: number;
  rules: RulesFigures;
  stats: StatsFigures;
  /** 1-minute load average before and after the size's measurements. */
  load: [number, number];
}

export interface ThroughputBenchResult {
  sizes: SizeFigures[];
  /** The stats package's own bootstrap bench (1,000,000 observations, 10,000 resamples), as printed. */
  bootstrapBench?: string;
}

const GRADE_CORPUS = join(ROOT, 'graders/rules/bench/grade-corpus.ts');
const STATS_OVER_RUN = fileURLToPath(new URL('./stats-over-run.ts', import.meta.url));
const BOOTSTRAP_BENCH = join(ROOT, 'packages/stats/bench/bootstrap-bench.mjs');

/**
 * For each size: streams a generated corpus to a temporary file, grades it with every rule grader
 * through core's runner in a child process (the rule bench's own child), runs the statistics stage
 * over the run's verdicts in another child, and deletes the files. One child per stage and size,
 * so each peak RSS belongs to one size.
 */
export async function runThroughputBench(options: {
  sizes: readonly number[];
  bootstrap?: boolean;
  log?: (line: string) => void;
}): Promise<ThroughputBenchResult> {
  const log = options.log ?? (() => {});
  const sizes: SizeFigures[] = [];
  for (const count of options.sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'judgekit-throughput-'));
    try {
      const loadBefore = loadavg()[0]!;
      const corpus = join(dir, 'corpus.jsonl');
      const generationStarted = performance.now();
      const corpusBytes = await writeCorpus(corpus, count);
      const generationSeconds = (performance.now() - generationStarted) / 1000;
      log(
        `${count} transcripts: ${(corpusBytes / 2 ** 20).toFixed(0)} MB generated in ${generationSeconds.toFixed(1)} s`,
      );
      const runDir = join(dir, 'run');
      const rules = lastJSONLine<RulesFigures>(
        await runChild(
          tsNodeArgs(GRADE_CORPUS, [
            '--input',
            corpus,
            '--out',
            runDir,
            '--mode',
            'grade',
            '--concurrency',
            '8',
          ]),
        ),
      );
      log(`  rules: ${rules.seconds.toFixed(1)} s, peak RSS ${(rules.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
      await rm(corpus);
      const stats = lastJSONLine<StatsFigures>(
        await runChild(tsNodeArgs(STATS_OVER_RUN, ['--verdicts', join(runDir, 'verdicts.jsonl')])),
      );
      log(`  stats: ${stats.seconds.toFixed(1)} s, peak RSS ${(stats.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
      sizes.push({
        transcripts: count,
        corpusBytes,
        generationSeconds,
        rules,
        stats,
        load: [loadBefore, loadavg()[0]!],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  let bootstrapBench: string | undefined;
  if (options.bootstrap !== false) {
    if (!existsSync(join(ROOT, 'packages/stats/dist/index.js'))) {
      bootstrapBench =
        'not run: packages/stats is not built (`pnpm turbo run build --filter=@judgekit/stats`)';
    } else bootstrapBench = (await runChild([BOOTSTRAP_BENCH])).trim();
    log('stats bootstrap bench done');
  }
  return { sizes, ...(bootstrapBench ? { bootstrapBench } : {}) };
}

const MB = 2 ** 20;

/** The throughput table (Markdown): one row per size; per-transcript costs show how cost grows. */
export function throughputTable(result: ThroughputBenchResult): string {
  const lines = [
    '| transcripts | corpus MB | rules wall s | rules CPU s | rules MB/s (wall) | rules MB/s per CPU-s | rules transcripts/s per CPU-s | rules CPU µs/transcript | rules peak RSS MB | stats: verdicts MB | stats wall s | stats transcripts/s | stats CPU µs/transcript | stats peak RSS MB | load 1-min before→after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const size of result.sizes) {
    const { rules, stats } = size;
    lines.push(
      `| ${size.transcripts.toLocaleString('en-US')} | ${(size.corpusBytes / MB).toFixed(0)} | ${rules.seconds.toFixed(1)} | ${rules.cpuSeconds.toFixed(1)} | ${(rules.bytes / MB / rules.seconds).toFixed(1)} | ${(rules.bytes / MB / rules.cpuSeconds).toFixed(1)} | ${Math.round(rules.transcripts / rules.cpuSeconds).toLocaleString('en-US')} | ${Math.round((rules.cpuSeconds * 1e6) / rules.transcripts)} | ${(rules.peakRssBytes / MB).toFixed(0)} | ${(stats.bytes / MB).toFixed(0)} | ${stats.seconds.toFixed(2)} | ${Math.round(stats.transcripts / stats.seconds).toLocaleString('en-US')} | ${Math.round((stats.cpuSeconds * 1e6) / stats.transcripts)} | ${(stats.peakRssBytes / MB).toFixed(0)} | ${size.load[0].toFixed(2)}→${size.load[1].toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}
