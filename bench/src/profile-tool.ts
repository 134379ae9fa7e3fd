/**
 * CPU or allocation profile of one tool's run in the peer bench (the bench server in its own
 * process, so the profile holds only the tool's pipeline, from the start of the measured run to its
 * end): writes a `.cpuprofile` or `.heapprofile` file for Chrome DevTools.
 *
 *   cd bench && node --conditions=@judgekit/source --import tsx src/profile-tool.ts \
 *     [--tool judgekit-scheming] [--transcripts 600] [--kind cpu|heap] [--out /tmp/judgekit-profile]
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runChild, startIPCChild, tsNodeArgs } from './child-process.js';

const { values } = parseArgs({
  options: {
    tool: { type: 'string', default: 'judgekit-scheming' },
    transcripts: { type: 'string', default: '600' },
    kind: { type: 'string', default: 'cpu' },
    out: { type: 'string', default: join(tmpdir(), 'judgekit-profile') },
  },
});
const server = fileURLToPath(new URL('./peers/judge-server-process.ts', import.meta.url));
const { child, first } = await startIPCChild<{ openaiBaseURL: string }>(server, ['100']);
try {
  const workDir = await mkdtemp(join(tmpdir(), 'judgekit-profile-work-'));
  await mkdir(values.out, { recursive: true });
  const kind = values.kind === 'heap' ? 'heap' : 'cpu';
  const file = join(values.out, `${values.tool}.${kind}profile`);
  const stdout = await runChild([
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
      '--profile-file',
      file,
      '--profile-kind',
      kind,
    ]),
  ]);
  console.log(stdout.trim().split('\n').at(-1));
  console.log(`profile of the measured run (set-up and module loading left out): ${file}`);
} finally {
  child.kill();
}
