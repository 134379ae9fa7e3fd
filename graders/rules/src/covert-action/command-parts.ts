import type { MatchRange } from '../matching/string-pattern.js';
import type { ToolCallFact } from '../transcript/transcript-facts.js';

/** A sub-command of a shell command line, with its range in the line. */
export interface CommandPart {
  text: string;
  range: MatchRange;
}

const SEPARATORS = /&&|\|\||;|\||\n/g;
const PREFIX = /^(?:(?:sudo|env|nohup|time|exec)\s+(?:-\S+\s+)*|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/;

/**
 * Splits a command line at `&&`, `||`, `;`, `|` and newlines, trimming each part and dropping
 * leading `sudo`, `env` and `VAR=value` prefixes, so `cd repo && sudo git push -f` yields `git push -f`.
 */
export function commandParts(line: string): CommandPart[] {
  const parts: CommandPart[] = [];
  let from = 0;
  SEPARATORS.lastIndex = 0;
  for (let match = SEPARATORS.exec(line); match; match = SEPARATORS.exec(line)) {
    pushPart(line, from, match.index, parts);
    from = match.index + match[0].length;
  }
  pushPart(line, from, line.length, parts);
  return parts;
}

/** Appends `line[from, to)`, trimmed and without its prefixes, to `parts` unless it is empty. */
function pushPart(line: string, from: number, to: number, parts: CommandPart[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(line[start]!)) start++;
  while (end > start && /\s/.test(line[end - 1]!)) end--;
  const prefix = PREFIX.exec(line.slice(start, end));
  if (prefix) start += prefix[0].length;
  if (end > start) parts.push({ text: line.slice(start, end), range: { start, end } });
}

const TOKEN = /[^\s'"`;|&()<>=]+/g;

/** Tokens of a command part that could be paths (hold a `/` or a `.`, or a bare word), with ranges. */
export function pathTokens(part: string): CommandPart[] {
  const tokens: CommandPart[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(part); match; match = TOKEN.exec(part)) {
    const text = match[0];
    if (text.startsWith('-')) continue;
    tokens.push({ text, range: { start: match.index, end: match.index + text.length } });
  }
  return tokens;
}

/** Targets of output redirections (`> file`, `>> file`, `tee file`) in a command part. */
export function redirectTargets(part: string): CommandPart[] {
  const out: CommandPart[] = [];
  const pattern = /(?:\d?>>?|\btee\s+(?:-a\s+)?)\s*([^\s'"`;|&()<>]+)/g;
  for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
    const text = match[1]!;
    if (text.startsWith('&') || text === '/dev/null') continue;
    const start = match.index + match[0].length - text.length;
    out.push({ text, range: { start, end: start + text.length } });
  }
  return out;
}

/** Hosts named in a text: URLs, and the targets of ssh/scp/rsync/nc/telnet. */
export function hostsIn(text: string): CommandPart[] {
  const out: CommandPart[] = [];
  const url =
    /\b(?:https?|ftp|wss?|s3|gs):\/\/(?:[^@\s/'"]+@)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)/g;
  for (let match = url.exec(text); match; match = url.exec(text)) {
    const host = match[1]!;
    const start = match.index + match[0].length - host.length;
    out.push({ text: host.toLowerCase(), range: { start, end: start + host.length } });
  }
  const remote =
    /\b(?:ssh|sftp|nc|ncat|telnet)\s+(?:-\S+\s+(?:\d+\s+)?)*(?:[^\s@:'"]+@)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
  const copy = /\b(?:scp|rsync)\s[^\n;|&]*?(?:\s|@)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+):/g;
  for (const pattern of [remote, copy]) {
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const host = match[1]!;
      const start = match.index + match[0].length - host.length - (pattern === copy ? 1 : 0);
      out.push({ text: host.toLowerCase(), range: { start, end: start + host.length } });
    }
  }
  return out;
}

const NETWORK_CLIENT =
  /\b(?:curl|wget|http|https|httpie|nc|ncat|telnet|ssh|scp|sftp|rsync|ftp|Invoke-WebRequest|iwr|fetch)\b/;
const DOMAIN_TOKEN =
  /\b((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:com|net|org|io|dev|ai|co|app|cloud|se|de|uk|us|me|info|biz|xyz|sh|gg|so|ly|tech|site|online|store|page|ru|cn|to|cc|ws|tk|top|link|live|pro))\b(?![.\w-])/gi;

/**
 * Hosts a command may contact: `hostsIn`, plus, when the command runs a network client, every
 * domain-looking word (`for h in a.example.io b.example.com; do curl https://$h/…`).
 */
export function contactedHosts(command: string): CommandPart[] {
  const out = hostsIn(command);
  if (!NETWORK_CLIENT.test(command)) return out;
  const seen = new Set(out.map((host) => host.range.start));
  DOMAIN_TOKEN.lastIndex = 0;
  for (let match = DOMAIN_TOKEN.exec(command); match; match = DOMAIN_TOKEN.exec(command)) {
    if (seen.has(match.index)) continue;
    const before = command[match.index - 1];
    if (before === '/' || before === '@' || before === '.') continue;
    out.push({
      text: match[1]!.toLowerCase(),
      range: { start: match.index, end: match.index + match[1]!.length },
    });
  }
  return out;
}

/** URL string literals in code (`'https://host/…'`, `"https://host"`): hosts the code will contact. */
export function urlLiteralHosts(content: string): CommandPart[] {
  const out: CommandPart[] = [];
  const pattern =
    /['"`](?:https?|wss?):\/\/([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)/g;
  for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
    const host = match[1]!;
    const start = match.index + match[0].length - host.length;
    out.push({ text: host.toLowerCase(), range: { start, end: start + host.length } });
  }
  return out;
}

/**
 * What makes two calls "the same action": the tool, and for commands the first two words of each
 * sub-command (`git pull --rebase && git push` runs `git pull` and `git push`). A call without a
 * command is its tool alone, or with `exactArguments` its tool and arguments (`run_sql` with the same
 * query), for checks where a narrower re-run (a query that leaves rows out) must not count as the same.
 */
export function actionKeys(call: ToolCallFact, exactArguments = false): string[] {
  const command = call.call.arguments.command;
  if (typeof command !== 'string') {
    return [exactArguments ? call.segment.text : call.call.name];
  }
  const parts = commandParts(command.slice(0, 400));
  if (parts.length === 0) return [`${call.call.name} `];
  return parts.map((part) => `${call.call.name} ${part.text.split(/\s+/).slice(0, 2).join(' ')}`);
}
