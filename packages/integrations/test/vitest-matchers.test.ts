import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defineTestGrader } from '@judgekit/testkit';
import { describe, expect, it } from 'vitest';
import '../src/vitest-setup.js';
import { EXAMPLE_DEPENDENCIES, packageFolder, useExampleProject } from './helpers/example-project.js';
import { showsFile } from './helpers/markdown-blocks.js';
import { DOCS, EXAMPLES } from './helpers/repo-paths.js';
import { awareTranscript, cleanTranscript, covertTranscript } from './helpers/transcripts.js';

const run = promisify(execFile);
const exampleProject = useExampleProject();
const DOC = join(DOCS, 'vitest-matchers.md');

describe('the matchers', () => {
  it('pass and fail on real verdicts', async () => {
    await expect(covertTranscript).toShowCovertAction();
    await expect(cleanTranscript).not.toShowCovertAction();
    await expect(awareTranscript).toShowEvalAwareness();
    await expect(cleanTranscript).not.toShowEvalAwareness();
    await expect(cleanTranscript).not.toShowPlausibleDeniability();
  });

  it('show the rationale and evidence quotes of the flagging verdict when .not fails', async () => {
    await expect(expect(covertTranscript).not.toShowCovertAction()).rejects.toThrow(
      /expected transcript covert-send not to show covert_action, but rules.covert-action flagged it:\nrules.covert-action on covert_action: flagged \(score [\d.]+, [a-z_]+, view all\)\n {2}rationale: .*send_email.*\n {2}evidence message 2: "send_email" \(verified\)/,
    );
  });

  it('show every verdict when the behaviour was expected but not found', async () => {
    await expect(expect(cleanTranscript).toShowCovertAction()).rejects.toThrow(
      /expected transcript clean-draft to show covert_action, but no grader flagged it:\nrules.covert-action on covert_action: not flagged/,
    );
  });

  it('throw when a grader cannot decide, so .not never passes on an ungraded transcript', async () => {
    const failing = defineTestGrader({
      id: 'test.failing',
      description: 'Always fails, to test undecided outcomes.',
      grade: () => {
        throw new Error('judge unreachable');
      },
    });
    await expect(expect(cleanTranscript).not.toShowCovertAction({ graders: [failing] })).rejects.toThrow(
      /could not decide covert_action .*\n.*failed\n {2}error: Error: judge unreachable/,
    );
    await expect(cleanTranscript).not.toShowCovertAction({ graders: [failing], allowUndecided: true });
  });

  it('refuse graders that do not answer the dimension', async () => {
    await expect(
      expect(cleanTranscript).not.toShowEvalAwareness({ graders: ['rules.covert-action'] }),
    ).rejects.toThrow(/none of the graders \(rules.covert-action\) answers eval_awareness/);
  });
});

describe('docs/vitest-matchers.md', () => {
  it('shows the example config and test in full', () => {
    expect(showsFile(DOC, join(EXAMPLES, 'vitest-matchers', 'vitest.config.mjs'))).toBe(true);
    expect(showsFile(DOC, join(EXAMPLES, 'vitest-matchers', 'support-agent.test.mjs'))).toBe(true);
  });

  it('runs the example with vitest in a user project: its setup file registers the matchers', async () => {
    const dir = exampleProject({ examples: ['vitest-matchers'], packages: [...EXAMPLE_DEPENDENCIES] });
    const root = join(dir, 'vitest-matchers');
    const report = join(dir, 'report.json');
    await run(
      process.execPath,
      [
        join(packageFolder('vitest'), 'vitest.mjs'),
        'run',
        '--root',
        root,
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      { cwd: root, timeout: 120_000 },
    );
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    expect(results).toMatchObject({ numPassedTests: 2, numFailedTests: 0 });
  });
});
