const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
