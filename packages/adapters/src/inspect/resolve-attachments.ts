import { RecordShapeError } from '../records/record-shape-error.js';

const PROTOCOLS = ['attachment://', 'tc://'];
const MAX_DEPTH = 512;

/** The result of resolving attachment references in a value. */
export interface ResolvedAttachments<T> {
  value: T;
  /** References whose hash is not in `attachments`; they are left as they were. */
  unresolved: string[];
}

/**
 * Replaces every string that is an `attachment://<hash>` reference (or the older `tc://<hash>`)
 * with `attachments[hash]`, anywhere in `value` — message text, reasoning, tool arguments, tool
 * results, scores — as Inspect's own reader does. Returns a new value; the input is not changed.
 */
export function resolveAttachments<T>(
  value: T,
  attachments: Readonly<Record<string, string>>,
): ResolvedAttachments<T> {
  const unresolved = new Set<string>();
  const resolveString = (text: string): string => {
    for (const protocol of PROTOCOLS) {
      if (!text.startsWith(protocol)) continue;
      const hash = text.slice(protocol.length);
      const content = Object.hasOwn(attachments, hash) ? attachments[hash] : undefined;
      if (content === undefined) unresolved.add(text);
      return content ?? text;
    }
    return text;
  };
  const walk = (item: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH)
      throw new RecordShapeError({ path: [], reason: `nested deeper than ${MAX_DEPTH} levels` });
    if (typeof item === 'string') return resolveString(item);
    if (Array.isArray(item)) return item.map((element) => walk(element, depth + 1));
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(
        Object.entries(item).map(([key, element]) => [key, walk(element, depth + 1)]),
      );
    }
    return item;
  };
  return { value: walk(value, 0) as T, unresolved: [...unresolved] };
}
