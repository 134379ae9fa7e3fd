import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@judgekit/cli';
import { ConfigError } from '@judgekit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS, useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs('judgekit-config-fuzz-');

/** What loading gave: a config, or an error with its name and message. */
async function attempt(file: string | undefined, cwd: string) {
  try {
    const loaded = await loadConfig({ cwd, file });
    return { ok: true as const, loaded };
  } catch (error) {
    return { ok: false as const, error: error as Error };
  }
}

/** Every outcome must be a validated config or one ConfigError that names the file. */
function expectCleanOutcome(outcome: Awaited<ReturnType<typeof attempt>>, file: string): void {
  if (outcome.ok) {
    const { config } = outcome.loaded;
    expect(Array.isArray(config.plugins)).toBe(true);
    if (config.concurrency !== undefined) expect(Number.isInteger(config.concurrency)).toBe(true);
    return;
  }
  expect(ConfigError.isInstance(outcome.error), String(outcome.error?.stack)).toBe(true);
  expect(outcome.error.message).toContain(file);
  // one readable line: the file, the field and a short reason, never the offending text at length
  expect(outcome.error.message.length).toBeLessThan(file.length + 1_000);
}

const KEYS = ['plugins', 'graders', 'concurrency', 'cacheDir', 'onInvalid'] as const;
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(['rules.*'], [{ use: 'rules.eval-awareness', options: { view: 'actions' } }], 8, 'skip'),
);
const configObject = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })),
  anyValue,
  { maxKeys: 6 },
);

