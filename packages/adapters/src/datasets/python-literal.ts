const MAX_DEPTH = 200;
const ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
  '\n': '',
};

class LiteralSyntaxError extends Error {}

/**
 * Parses a Python literal as `repr()` writes it — dicts, lists, tuples, single- or double-quoted
 * strings with escapes, numbers, `True`, `False`, `None` — into JSON values (tuples become
 * arrays). Returns `undefined` for anything else; never throws, whatever the input.
 */
export function parsePythonLiteral(text: string): unknown {
  let position = 0;
  const fail = (): never => {
    throw new LiteralSyntaxError(`unexpected input at ${position}`);
  };
  const skipSpace = () => {
    while (position < text.length && /\s/.test(text[position]!)) position++;
  };
  const expect = (character: string) => {
    skipSpace();
    if (text[position] !== character) fail();
    position++;
  };

  const parseString = (): string => {
    const quote = text[position]!;
    position++;
    let result = '';
    while (position < text.length) {
      const character = text[position]!;
      if (character === quote) {
        position++;
        return result;
      }
      if (character === '\\') {
        const next = text[position + 1];
        if (next === undefined) fail();
        if (next === 'x' || next === 'u' || next === 'U') {
          const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
          const hex = text.slice(position + 2, position + 2 + length);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) fail();
          const code = Number.parseInt(hex, 16);
          if (code > 0x10ffff) fail();
          result += String.fromCodePoint(code);
          position += 2 + length;
          continue;
        }
        const escaped = ESCAPES[next!];
        // Python keeps unknown escapes as written (e.g. "\d").
        result += escaped ?? `\\${next}`;
        position += 2;
        continue;
      }
      result += character;
      position++;
    }
    return fail();
  };

  const parseSequence = (close: string, depth: number): unknown[] => {
    const items: unknown[] = [];
    skipSpace();
    if (text[position] === close) {
      position++;
      return items;
    }
    for (;;) {
      items.push(parseValue(depth + 1));
      skipSpace();
      if (text[position] === ',') {
        position++;
        skipSpace();
        if (text[position] === close) {
          position++;
          return items;
        }
        continue;
      }
      if (text[position] === close) {
        position++;
        return items;
      }
      return fail();
    }
  };

  const parseDict = (depth: number): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    skipSpace();
    if (text[position] === '}') {
      position++;
      return result;
    }
    for (;;) {
      const key = parseValue(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean' && key !== null)
        fail();
      expect(':');
      Object.defineProperty(result, String(key), {
        value: parseValue(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipSpace();
      if (text[position] === ',') {
        position++;
        skipSpace();
        if (text[position] === '}') {
          position++;
          return result;
        }
        continue;
      }
      if (text[position] === '}') {
        position++;
        return result;
      }
      return fail();
    }
  };

  function parseValue(depth: number): unknown {
    if (depth > MAX_DEPTH) fail();
    skipSpace();
    const character = text[position];
    if (character === '{') {
      position++;
      return parseDict(depth);
    }
    if (character === '[') {
      position++;
      return parseSequence(']', depth);
    }
    if (character === '(') {
      position++;
      return parseSequence(')', depth);
    }
    if (character === "'" || character === '"') return parseString();
    const word = /^(?:True|False|None|-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))/.exec(
      text.slice(position, position + 64),
    );
    if (!word) return fail();
    position += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[0]);
  }

  try {
    const value = parseValue(0);
    skipSpace();
    return position === text.length ? value : undefined;
  } catch (error) {
    if (error instanceof LiteralSyntaxError || error instanceof RangeError) return undefined;
    throw error;
  }
}
