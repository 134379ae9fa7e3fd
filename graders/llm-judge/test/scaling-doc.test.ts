import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '@judgekit/providers/testing';
import { judgekitCommand, judgekitEnvironment } from '@judgekit/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keywordJudge } from '../src/testing/index.js';
import { TEST_ENV, temporaryDirectory } from './helpers/judge-setup.js';
import { writeFixtureSubset } from './helpers/run-files.js';

const DOC = fileURLToPath(new URL('../../../docs/scaling.md', import.meta.url));
const SLICE = 24;
const TOOLS = ['bash', 'jq', 'split'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);

/** The fenced blocks of a Markdown page with their info string. */
function fencedBlocks(markdown: string): { lang: string; body: string }[] {
  return [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((match) => ({
    lang: match[1] ?? '',
    body: match[2] ?? '',
  }));
}

const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

describe.skipIf(TOOLS.length > 0)(
  `docs/scaling.md runs as written (CLI from ${judgekitCommand().mode}; needs bash, jq and split${TOOLS.length ? `, missing: ${TOOLS.join(', ')}` : ''})`,
  () => {
    let server: TestServer;
    let completing: NodeJS.Timeout;
    beforeAll(async () => {
      server = await startTestServer({ batchCompletion: 'manual', handler: keywordJudge() });
      completing = setInterval(() => void server.completeBatches(), 200);
    });
    afterAll(async () => {
      clearInterval(completing);
      await server.close();
    });

    it('every sh block succeeds in order; collecting and merging make no model call; verdicts are identical', async () => {
      const blocks = fencedBlocks(readFileSync(DOC, 'utf8'));
      const scripts = blocks.filter((block) => block.lang === 'sh').map((block) => block.body);
      const [config, vllmConfig] = blocks.filter((block) => block.lang === 'json').map((block) => block.body);
      const dir = temporaryDirectory('judgekit-scaling-doc-');
      writeFileSync(join(dir, 'judgekit.config.json'), config!);
      writeFileSync(join(dir, 'judgekit.vllm.json'), vllmConfig!);
      const slice = writeFixtureSubset(dir, SLICE);
      const { args } = judgekitCommand();
      // `judgekit` as the doc's alias, reading the slice where the doc says `fixtures`
      const prelude = [
        'set -e',
        'exec 2>&1',
        `judgekit() { local args=(); for arg in "$@"; do [ "$arg" = fixtures ] && arg=${quote(slice)}; args+=("$arg"); done; ${[process.execPath, ...args].map(quote).join(' ')} "\${args[@]}"; }`,
      ];
      const script = [
        ...prelude,
        ...scripts.flatMap((body, index) => [`echo '@@block ${index}'`, body]),
      ].join('\n');
      const callsAtBlock: number[] = [];
      let output = '';
      const child = spawn('bash', ['-c', script], {
        cwd: dir,
        env: judgekitEnvironment(dir, { ...TEST_ENV, URL: server.url, SLOW_URL: server.url }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        for (const _marker of text.matchAll(/@@block \d+/g)) callsAtBlock.push(server.modelCalls().length);
        output += text;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, output).toBe(0);
      callsAtBlock.push(server.modelCalls().length);
      const callsIn = (needle: string) => {
        const index = scripts.findIndex((body) => body.includes(needle));
        expect(index, needle).toBeGreaterThanOrEqual(0);
        return callsAtBlock[index + 1]! - callsAtBlock[index]!;
      };
      expect(output).toMatch(new RegExp(`submitted ${SLICE} request\\(s\\) for ${SLICE} unit\\(s\\)`));
      expect(callsIn('--out runs/batch --batch')).toBe(0);
      expect(callsIn('batch collect runs/batch --wait')).toBe(0);
      expect(callsIn('--out runs/sync')).toBe(SLICE);
      // the shards make every call once; the merged run makes none
      expect(callsIn('merged-cache')).toBe(SLICE);
      expect(output.match(/^identical$/gm), output).toHaveLength(2);
      expect(output).toMatch(/^percent agreement\s+1\.000 \[1\.000, 1\.000\]$/m);
    }, 240_000);
  },
);
