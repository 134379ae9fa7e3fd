import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJudgekit, spawnJudgekit } from '@judgekit/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForOutput } from '../helpers/cli-process.js';
import { request } from '../helpers/http-client.js';
import { covertTranscript } from '../helpers/transcripts.js';

const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'judgekit-serve-')));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const KEY = 'jk-serve-command-test-key-4f1c2a';

describe('judgekit serve (the command)', () => {
  it('serves the chosen graders on loopback with the key from --api-key-env, logs without the key, stops on SIGTERM', async () => {
    const child = spawnJudgekit(
      ['serve', '--port', '0', '--graders', 'rules.*', '--api-key-env', 'JK_TEST_KEY'],
      {
        from: 'source',
        cwd,
        env: { JK_TEST_KEY: KEY },
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    try {
      const [, url] = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      expect(stderr).toContain('rules.covert-action, rules.eval-awareness, rules.plausible-deniability');
      expect((await request(`${url}/v1/graders`)).status).toBe(401);
      const graded = await request(`${url}/v1/grade`, {
        body: JSON.stringify({ transcript: covertTranscript, graders: ['rules.covert-action'] }),
        headers: { authorization: `Bearer ${KEY}` },
      });
      expect(graded.status).toBe(200);
      expect(
        (graded.json as { results: { verdicts: { label: boolean }[] }[] }).results[0]!.verdicts[0]!.label,
      ).toBe(true);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stderr).toMatch(/POST \/v1\/grade 200 \d+ms/);
      expect(stderr).toMatch(/GET \/v1\/graders 401 \d+ms unauthorized/);
      expect(stderr).not.toContain(KEY);
      expect(stderr).not.toContain(cwd);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.each([
    ['--max-batch', '0', /--max-batch: expected a whole number of at least 1, got "0"/],
    ['--max-concurrent', '1.5', /--max-concurrent: expected a whole number of at least 1, got "1.5"/],
    ['--port', '-1', /--port: expected a whole number, got "-1"/],
  ])('refuses %s %s before it listens', async (flag, value, message) => {
    const { code, stderr } = await runJudgekit(['serve', '--port', '0', flag, value], {
      from: 'source',
      cwd,
    });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
  });
});
