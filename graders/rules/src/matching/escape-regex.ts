/** `text` with every regular-expression metacharacter (and `/`) escaped, to match it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
