import { stat } from 'node:fs/promises';
import { listInputFiles } from '@judgekit/adapters';
import { ConfigError } from '@judgekit/core';

/**
 * The bundled fixture sets by name, usable wherever an input path is, with their files. The
 * fixtures package is imported only when an input names one.
 */
async function fixtureInputs(): Promise<ReadonlyMap<string, readonly string[]>> {
  const { CORPUS_PATH, COUNTERFACTUAL_EVAL_CUE_PATH, COUNTERFACTUAL_INCENTIVE_PATH } = await import(
    '@judgekit/fixtures'
  );
  return new Map([
    ['fixtures', [CORPUS_PATH]],
    ['fixtures:corpus', [CORPUS_PATH]],
    ['fixtures:eval-cue', [COUNTERFACTUAL_EVAL_CUE_PATH]],
    ['fixtures:incentive', [COUNTERFACTUAL_INCENTIVE_PATH]],
    ['fixtures:counterfactual', [COUNTERFACTUAL_EVAL_CUE_PATH, COUNTERFACTUAL_INCENTIVE_PATH]],
  ]);
}

/**
 * Turns input arguments into files: `fixtures` (or `fixtures:<set>`) names a bundled fixture set
 * (write `./fixtures` for a folder of that name); a directory gives its `.jsonl`, `.json` and
 * `.eval` files, recursively in name order; a file stays itself.
 */
export async function resolveInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === 'fixtures' || input.startsWith('fixtures:')) {
      const fixtures = await fixtureInputs();
      const fixture = fixtures.get(input);
      if (!fixture) {
        throw new ConfigError({
          path: 'inputs',
          reason: `unknown fixture set "${input}"; known: ${[...fixtures.keys()].join(', ')}`,
        });
      }
      files.push(...fixture);
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new ConfigError({ path: 'inputs', reason: `no such file or directory: ${input}` });
    if (info.isFile()) {
      files.push(input);
      continue;
    }
    const found = await listInputFiles(input);
    if (found.length === 0)
      throw new ConfigError({ path: 'inputs', reason: `${input} holds no transcript files` });
    files.push(...found);
  }
  return files;
}
