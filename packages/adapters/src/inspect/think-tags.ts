import type { ContentPart } from '@judgekit/core';
import { compact } from '../records/message-draft.js';

const THINK = /<think([^>]*)>([\s\S]*?)<\/think>/;
const SUMMARY = /<summary>([\s\S]*?)<\/summary>\s*/;

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1];
}

/**
 * Splits a `<think …>…</think>` block off assistant text, as Inspect does when it loads a message
 * whose content is a string (`parse_content_with_reasoning`): the block becomes a reasoning part
 * (with `signature`, `redacted` and a nested `<summary>`), the rest stays text.
 */
export function splitThinkTags(text: string): { reasoning?: ContentPart; text: string } {
  const match = THINK.exec(text);
  if (!match) return { text };
  const attributes = match[1] ?? '';
  let body = (match[2] ?? '').trim();
  const summaryMatch = SUMMARY.exec(body);
  const summary = summaryMatch?.[1];
  if (summaryMatch)
    body = (
      body.slice(0, summaryMatch.index) + body.slice(summaryMatch.index + summaryMatch[0].length)
    ).trim();
  const redacted = attribute(attributes, 'redacted') === 'true';
  const signature = attribute(attributes, 'signature');
  const rest = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim();
  const reasoning: ContentPart = redacted
    ? compact({
        type: 'reasoning',
        text: summary ?? '',
        redacted: true,
        data: body,
        signature,
        summary: summary ? true : undefined,
      })
    : compact({ type: 'reasoning', text: body, signature });
  return { reasoning, text: rest };
}
