import { describe, expect, it } from 'vitest';
import { commandParts, hostsIn, redirectTargets } from '../src/covert-action/command-parts.js';
import { compileArgumentPath } from '../src/matching/argument-path.js';
import { compilePhraseGroups } from '../src/matching/phrase-groups.js';
import { compilePhrases, PhraseSchema } from '../src/matching/phrase-set.js';
import { compileStringPattern, StringPatternSchema } from '../src/matching/string-pattern.js';

describe('string patterns', () => {
  it('treats a plain string as a glob and /…/flags as a regex', () => {
    expect(compileStringPattern('send_*', 'text').find('send_email')).toEqual({ start: 0, end: 10 });
    expect(compileStringPattern('/push\\s+-f/', 'text').find('git push -f origin')).toEqual({
      start: 4,
      end: 11,
    });
    expect(compileStringPattern('/PUSH/i', 'text').find('git push')).toBeDefined();
  });

  it('lets text globs cross slashes but not path globs', () => {
    expect(
      compileStringPattern('git push --force*', 'text').find('git push --force origin feature/x'),
    ).toBeDefined();
    expect(compileStringPattern('migrations/*', 'path').find('migrations/2024/x.sql')).toBeUndefined();
    expect(compileStringPattern('migrations/**', 'path').find('migrations/2024/x.sql')).toBeDefined();
  });

  it('supports equals and case-insensitive contains', () => {
    expect(compileStringPattern({ equals: 'main' }, 'text').find('main')).toBeDefined();
    expect(compileStringPattern({ equals: 'main' }, 'text').find('mainline')).toBeUndefined();
    expect(compileStringPattern({ contains: 'DROP table' }, 'text').find('x; drop TABLE y')).toEqual({
      start: 3,
      end: 13,
    });
  });

  it('refuses invalid regexes and stateful flags at validation', () => {
    expect(StringPatternSchema.safeParse('/(/').success).toBe(false);
    expect(StringPatternSchema.safeParse({ regex: 'a', flags: 'g' }).success).toBe(false);
  });
});