describe('fuzzing the config loader', () => {
  it('turns any JSON config (wrong types, unknown keys, junk) into a config or one ConfigError', async () => {
    const seen = { loaded: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(configObject, fc.jsonValue({ maxDepth: 3 })),
        fc.constantFrom('.judgekitrc.json', 'judgekit.config.json', '.judgekitrc'),
        async (value, name) => {
          const dir = tempDir();
          const file = join(dir, name);
          writeFileSync(file, JSON.stringify(value));
          const outcome = await attempt(file, dir);
          expectCleanOutcome(outcome, file);
          seen[outcome.ok ? 'loaded' : 'refused']++;
        },
      ),
      { numRuns: RUNS, examples: [[{ graders: ['rules.*'], concurrency: 4 }, 'judgekit.config.json']] },
    );
    // the property saw both outcomes, so it checked something on each side
    expect(seen.loaded).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('turns any YAML config, package.json#judgekit and searched config the same way', async () => {
    await fc.assert(
      fc.asyncProperty(configObject, fc.constantFrom('yaml', 'package', 'search'), async (value, kind) => {
        const dir = tempDir();
        if (kind === 'yaml') {
          const file = join(dir, 'judgekit.config.yaml');
          // JSON is YAML; flow style keeps every generated value representable
          writeFileSync(file, JSON.stringify(value));
          expectCleanOutcome(await attempt(file, dir), file);
        } else if (kind === 'package') {
          const file = join(dir, 'package.json');
          writeFileSync(file, JSON.stringify({ name: 'fuzz', judgekit: value }));
          expectCleanOutcome(await attempt(undefined, dir), file);
        } else {
          const file = join(dir, '.judgekitrc.json');
          writeFileSync(file, JSON.stringify(value));
          writeFileSync(join(dir, 'package.json'), '{"name":"fuzz"}');
          expectCleanOutcome(await attempt(undefined, dir), file);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('handles invalid UTF-8 bytes anywhere in the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        configObject,
        fc.constantFrom(
          [0xff],
          [0xc3, 0x28],
          [0xe2, 0x82],
          [0xed, 0xa0, 0x80],
          [0xf8, 0x88, 0x80, 0x80, 0x80],
        ),
        fc.nat(),
        fc.constantFrom('judgekit.config.json', 'judgekit.config.yaml'),
        async (value, bad, at, name) => {
          const dir = tempDir();
          const file = join(dir, name);
          const text = Buffer.from(JSON.stringify(value));
          const cut = at % (text.length + 1);
          writeFileSync(file, Buffer.concat([text.subarray(0, cut), Buffer.from(bad), text.subarray(cut)]));
          expectCleanOutcome(await attempt(file, dir), file);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('handles deep nesting and truncated files without a stack overflow escaping', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_000, max: 200_000 }),
        fc.constantFrom('array', 'object', 'yaml-flow', 'yaml-block', 'truncated'),
        async (depth, shape) => {
          const dir = tempDir();
          const yaml = shape.startsWith('yaml');
          const file = join(dir, yaml ? 'judgekit.config.yaml' : 'judgekit.config.json');
          const nested =
            shape === 'array' || shape === 'yaml-flow'
              ? `{"graders":[{"use":"rules.*","options":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`
              : shape === 'yaml-block'
                ? `graders:\n  - use: rules.*\n    options:\n${Array.from({ length: Math.min(depth, 5_000) }, (_, level) => `${' '.repeat(6 + 2 * level)}k${level}:`).join('\n')} 1\n`
                : shape === 'truncated'
                  ? `{"graders":[${'{"use":"rules.*"},'.repeat(depth % 500)}`
                  : `{"cacheDir":"x","plugins":[],"graders":[{"use":"rules.*","options":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}`;
          writeFileSync(file, nested);
          expectCleanOutcome(await attempt(file, dir), file);
        },
      ),
      { numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  });

  it('loads huge strings (megabytes) in any field, or refuses them with a ConfigError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 16 }),
        fc.constantFrom(
          ...KEYS,
          'unknownKey',
          'huge key',
          'huge line, invalid JSON',
          'huge line, invalid YAML',
        ),
        async (megabytes, key) => {
          const dir = tempDir();
          const yaml = key === 'huge line, invalid YAML';
          const file = join(dir, yaml ? 'judgekit.config.yaml' : 'judgekit.config.json');
          const huge = 'x'.repeat(megabytes * 1024 * 1024);
          const value = key === 'plugins' || key === 'graders' ? [huge] : huge;
          const text =
            key === 'huge key'
              ? JSON.stringify({ [huge]: 1 })
              : key === 'huge line, invalid JSON'
                ? `{"cacheDir":"${huge}",}`
                : yaml
                  ? `cacheDir: "${huge}\n  graders: [`
                  : JSON.stringify({ [key]: value });
          writeFileSync(file, text);
          const started = performance.now();
          const outcome = await attempt(file, dir);
          expect(performance.now() - started).toBeLessThan(20_000);
          expectCleanOutcome(outcome, file);
        },
      ),
      {
        numRuns: 8,
        examples: [
          [4, 'huge key'],
          [4, 'huge line, invalid JSON'],
          [4, 'huge line, invalid YAML'],
        ],
      },
    );
  });

  it('refuses YAML alias bombs and JS configs that export junk or throw', async () => {
    const dir = tempDir();
    const bomb = join(dir, 'judgekit.config.yaml');
    const levels = Array.from({ length: 12 }, (_, level) =>
      level === 0
        ? 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'
        : `a${level}: &a${level} [${Array(10)
            .fill(`*a${level - 1}`)
            .join(', ')}]`,
    );
    writeFileSync(bomb, `${levels.join('\n')}\ngraders: *a11\n`);
    const bombed = await attempt(bomb, dir);
    expectCleanOutcome(bombed, bomb);
    expect(bombed.ok, 'the alias bomb is refused').toBe(false);
    for (const [name, source] of [
      ['throws.config.mjs', 'throw new Error("boom at load");'],
      ['number.config.mjs', 'export default 42;'],
      ['array.config.mjs', 'export default [1, 2, 3];'],
      ['function.config.mjs', 'export default () => ({ graders: ["rules.*"] });'],
      ['null.config.mjs', 'export default null;'],
      ['undefined.config.mjs', 'export default undefined;'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, source);
      const outcome = await attempt(file, dir);
      expectCleanOutcome(outcome, file);
      expect(outcome.ok, `${name} is refused`).toBe(false);
    }
    // an empty or comments-only YAML file, unlike a module exporting nothing, means the defaults
    for (const [name, source] of [
      ['empty.yaml', ''],
      ['comments.yaml', '# graders: ["rules.*"]\n'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, source);
      const outcome = await attempt(file, dir);
      expect(outcome.ok, `${name} loads`).toBe(true);
      if (outcome.ok) expect(outcome.loaded.config.plugins).toEqual([]);
    }
  });
});
