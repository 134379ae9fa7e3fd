import { fileURLToPath } from 'node:url';
import { runWatchingModuleLoads } from '@judgekit/test-support';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./fixtures/lazy-vega-child.ts', import.meta.url));

describe('vega is imported when an SVG is rendered', () => {
  it('loads no vega module when the package is imported for its text formatters, and loads it to render', async () => {
    const { code, lines } = await runWatchingModuleLoads(CHILD, { packages: ['vega', 'vega-lite'] });
    expect(code, lines.join('\n')).toBe(0);
    const formatted = lines.indexOf('step formatted');
    const rendered = lines.indexOf('step rendered');
    expect(lines.indexOf('step imported')).toBeGreaterThanOrEqual(0);
    expect(formatted).toBeGreaterThan(lines.indexOf('step imported'));
    expect(rendered).toBeGreaterThan(formatted);
    // nothing of vega while importing the package, formatting text and building a plot's spec
    expect(lines.slice(0, formatted + 1).filter((line) => line.startsWith('loaded'))).toEqual([]);
    // rendering loaded both (so the hooks do see vega)
    const loaded = new Set(lines.filter((line) => line.startsWith('loaded')));
    expect(loaded).toContain('loaded vega');
    expect(loaded).toContain('loaded vega-lite');
  }, 60_000);
});
