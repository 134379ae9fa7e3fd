import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/lazy-vega-child.ts', import.meta.url));

/** Runs the child and returns its stderr lines: its steps and the vega packages, in order. */
function runChild(): Promise<{ code: number | null; lines: string[] }> {
  const childProcess = spawn(process.execPath, ['--conditions=@judgekit/source', '--import', 'tsx', child], {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  childProcess.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) =>
    childProcess.on('exit', (code) => resolve({ code, lines: stderr.split('\n').filter(Boolean) })),
  );
}

describe('vega is imported when an SVG is rendered', () => {
  it('loads no vega module when the package is imported for its text formatters, and loads it to render', async () => {
    const { code, lines } = await runChild();
    expect(code, lines.join('\n')).toBe(0);
    const formatted = lines.indexOf('step formatted');
    const rendered = lines.indexOf('step rendered');
    expect(lines.indexOf('step imported')).toBeGreaterThanOrEqual(0);
    expect(formatted).toBeGreaterThan(lines.indexOf('step imported'));
    expect(rendered).toBeGreaterThan(formatted);
    // nothing of vega while importing the package, formatting text and building a plot's spec
    expect(lines.slice(0, formatted + 1).filter((line) => line.startsWith('vega-module'))).toEqual([]);
    // rendering loaded both (so the hooks do see vega)
    const loaded = new Set(lines.filter((line) => line.startsWith('vega-module')));
    expect(loaded).toContain('vega-module vega');
    expect(loaded).toContain('vega-module vega-lite');
  }, 60_000);
});
