const UNIX_PATH = /(^|[\s"'`(=:,[])\/(?!\/)(?:[^\s"'`()/:,\]]+\/)*[^\s"'`()/:,\]]*/g;
const WINDOWS_PATH = /(^|[\s"'`(=:,[])[A-Za-z]:\\[^\s"'`(),\]]*/g;
const FILE_URL = /file:\/\/[^\s"'`(),\]]*/g;

/** Replaces absolute file paths and `file://` URLs in a message with `<path>`, so server paths never leave the server. */
export function redactPaths(text: string): string {
  return text
    .replace(FILE_URL, '<path>')
    .replace(UNIX_PATH, (_match, before: string) => `${before}<path>`)
    .replace(WINDOWS_PATH, (_match, before: string) => `${before}<path>`);
}

/** `redactPaths` on every string inside a JSON-like value. */
export function redactPathsDeep<T>(value: T): T {
  if (typeof value === 'string') return redactPaths(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactPathsDeep(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactPathsDeep(item)])) as T;
  }
  return value;
}
