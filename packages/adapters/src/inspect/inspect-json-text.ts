import { randomUUID } from 'node:crypto';

/**
 * JSON text as Inspect writes its logs (pydantic `to_json`, indent 2): non-finite numbers as bare
 * `NaN`, `Infinity` and `-Infinity`, which Python's `json` reads back and `JSON.stringify` cannot
 * write.
 */
export function inspectJsonText(value: unknown): string {
  const marker = `\u0000judgekit-non-finite-${randomUUID()}:`;
  const text = JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === 'number' && !Number.isFinite(item) ? `${marker}${item}` : item),
    2,
  );
  const quoted = JSON.stringify(marker).slice(1, -1);
  return text.replace(
    new RegExp(`"${quoted.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(NaN|Infinity|-Infinity)"`, 'g'),
    '$1',
  );
}
