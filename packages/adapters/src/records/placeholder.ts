const MAX_DETAIL = 120;

function shorten(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/**
 * Describes where media lives without copying its bytes: the media type of a data URI, or the
 * URL or path itself (shortened).
 */
export function describeMediaSource(source: string | undefined): string | undefined {
  if (source === undefined || source === '') return undefined;
  const dataUri = /^data:([^;,]*)[;,]/.exec(source);
  if (dataUri) return `${dataUri[1] || 'data'}, inline data omitted`;
  return shorten(source);
}

/**
 * A text placeholder for content judgekit does not model (images, audio, files, provider data),
 * so that it is visible to graders instead of silently dropped: `[image: image/png, inline data omitted]`.
 */
export function placeholderText(kind: string, detail?: string): string {
  return detail ? `[${kind}: ${shorten(detail)}]` : `[${kind}]`;
}
