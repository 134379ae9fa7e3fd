import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueToReport } from '../src/index.js';

const Pack = z.object({ version: z.literal(1), rules: z.array(z.object({ weight: z.number().max(1) })) });
const Options = z.object({ packs: z.array(z.union([z.string().min(1), Pack])) });

function report(value: unknown) {
  const parsed = Options.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return issueToReport(parsed.error.issues[0]!);
}

describe('issueToReport', () => {
  it('reports the issue inside the one union branch the value’s type matched, with its full path', () => {
    expect(report({ packs: [{ version: 1, rules: [{ weight: 2 }] }] })).toEqual({
      path: ['packs', 0, 'rules', 0, 'weight'],
      message: expect.stringMatching(/<=\s*1|too big/i),
    });
  });

  it('names the types that would do when no branch took the value', () => {
    expect(report({ packs: [42] })).toEqual({
      path: ['packs', 0],
      message: 'Invalid input: expected string or object, received number',
    });
  });

  it('leaves other issues as they are', () => {
    expect(report({ packs: 'x' })).toEqual({
      path: ['packs'],
      message: expect.stringMatching(/expected array/),
    });
  });
});
