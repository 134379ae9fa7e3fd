import { ConfigError } from '@judgekit/core';
import { createGradeService } from '@judgekit/integrations';
import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { buildRegistry, resolveGraderSetups } from '../config/resolve-graders.js';
import type { CLIOutput } from '../output/cli-output.js';
import { CLI_VERSION } from '../version.js';
import { applyJudgeFlags } from './grade-command.js';

interface ServeOptions {
  host: string;
  port: number;
  graders?: string;
  config?: string;
  cacheDir?: string;
  judge?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  maxBodyBytes: number;
  maxBatch: number;
  maxConcurrent: number;
  maxQueue: number;
  quiet?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A whole-number flag of at least `min` (a port or a queue may be 0; a size or count limit may not). */
function wholeNumber(name: string, min: 0 | 1) {
  return (value: string) => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isInteger(parsed) || parsed < min) {
      throw new ConfigError({
        path: name,
        reason: `expected a whole number${min === 1 ? ' of at least 1' : ''}, got "${value}"`,
      });
    }
    return parsed;
  };
}

function apiKeyFrom(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = process.env[name];
  if (!value) {
    throw new ConfigError({
      path: '--api-key-env',
      reason: `the environment variable ${name} is not set or empty; export the key in it first`,
    });
  }
  return value;
}

/** `judgekit serve`: the HTTP grading service for harnesses in other languages (Python, Inspect scorers). */
export function registerServeCommand(program: Command, output: CLIOutput): void {
  program
    .command('serve')
    .description('serve POST /v1/grade, GET /v1/graders, GET /openapi.json and GET /healthz over HTTP')
    .option('--host <host>', 'address to bind; anything but loopback exposes the service', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', wholeNumber('--port', 0), 8787)
    .option(
      '--graders <ids>',
      'comma-separated grader ids or globs the service offers (default: config `graders`, else "rules.*")',
    )
    .option('--config <file>', 'config file (default: search from the current directory)')
    .option('--cache-dir <dir>', 'LLM-judge response cache (default: your user cache folder)')
    .option('--judge <provider:model>', 'judge model of every LLM-judge grader that sets none')
    .option('--base-url <url>', 'judge API base URL of every LLM-judge grader that sets none')
    .option('--api-key-env <name>', 'require the API key held in this environment variable on /v1 routes')
    .option(
      '--max-body-bytes <n>',
      'largest request body (413 beyond)',
      wholeNumber('--max-body-bytes', 1),
      10 * 1024 * 1024,
    )
    .option(
      '--max-batch <n>',
      'most transcripts per request (413 beyond)',
      wholeNumber('--max-batch', 1),
      100,
    )
    .option('--max-concurrent <n>', 'grading requests served at once', wholeNumber('--max-concurrent', 1), 4)
    .option(
      '--max-queue <n>',
      'grading requests waiting; beyond, 503 with Retry-After',
      wholeNumber('--max-queue', 0),
      16,
    )
    .option('--quiet', 'do not log requests')
    .action(async (options: ServeOptions) => {
      const apiKey = apiKeyFrom(options.apiKeyEnv);
      const { config, file, directory } = await loadConfig({ cwd: process.cwd(), file: options.config });
      const registry = await buildRegistry(config, directory);
      const setups = resolveGraderSetups(
        registry,
        options.graders ?? (config.graders ? undefined : 'rules.*'),
        {
          graders: config.graders,
          file,
        },
      );
      const judged = applyJudgeFlags(setups, registry, { judge: options.judge, baseURL: options.baseUrl });
      const service = createGradeService({
        registry,
        graders: judged.setups,
        env: process.env,
        cwd: directory,
        cacheDir: options.cacheDir ?? config.cacheDir,
        ...(apiKey ? { apiKey } : {}),
        maxBodyBytes: options.maxBodyBytes,
        maxBatch: options.maxBatch,
        maxConcurrent: Math.max(1, options.maxConcurrent),
        maxQueue: options.maxQueue,
        version: CLI_VERSION,
        onLog: options.quiet
          ? undefined
          : (entry) =>
              output.stderr.write(
                `${entry.method} ${entry.path} ${entry.status} ${entry.durationMs}ms${entry.code ? ` ${entry.code}` : ''}\n`,
              ),
      });
      const url = await service.listen({ host: options.host, port: options.port });
      if (!LOOPBACK.has(options.host)) {
        output.stderr.write(
          `warning: listening on ${options.host}, reachable from other machines${apiKey ? '' : ' and without an API key (--api-key-env)'}\n`,
        );
      }
      output.stderr.write(
        `judgekit serve: listening on ${url} with ${service.graders.map((grader) => grader.name).join(', ')}${apiKey ? ' (API key required)' : ''}\n`,
      );
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        output.stderr.write('judgekit serve: stopping\n');
        void service.close();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
