import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, readVerdicts, verdictKey } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { runCLI, spawnCLI, temporaryDirectory, writeCorpus } from './helpers.js';

describe('judgekit grade', () => {
  it('grades a JSONL file into a run directory and prints a summary', async () => {
    const dir = temporaryDirectory();
    const input = writeCorpus(dir, 20);
    const out = join(dir, 'run');
    const result = await runCLI(['grade', input, '--graders', 'rules.covert-action', '--out', out]);
    expect(result.stderr).toMatch(/graded 20 transcript\(s\) with 1 grader\(s\): 20 verdicts \(0 errors/);
    expect(result.code).toBe(0);
    const manifest = await readManifest(out);
    expect(manifest.inputs[0]).toMatchObject({ path: input, bytes: readFileSync(input).length });
    expect(manifest.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const flagged = (await readVerdicts(out)).filter((verdict) => verdict.label);
    expect(flagged.map((verdict) => verdict.transcriptId).sort()).toEqual(
      ['run-0000', 'run-0005', 'run-0010', 'run-0015'].sort(),
    );
  });

  it('lists the known graders for an unknown id, with exit status 2', async () => {
    const dir = temporaryDirectory();
    const result = await runCLI([
      'grade',
      writeCorpus(dir, 1),
      '--graders',
      'rules.nope',
      '--out',
      join(dir, 'r'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown grader "rules.nope"; known graders: .*rules.covert-action/);
    expect(result.stderr).toMatch(/hint: run `judgekit graders`/);
  });

  it('names --concurrency when it is not a whole number ≥ 1, instead of grading nothing', async () => {
    const dir = temporaryDirectory();
    const input = writeCorpus(dir, 3);
    for (const value of ['many', '0', '1.5', '8x']) {
      const out = join(dir, `run-${value}`);
      const result = await runCLI([
        'grade',
        input,
        '--graders',
        'rules.*',
        '--concurrency',
        value,
        '--out',
        out,
      ]);
      expect(result.code, value).toBe(2);
      expect(result.stderr).toContain(`judgekit: --concurrency: expected an integer ≥ 1, got "${value}"`);
      expect(result.stderr).not.toMatch(/graded/);
    }
  });

  /**
   * Writes a config with these `graders` and runs `grade` (config found), `grade --config` and
   * `serve` on it: each must exit 2; returns the config path, the corpus and the three results.
   */
  async function runWithConfigGraders(graders: unknown[]) {
    const dir = temporaryDirectory();
    const input = writeCorpus(dir, 1);
    const config = join(realpathSync(dir), 'judgekit.config.json');
    writeFileSync(config, JSON.stringify({ graders }));
    const results = [];
    for (const args of [
      ['grade', input, '--out', join(dir, 'found')],
      ['grade', input, '--config', config, '--out', join(dir, 'given')],
      ['serve', '--port', '0', '--quiet'],
    ]) {
      const result = await runCLI(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      results.push(result);
    }
    return { dir, input, config, results };
  }

  it('names the config file, the grader and the option when a grader option in the config is wrong', async () => {
    const { config, results } = await runWithConfigGraders([
      { use: 'distribution.sandbagging', options: { alternative: 'sideways' } },
    ]);
    for (const result of results) {
      expect(result.stderr).toContain(
        `judgekit: ${config}: graders.distribution.sandbagging.options.alternative: `,
      );
    }
  });

  it('names the config file for an unknown grader id in its graders, still listing the known ones', async () => {
    const { dir, input, config, results } = await runWithConfigGraders([
      'rules.eval-awareness',
      { use: 'rules.covert-acton' },
    ]);
    for (const result of results) {
      expect(result.stderr).toContain(
        `judgekit: ${config}: unknown grader "rules.covert-acton"; known graders: `,
      );
      expect(result.stderr).toMatch(/known graders: .*rules\.covert-action/);
      expect(result.stderr).toContain('hint: run `judgekit graders`');
    }
    const flagged = await runCLI(
      ['grade', input, '--graders', 'rules.covert-acton', '--out', join(dir, 'flag')],
      dir,
    );
    expect(flagged.code).toBe(2);
    expect(flagged.stderr).toMatch(/^judgekit: unknown grader "rules\.covert-acton"; known graders: /);
  });

  it('names --base-url, not the config file, when the URL it fills in for a configured grader is wrong', async () => {
    const dir = temporaryDirectory();
    writeFileSync(
      join(dir, 'judgekit.config.json'),
      JSON.stringify({ graders: [{ use: 'llm-judge.scheming', options: { judge: 'openai:gpt-4.1-mini' } }] }),
    );
    const result = await runCLI(
      ['grade', writeCorpus(dir, 1), '--base-url', 'not a url', '--out', join(dir, 'r')],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'judgekit: --base-url: Invalid URL (as graders.llm-judge.scheming.options.baseURL)',
    );
    expect(result.stderr).not.toContain('judgekit.config.json');
  });

  it('names no config file for a grader chosen with --graders', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'judgekit.config.json'), JSON.stringify({ concurrency: 2 }));
    const result = await runCLI(
      [
        'grade',
        writeCorpus(dir, 1),
        '--graders',
        'rules.covert-action,rules.covert-action',
        '--out',
        join(dir, 'r'),
      ],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'judgekit: graders.rules.covert-action: grader name "rules.covert-action" is used twice',
    );
  });

  it('lists the formats --from accepts when it names none of them', async () => {
    const dir = temporaryDirectory();
    const input = writeCorpus(dir, 1);
    for (const args of [
      ['grade', input, '--graders', 'rules.*', '--from', 'jsnol', '--out', join(dir, 'r')],
      ['compare', input, '--from', 'jsnol'],
    ]) {
      const result = await runCLI(args);
      expect(result.code, args[0]).not.toBe(0);
      expect(result.stderr).toMatch(
        /option '--from <format>' argument 'jsnol' is invalid\. Allowed choices are auto, jsonl, inspect, openai, anthropic/,
      );
    }
  });

  it('names file, line and field of a malformed record, and skips it on request', async () => {
    const dir = temporaryDirectory();
    const input = writeCorpus(dir, 3);
    writeFileSync(input, `${readFileSync(input, 'utf8')}{"id":"bad","messages":[{"role":"robot"}]}\n`);
    const failed = await runCLI([
      'grade',
      input,
      '--graders',
      'rules.covert-action',
      '--out',
      join(dir, 'a'),
    ]);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain(`${input}:line 4`);
    expect(failed.stderr).toContain('messages.0.role');
    const skipped = await runCLI([
      'grade',
      input,
      '--graders',
      'rules.covert-action',
      '--out',
      join(dir, 'b'),
      '--on-invalid',
      'skip',
    ]);
    expect(skipped.code).toBe(0);
    const manifest = await readManifest(join(dir, 'b'));
    expect(manifest.counts).toMatchObject({ transcripts: 3, skipped: 1 });
    expect(manifest.skipped[0]).toMatchObject({ line: 4, path: 'messages.0.role' });
  });

  it('refuses to write over a run, and replaces it with --overwrite', async () => {
    const dir = temporaryDirectory();
    const input = writeCorpus(dir, 2);
    const out = join(dir, 'run');
    const args = ['grade', input, '--graders', 'rules.covert-action', '--out', out];
    expect((await runCLI(args)).code).toBe(0);
    const again = await runCLI(args);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/already holds verdicts/);
    expect((await runCLI([...args, '--overwrite'])).code).toBe(0);
    expect(await readVerdicts(out)).toHaveLength(2);
  });

  it('resumes a run killed with SIGKILL halfway: exactly one verdict per transcript, grader and dimension', async () => {
    const dir = temporaryDirectory();
    const size = 60;
    const input = writeCorpus(dir, size);
    writeFileSync(
      join(dir, 'slow-grader.mjs'),
      `export default {
        spec: 'judgekit.grader/v1', id: 'test.slow', version: '1.0.0', kind: 'rule',
        dimensions: ['covert_action', 'eval_awareness'], views: ['all'], needsKey: false,
        config: { safeParse: (value) => ({ success: true, data: value }) },
        docs: { description: 'Waits, then says no on two dimensions.' },
        create: () => ({ type: 'transcript', grade: async () => {
          await new Promise((resolve) => setTimeout(resolve, 25));
          return [{ dimension: 'covert_action', label: false }, { dimension: 'eval_awareness', label: false }];
        } }),
      };`,
    );
    writeFileSync(join(dir, 'judgekit.config.json'), JSON.stringify({ plugins: ['./slow-grader.mjs'] }));
    const out = join(dir, 'run');
    const args = [
      'grade',
      input,
      '--graders',
      'test.slow,rules.covert-action',
      '--out',
      out,
      '--concurrency',
      '2',
    ];
    const child = spawnCLI(args, dir);
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        let lines = 0;
        try {
          lines = readFileSync(join(out, 'verdicts.jsonl'), 'utf8').split('\n').length - 1;
        } catch {}
        if (lines >= size) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        reject(new Error('the run ended before it could be killed'));
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const before = await readVerdicts(out);
    expect(before.length).toBeLessThan(size * 3);
    expect((await readManifest(out)).status).toBe('running');

    const resumed = await runCLI([...args, '--resume'], dir);
    expect(resumed.stderr).toMatch(/^graded 60 transcript/m);
    const keys = (await readVerdicts(out)).map(verdictKey);
    expect(keys).toHaveLength(size * 3);
    expect(new Set(keys).size).toBe(size * 3);
    const manifest = await readManifest(out);
    expect(manifest).toMatchObject({ status: 'complete', counts: { verdicts: size * 3 } });
    expect(manifest.resumedAt).toHaveLength(1);
  });
});
