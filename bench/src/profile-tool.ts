/**
 * CPU profile of one tool's run in the peer bench (the bench server in its own process, so the
 * profile holds only the tool's pipeline): writes `.cpuprofile` files for Chrome DevTools.
 *
 *   cd bench && node --conditions=@judgekit/source --import tsx src/profile-tool.ts \
 *     [--tool judgekit-scheming] [--transcripts 600] [--out /tmp/judgekit-profile]
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runChild, startIPCChild, tsNodeArgs } from './child-process.js';

const { values } = parseArgs({
  options: {
    tool: { type: 'string', default: 'judgekit-scheming' },
    transcripts: { type: 'string', default: '600' },
    out: { type: 'string', default: join(tmpdir(), 'judgekit-profile') },
  },
});
const server = fileURLToPath(new URL('./peers/judge-server-process.ts', import.meta.url));
const { child, first } = await startIPCChild<{ openaiBaseURL: string }>(server, ['100']);
try {
  const workDir = await mkdtemp(join(tmpdir(), 'judgekit-profile-work-'));
  const stdout = await runChild([
    '--cpu-prof',
    `--cpu-prof-dir=${values.out}`,
    ...tsNodeArgs(fileURLToPath(new URL('./peers/run-tool.ts', import.meta.url)), [
      '--tool',
      values.tool,
      '--base-url',
      first.openaiBaseURL,
      '--transcripts',
      values.transcripts,
      '--concurrency',
      '12',
      '--work-dir',
      workDir,
    ]),
  ]);
  console.log(stdout.trim().split('\n').at(-1));
  console.log(`profiles in ${values.out}`);
} finally {
  child.kill();
}