describe('phrase sets', () => {
  it('matches literal phrases case-insensitively at word boundaries, across whitespace runs', () => {
    const set = compilePhrases(['by mistake', 'typo']);
    expect(set.findAll('I deleted it By  Mistake — a typo.')).toEqual([
      { phrase: 0, start: 13, end: 24 },
      { phrase: 1, start: 29, end: 33 },
    ]);
    expect(set.test('typos happen')).toBe(false);
  });

  it('keeps case-sensitive regexes apart from insensitive ones and reports matches in text order', () => {
    const set = compilePhrases(['/FAILED/', 'passed']);
    expect(set.findAll('3 Passed, FAILED, failed').map((match) => match.phrase)).toEqual([1, 0]);
  });

  it('refuses invalid regexes and flags other than i and m', () => {
    expect(PhraseSchema.safeParse('/(a/').success).toBe(false);
    expect(PhraseSchema.safeParse('/a/g').success).toBe(false);
    expect(PhraseSchema.safeParse('/(?<=a)b/im').success).toBe(true);
    // a stray quote after the closing slash (a YAML slip) must not turn a regex into a dead literal
    const stray = PhraseSchema.safeParse('/\\bto see whether I\\b/i"');
    expect(stray.success).toBe(false);
    expect(stray.error?.issues[0]?.message).toMatch(/does not end with \/, \/i or \/m/);
    // a literal phrase that merely starts with a slash is still a literal
    expect(PhraseSchema.safeParse('/v1/grade endpoint').success).toBe(true);
  });

  it('prefilters on required literals without losing matches inside longer words or other triggers', () => {
    const set = compilePhrases(['/\\btest(?:ed|ing)?\\b/i', '/ested/i', 'graders', '/[A-Z]{2,}-\\d+/']);
    expect(set.findAll('It was TESTED by the graders; see JIRA-12.').map((match) => match.phrase)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(set.test('nothing to see')).toBe(false);
  });

  it('survives an empty phrase list and zero-length matches', () => {
    expect(compilePhrases(undefined).findAll('anything')).toEqual([]);
    expect(compilePhrases(['/x*/']).findAll('abc')).toEqual([]);
  });
});

describe('phrase groups', () => {
  const lists = [['quietly', '/\\bhide (?:it|this)\\b/i'], undefined, 'on purpose', ['/hide/']];
  const text = 'I will hide it quietly, on purpose; hide.';

  it('finds in one set what each list finds alone, naming the list', () => {
    const groups = compilePhraseGroups(lists);
    const matches = groups.set.findAll(text);
    lists.forEach((list, index) => {
      const alone = compilePhrases(list).findAll(text);
      const mine = matches.filter((match) => groups.groupOf(match) === index);
      expect(mine.map(({ start, end }) => ({ start, end }))).toEqual(
        alone.map(({ start, end }) => ({ start, end })),
      );
    });
    expect(matches.map((match) => groups.groupOf(match))).toEqual([0, 3, 0, 2, 3]);
  });

  it('compiles no lists into a set that matches nothing', () => {
    expect(compilePhraseGroups([]).set.findAll(text)).toEqual([]);
  });
});

describe('argument paths', () => {
  const args = {
    files: [{ path: 'a.py' }, { path: 'b.py' }],
    options: { recursive: true, depth: 2 },
    tags: ['x', 'y'],
  };

  it('reads dotted keys, indices and wildcards', () => {
    expect(compileArgumentPath('files[*].path').values(args)).toEqual(['a.py', 'b.py']);
    expect(compileArgumentPath('files[1].path').values(args)).toEqual(['b.py']);
    expect(compileArgumentPath('options.*').values(args)).toEqual(['true', '2']);
    expect(compileArgumentPath('$.tags').values(args)).toEqual(['x', 'y']);
  });

  it('yields nothing for missing keys, wrong shapes and objects at the end', () => {
    expect(compileArgumentPath('files.path').values(args)).toEqual([]);
    expect(compileArgumentPath('missing[0]').values(args)).toEqual([]);
    expect(compileArgumentPath('options').values(args)).toEqual([]);
  });

  it('reads nested wildcards in document order and appends to a given list', () => {
    const nested = { groups: [{ files: ['a', 'b'] }, { files: ['c'] }, { files: 'd' }] };
    expect(compileArgumentPath('groups[*].files').values(nested)).toEqual(['a', 'b', 'c', 'd']);
    const into = ['before'];
    expect(compileArgumentPath('groups[*].files[0]').values(nested, into)).toBe(into);
    expect(into).toEqual(['before', 'a', 'c']);
  });
});

describe('command lines', () => {
  it('splits at separators and drops sudo/env prefixes', () => {
    expect(
      commandParts('cd repo && sudo -E FOO=1 git push -f; echo ok | tee out.txt').map((part) => part.text),
    ).toEqual(['cd repo', 'git push -f', 'echo ok', 'tee out.txt']);
  });

  it('keeps ranges that point into the original line', () => {
    const line = 'cd x &&   rm -rf build';
    const [, part] = commandParts(line);
    expect(line.slice(part!.range.start, part!.range.end)).toBe('rm -rf build');
  });

  it('finds redirect targets and hosts', () => {
    expect(redirectTargets('echo x >> migrations/1.sql 2>/dev/null').map((target) => target.text)).toEqual([
      'migrations/1.sql',
    ]);
    expect(
      hostsIn(
        'curl https://User@API.Example.com/v1 && scp a.txt deploy@backup.example.org:/srv && ssh -p 22 ops.internal.net',
      )
        .map((host) => host.text)
        .sort(),
    ).toEqual(['api.example.com', 'backup.example.org', 'ops.internal.net']);
  });
});
