/**
 * Required literals of a regular expression: a set of lower-case strings of which every match
 * contains at least one. Phrase sets use them as a cheap prefilter: a text that contains none of a
 * phrase's literals cannot match it, so the phrase's (costlier) regex is not run on it.
 *
 * The analysis is conservative: when it cannot prove a set (classes, optional parts, lookarounds,
 * syntax it does not model), it returns `undefined` and the phrase is always run.
 */

type Node =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'empty' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

/** Most strings an exact set may hold before it is dropped. */
const MAX_EXACT = 64;
/** Shortest literal worth prefiltering on. */
export const MIN_LITERAL_LENGTH = 3;

class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.source.length) throw new Error('unbalanced )');
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(node: Node): Node {
    const char = this.peek();
    let min: number;
    let max: number;
    if (char === '*') [min, max] = [0, Infinity];
    else if (char === '+') [min, max] = [1, Infinity];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const match = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at));
      if (!match) return node; // a literal brace
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      this.at += match[0].length - 1;
    } else return node;
    this.at++;
    if (this.peek() === '?') this.at++; // lazy
    return { kind: 'repeat', node, min, max };
  }

  private atom(): Node {
    const char = this.source[this.at++]!;
    switch (char) {
      case '(':
        return this.group();
      case '[':
        this.skipClass();
        return { kind: 'any' };
      case '.':
        return { kind: 'any' };
      case '^':
      case '$':
        return { kind: 'empty' };
      case '\\':
        return this.escape();
      default:
        return { kind: 'char', char: char.toLowerCase() };
    }
  }

  private group(): Node {
    let lookaround = false;
    if (this.source.startsWith('?:', this.at)) this.at += 2;
    else if (/^\?<?[=!]/.test(this.source.slice(this.at, this.at + 3))) {
      lookaround = true;
      this.at += this.source[this.at + 1] === '<' ? 3 : 2;
    } else if (this.source.startsWith('?<', this.at)) {
      const end = this.source.indexOf('>', this.at);
      if (end < 0) throw new Error('bad group name');
      this.at = end + 1;
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Error('unclosed (');
    this.at++;
    return lookaround ? { kind: 'empty' } : inner;
  }

  private skipClass(): void {
    if (this.peek() === '^') this.at++;
    if (this.peek() === ']') this.at++;
    while (this.at < this.source.length && this.peek() !== ']') {
      if (this.peek() === '\\') this.at++;
      this.at++;
    }
    if (this.peek() !== ']') throw new Error('unclosed [');
    this.at++;
  }

  private escape(): Node {
    const char = this.source[this.at++];
    if (char === undefined) throw new Error('trailing backslash');
    if ('bB'.includes(char)) return { kind: 'empty' };
    if ('dDwWsS'.includes(char)) return { kind: 'any' };
    if (char === 'x' || char === 'u') {
      const length = char === 'x' ? 2 : 4;
      const hex = this.source.slice(this.at, this.at + length);
      if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === length) {
        this.at += length;
        return { kind: 'char', char: String.fromCharCode(Number.parseInt(hex, 16)).toLowerCase() };
      }
      return { kind: 'any' };
    }
    if ('nrtfv0cpPk123456789'.includes(char)) return { kind: 'any' };
    return { kind: 'char', char: char.toLowerCase() };
  }
}

interface Info {
  /** Every string the node can match, when that is a small finite set. */
  exact: string[] | undefined;
  /** Strings one of which every match contains; `undefined` when none is known. */
  required: string[] | undefined;
}

function minLength(set: readonly string[]): number {
  return set.reduce((min, item) => Math.min(min, item.length), Infinity);
}

/** Prefers sets whose shortest literal is longest, then smaller sets. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a || a.length === 0) return b;
  if (!b || b.length === 0) return a;
  const [lengthA, lengthB] = [minLength(a), minLength(b)];
  if (lengthA !== lengthB) return lengthA > lengthB ? a : b;
  return a.length <= b.length ? a : b;
}

function cross(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const left of a) for (const right of b) out.add(left + right);
  return [...out];
}

function usable(set: string[] | undefined): string[] | undefined {
  return set && set.length > 0 && minLength(set) >= 1 ? set : undefined;
}

function analyze(node: Node): Info {
  switch (node.kind) {
    case 'char':
      return { exact: [node.char], required: [node.char] };
    case 'any':
      return { exact: undefined, required: undefined };
    case 'empty':
      return { exact: [''], required: undefined };
    case 'alt': {
      const infos = node.options.map(analyze);
      const exacts = infos.every((info) => info.exact)
        ? [...new Set(infos.flatMap((info) => info.exact!))]
        : undefined;
      const requireds = infos.map((info) => better(usable(info.required), usable(info.exact)));
      const required = requireds.every((set) => set !== undefined)
        ? [...new Set(requireds.flatMap((set) => set!))]
        : undefined;
      return { exact: exacts && exacts.length <= MAX_EXACT ? exacts : undefined, required };
    }
    case 'repeat': {
      const info = analyze(node.node);
      if (node.min === 0) {
        const exact = node.max === 1 && info.exact ? [...new Set([...info.exact, ''])] : undefined;
        return { exact, required: undefined };
      }
      let exact: string[] | undefined;
      if (info.exact && node.min === node.max && node.min <= 4) {
        exact = info.exact;
        for (let count = 1; count < node.min && exact; count++) exact = cross(exact, info.exact);
      }
      return { exact, required: better(usable(info.required), usable(info.exact)) };
    }
    case 'seq': {
      let exact: string[] | undefined = [''];
      let run: string[] | undefined = [''];
      let required: string[] | undefined;
      const closeRun = () => {
        required = better(
          required,
          usable(run?.filter((item) => item.length > 0).length === run?.length ? run : undefined),
        );
        run = [''];
      };
      for (const item of node.items) {
        const info = analyze(item);
        exact = exact && info.exact ? cross(exact, info.exact) : undefined;
        if (info.exact) {
          const next: string[] | undefined = run ? cross(run, info.exact) : undefined;
          if (next) run = next;
          else {
            closeRun();
            run = info.exact;
          }
        } else {
          closeRun();
          required = better(required, usable(info.required));
        }
      }
      closeRun();
      return { exact, required };
    }
  }
}

/**
 * Lower-case literals one of which every match of the regex `source` contains, each at least
 * `MIN_LITERAL_LENGTH` long; `undefined` when no such set can be derived.
 */
export function requiredLiterals(source: string): string[] | undefined {
  let node: Node;
  try {
    node = new Parser(source).parse();
  } catch {
    return undefined;
  }
  const info = analyze(node);
  const set = better(usable(info.required), usable(info.exact));
  if (!set || minLength(set) < MIN_LITERAL_LENGTH) return undefined;
  return [...new Set(set)];
}
