import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePythonLiteral } from '../../src/index.js';
import { RUNS } from './arbitraries.js';

/** Python's repr() of a JSON-like value (dict, list, str, int, float, bool, None). */
function pythonRepr(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const escaped = [...value]
      .map((character) => {
        if (character === '\\') return '\\\\';
        if (character === quote) return `\\${quote}`;
        if (character === '\n') return '\\n';
        if (character === '\t') return '\\t';
        if (character === '\r') return '\\r';
        const code = character.codePointAt(0)!;
        if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
        return character;
      })
      .join('');
    return `${quote}${escaped}${quote}`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`)
    .join(', ')}}`;
}

const pythonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((number) => !Object.is(number, -0)),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('fuzzing parsePythonLiteral', () => {
  it('reads back what Python’s repr writes', () => {
    fc.assert(
      fc.property(pythonish, (value) => {
        expect(parsePythonLiteral(pythonRepr(value))).toEqual(value);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('never throws on arbitrary text, deep nesting included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.integer({ min: 1, max: 50_000 }).map((depth) => '['.repeat(depth)),
        ),
        (text) => {
          parsePythonLiteral(text);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('does not let a __proto__ key reach the prototype', () => {
    const parsed = parsePythonLiteral(`{'__proto__': {'polluted': True}}`) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual({ polluted: true });
  });
});
