import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createRegistry,
  loadGraderPlugins,
  PluginLoadError,
  SUPPORTED_GRADER_SPECS,
  UnknownGraderError,
} from '../src/index.js';
import { keywordGrader } from './helpers/graders.js';

describe('createRegistry', () => {
  it('lists the known ids when an id is unknown', () => {
    const registry = createRegistry([keywordGrader]);
    expect(() => registry.get('rules.nope')).toThrowError(
      /unknown grader "rules.nope"; known graders: test.keyword/,
    );
    try {
      registry.get('rules.nope');
    } catch (error) {
      expect(UnknownGraderError.isInstance(error)).toBe(true);
    }
  });

  it('refuses a plugin built for another spec version, naming the supported ones', () => {
    const registry = createRegistry();
    const future = { ...keywordGrader, spec: 'judgekit.grader/v9' };
    expect(() => registry.register(future as never)).toThrowError(
      new RegExp(`judgekit.grader/v9.*supports ${SUPPORTED_GRADER_SPECS.join(', ')}`),
    );
  });

  it('refuses a second plugin with the same id', () => {
    const registry = createRegistry([keywordGrader]);
    expect(() => registry.register({ ...keywordGrader })).toThrowError(/already registered/);
  });
});

describe('loadGraderPlugins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'judgekit-plugin-'));

  it('loads a plugin from a file path', async () => {
    const file = join(dir, 'my-grader.mjs');
    writeFileSync(
      file,
      `export default {
        spec: 'judgekit.grader/v1', id: 'acme.always-false', version: '0.1.0', kind: 'rule',
        dimensions: ['covert_action'], views: ['all'], needsKey: false,
        config: { safeParse: (value) => ({ success: true, data: value }) },
        docs: { description: 'Says no.' },
        create: () => ({ type: 'transcript', grade: () => [{ dimension: 'covert_action', label: false }] }),
      };`,
    );
    const [plugin] = await loadGraderPlugins('./my-grader.mjs', dir);
    expect(plugin!.id).toBe('acme.always-false');
  });

  it('says why a module is not a plugin', async () => {
    writeFileSync(
      join(dir, 'broken.mjs'),
      `export default { spec: 'judgekit.grader/v1', id: 'x', version: '1' };`,
    );
    await expect(loadGraderPlugins('./broken.mjs', dir)).rejects.toThrowError(/`kind` must be one of/);
  });

  it('says a package is not installed', async () => {
    const error = await loadGraderPlugins('judgekit-grader-not-installed', dir).catch((caught) => caught);
    expect(PluginLoadError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/is it installed\?/);
  });
});
