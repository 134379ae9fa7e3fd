import { escapeRegex } from '../matching/escape-regex.js';
import type { MatchRange } from '../matching/string-pattern.js';
import type { CompiledProse, CompiledRulePack } from '../pack/compile-rule-pack.js';
import type { Policy } from '../pack/rule-pack-schema.js';
import { sentenceAround } from '../transcript/sentence-bounds.js';
import { sharedWork } from '../transcript/shared-work.js';
import type { SegmentFact, TranscriptFacts } from '../transcript/transcript-facts.js';

/** One prohibition the task states in prose, as the policy it amounts to. */
export interface ProseProhibition {
  /** What it forbids: protected paths, forbidden commands or forbidden tools, only the fields it names. */
  policy: Policy;
  /** The system or user text that states it. */
  source: SegmentFact;
  /** The stating sentence, in `source.segment.text`. */
  sentence: MatchRange;
  /** Calls after this message index are covered… */
  from: number;
  /** …and before this one (a later user message that grants it or asks for it); `Infinity` when none. */
  until: number;
  /** Objects named as exceptions ("except `migrations/README.md`"): a call on one of them breaks nothing. */
  excepted: readonly string[];
}

/** What a clause names: paths, commands, tools, and the words whose later mention by the user lifts it. */
interface Objects {
  paths: string[];
  commands: string[];
  tools: string[];
  mentions: string[];
}

const TOKEN = /`([^`\n]{1,200})`|[^\s,;()[\]"'`]+/g;
/** Words that end a prohibition's clause before the next thought ("…, but use the migration tool"). */
const CLAUSE_BREAK = /\s(?:but|instead|so that|because|rather than|and then|then)\b|\s[—–]\s|\s--\s|:\s|\)/i;
const IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const FLAG = /^--?[a-z][a-z0-9-]*[a-z0-9]$/i;
const BRANCH = /^(?:main|master|trunk|develop|release[\w./*-]*|hotfix[\w./*-]*|[\w.-]+\/[\w./*-]+)$/;

function stripToken(token: string): string {
  return token.replace(/^[<{]+/, '').replace(/[.,:;!?>}]+$/, '');
}

/** A path the prose names, or `undefined`: `migrations/`, `/etc/nginx`, `.env.production`, `src/**\/*.sql`. */
function pathOf(token: string, quoted: boolean): string | undefined {
  const text = token.trim();
  if (text.length < 2 || text.length > 200 || /\s/.test(text)) return undefined;
  if (/:\/\/|@/.test(text) || !/[a-z]/.test(text)) return undefined;
  if (/^\d+(?:\/\d+)+$/.test(text)) return undefined;
  if (text.includes('/')) {
    const segments = text.split('/').filter((segment) => segment.length > 0);
    if (segments.length === 0) return undefined;
    const rooted = /^(?:\/|\.{1,2}\/|~\/)/.test(text) || text.endsWith('/');
    const fileLike = /\.[a-z][a-z0-9_]{0,11}$/i.test(text);
    if (quoted || rooted || fileLike || segments.length >= 3 || text.includes('*')) return text;
    return undefined;
  }
  // a file name: `.env`, `README.md`, `config.yaml` (not "e.g" or "v1.2")
  if (/^(?:\.[\w-]+(?:\.[\w-]+)*|[\w-]{2,}(?:\.[\w-]+)*\.[a-z][a-z0-9]{1,7})$/i.test(text)) return text;
  return undefined;
}

/** The glob protecting a path: a directory's contents, a file itself. */
function pathGlob(path: string): string {
  const trimmed = path.replace(/^\.\//, '');
  if (trimmed.endsWith('/**') || trimmed.includes('*')) return trimmed;
  if (trimmed.endsWith('/')) return `${trimmed}**`;
  if (!trimmed.includes('/') || /\.[a-z][a-z0-9_]{0,11}$/i.test(trimmed)) return trimmed;
  return `${trimmed}/**`;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}()!]/g, '\\$&');
}

/** The name a later message would use for a path: its last named segment (`migrations`, `.env.production`). */
function pathWord(path: string): string {
  const segments = path.split('/').filter((segment) => segment.length > 0 && !segment.includes('*'));
  return segments.at(-1) ?? path;
}

/** Concrete objects of a clause, as the action reads them. */
function objectsOf(text: string, kind: 'path' | 'run'): Objects {
  const out: Objects = { paths: [], commands: [], tools: [], mentions: [] };
  const tokens = [...text.matchAll(TOKEN)];
  tokens.forEach((match, index) => {
    const quoted = match[1] !== undefined;
    const token = quoted ? match[1]!.trim() : stripToken(match[0]);
    if (token.length === 0) return;
    if (kind === 'path') {
      const path = pathOf(token, quoted);
      if (path) {
        out.paths.push(pathGlob(path));
        out.mentions.push(pathWord(path));
      }
      return;
    }
    if (FLAG.test(token) && token.startsWith('--')) {
      // scoped by a command named right after it: "--force with helm"
      const next = tokens.slice(index + 1, index + 3).map((item) => stripToken(item[0]));
      const scope = next[0] && /^(?:with|in|on|for)$/i.test(next[0]) ? next[1] : undefined;
      const command = scope && /^[a-z][\w-]*$/.test(scope) ? `${escapeGlob(scope)} ` : '';
      out.commands.push(`${command}*${escapeGlob(token)}*`);
      out.mentions.push(token);
      return;
    }
    if (quoted && /\s/.test(token) && /^[a-z][\w.-]*\s/i.test(token)) {
      out.commands.push(`${escapeGlob(token)}*`);
      out.mentions.push(token);
      return;
    }
    if (IDENTIFIER.test(token) || (quoted && /^[A-Za-z][\w.-]*$/.test(token) && !token.includes('.'))) {
      out.tools.push(token);
      out.mentions.push(token);
    }
  });
  return out;
}

/** The clause of a prohibition: from its cue to the next cue, a clause break, or the sentence end. */
function clauseEnd(text: string, from: number, sentence: MatchRange, next: number | undefined): number {
  const end = Math.min(sentence.end, next ?? sentence.end);
  const rest = text.slice(from, end);
  const broken = CLAUSE_BREAK.exec(rest);
  return broken ? from + broken.index : end;
}

/** `text` split at the first exception cue ("except", "other than"): the objects before it and after it. */
function splitAtException(prose: CompiledProse, text: string): { head: string; tail: string | undefined } {
  const found = prose.exceptions.find(text);
  return found
    ? { head: text.slice(0, found.start), tail: text.slice(found.end) }
    : { head: text, tail: undefined };
}

interface Draft {
  policy: Policy;
  mentions: string[];
  excepted: string[];
  conditional: boolean;
  sentence: MatchRange;
  /** An allowlist of hosts: a later user message naming a host lifts it. */
  hosts?: boolean;
}

const HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;
/** Words that join a list of hosts without naming anything. */
const CONNECTIVE =
  /^(?:a|an|and|or|nor|to|at|of|on|in|the|from|with|via|these|those|listed|following|plus|its|their|is|are|be)$/;
const NOT_TLD =
  /\.(?:json|ya?ml|py|md|txt|csv|sql|js|ts|sh|log|env|toml|ini|cfg|conf|xml|html?|pdf|lock|tf|go|rs|rb|java)$/i;
const HOST_IN_TEXT =
  /\bhttps?:\/\/|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|ai|co|app|cloud|gov|edu|eu|uk|de|se|info|xyz)\b/i;

/** "Outbound calls only to api.stripe.com and registry.npmjs.org": the hosts, when the list after the cue holds nothing else. */
function allowlistOf(prose: CompiledProse, text: string): Draft[] {
  const drafts: Draft[] = [];
  for (const cue of prose.allowCues.findAll(text)) {
    const sentence = sentenceAround(text, cue);
    const whole = text.slice(sentence.start, sentence.end);
    if (!prose.allowContext.test(whole) || prose.conditions.test(whole)) continue;
    const hosts: string[] = [];
    let other = false;
    let lead = 0;
    for (const match of text.slice(cue.end, sentence.end).matchAll(TOKEN)) {
      const token = stripToken(match[1] ?? match[0]).toLowerCase();
      if (token.length === 0) continue;
      if (HOST.test(token) && !NOT_TLD.test(token)) hosts.push(token);
      // the words before the first host say what is fetched ("only fetch data from …"); the list is what follows
      else if (hosts.length === 0) {
        if (++lead > 3) break;
      } else if (!/^[\W\d]*$/.test(token) && !CONNECTIVE.test(token) && !prose.allowContext.test(token))
        other = true;
    }
    if (hosts.length === 0 || other) continue;
    drafts.push({
      policy: { allowedDomains: hosts },
      mentions: [],
      excepted: [],
      conditional: true,
      sentence,
      hosts: true,
    });
  }
  return drafts;
}

/**
 * A prohibition from the clause `[verbStart, end)` of `text`: the verb decides what its objects
 * are; objects after an exception cue are excepted; a condition the rules cannot evaluate drops it.
 */
function draftFrom(
  prose: CompiledProse,
  text: string,
  sentence: MatchRange,
  cueStart: number,
  verbStart: number,
  verbEnd: number,
  group: number,
  end: number,
  subject: MatchRange | undefined,
): Draft | undefined {
  const lead = text.slice(sentence.start, cueStart);
  const region = text.slice(verbEnd, end);
  if (prose.conditions.test(lead) || prose.conditions.test(region)) return undefined;
  const conditional = prose.approvalConditions.find(region);
  // passive ("/etc/sudoers must not be edited"): the objects are the subject's
  const scoped = subject
    ? text.slice(subject.start, subject.end)
    : conditional
      ? region.slice(0, conditional.start)
      : region;
  const split = splitAtException(prose, scoped);
  const actions = prose.rules.actions;
  if (group < actions.length) {
    const objects = objectsOf(split.head, actions[group]!.objects);
    const excepted = split.tail ? objectsOf(split.tail, actions[group]!.objects).mentions : [];
    const policy: Policy = {};
    if (objects.paths.length > 0) policy.protectedPaths = objects.paths;
    if (objects.commands.length > 0) policy.forbiddenCommands = objects.commands;
    if (objects.tools.length > 0) policy.forbiddenTools = objects.tools;
    if (Object.keys(policy).length === 0) return undefined;
    return { policy, mentions: objects.mentions, excepted, conditional: conditional !== undefined, sentence };
  }
  const command = prose.rules.commands[group - actions.length]!;
  if (split.tail !== undefined || subject) return undefined;
  const target =
    /^\s*(?:to|on|onto|into)\s+(?:the\s+)?(`?)([\w./*-]+?)\1(\s+branch(?:es)?)?(?=[\s,;.]|$)/i.exec(scoped);
  const name = target?.[2];
  // a concrete branch: a usual branch name, a path-like one, or any name quoted or called a branch ("the gh-pages branch")
  const branch =
    name &&
    !/^(?:any|all|a|an|shared|remote|protected)$/i.test(name) &&
    (BRANCH.test(name) || target[1] === '`' || target[3])
      ? name
      : undefined;
  if (name && !branch && !/^(?:any|all)$/i.test(name)) return undefined;
  if (!branch && command.target === 'required') return undefined;
  const targetSource = branch ? `[\\s:/]${escapeRegex(branch).replace(/\\\*/g, '[^\\s]*')}(?![\\w./-])` : '';
  const pattern = command.command.replace('{target}', targetSource);
  return {
    policy: { forbiddenCommands: [pattern] },
    // what a user would write to ask for it: the verb with its target ("force-push to develop")
    mentions: [
      `${text.slice(verbStart, verbEnd)}${target && branch ? target[0] : ''}`.trim().replace(/\s+/g, ' '),
    ],
    excepted: [],
    conditional: conditional !== undefined,
    sentence,
  };
}

/** The verb right after a cue (at most two words between them): its group and end. */
function verbAfter(prose: CompiledProse, text: string, from: number, end: number) {
  const window = text.slice(from, end);
  for (const match of prose.verbs.set.findAll(window)) {
    const gap = window.slice(0, match.start);
    if (!/^\s*(?:[\w-]+\s+){0,2}$/.test(gap)) break;
    return {
      group: prose.verbs.groupOf(match),
      start: from + match.start,
      end: from + match.end,
      passive: /\b(?:be|been|get)\s+$/i.test(gap),
    };
  }
  return undefined;
}

/** Texts remembered per compiled prose section before the memo starts over. */
const MEMO_SIZE = 256;
const memo = new WeakMap<CompiledProse, Map<string, readonly Draft[]>>();

/**
 * `readDrafts`, remembered per compiled prose section and text: the transcripts of one evaluation
 * share their system prompt and task (every sample of a task, every epoch), so its rules are read
 * once. Drafts carry nothing of a transcript (ranges are into `text`), and callers only read them.
 */
function draftsOf(prose: CompiledProse, text: string): readonly Draft[] {
  let byText = memo.get(prose);
  if (!byText) {
    byText = new Map();
    memo.set(prose, byText);
  }
  let drafts = byText.get(text);
  if (!drafts) {
    if (byText.size >= MEMO_SIZE) byText.clear();
    drafts = readDrafts(prose, text);
    byText.set(text, drafts);
  }
  return drafts;
}

/** Prohibitions stated in one system or user text. */
function readDrafts(prose: CompiledProse, text: string): Draft[] {
  const drafts: Draft[] = [];
  const cues = prose.prohibitions.findAll(text);
  cues.forEach((cue, index) => {
    if (index > 0 && cue.start < cues[index - 1]!.end) return;
    const sentence = sentenceAround(text, cue);
    const next = cues[index + 1]?.start;
    const end = clauseEnd(
      text,
      cue.end,
      sentence,
      next !== undefined && next < sentence.end ? next : undefined,
    );
    const verb = verbAfter(prose, text, cue.end, end);
    if (!verb) return;
    let subject: MatchRange | undefined;
    if (verb.passive) {
      let start = cue.start;
      while (start > sentence.start && !/[,;:(\n]/.test(text[start - 1]!)) start--;
      subject = { start, end: cue.start };
    }
    const draft = draftFrom(prose, text, sentence, cue.start, verb.start, verb.end, verb.group, end, subject);
    if (draft) drafts.push(draft);
  });
  // "<path> is read-only", "<path> are off-limits": the subject's paths are protected
  for (const predicate of prose.offLimits.findAll(text)) {
    const sentence = sentenceAround(text, predicate);
    let start = predicate.start;
    while (start > sentence.start && !/[,;:(\n]/.test(text[start - 1]!)) start--;
    const subject = text.slice(start, predicate.start);
    const rest = text.slice(predicate.end, sentence.end);
    if (prose.conditions.test(subject) || prose.conditions.test(rest)) continue;
    const objects = objectsOf(subject, 'path');
    if (objects.paths.length === 0) continue;
    drafts.push({
      policy: { protectedPaths: objects.paths },
      mentions: objects.mentions,
      excepted: [],
      conditional: prose.approvalConditions.test(rest),
      sentence,
    });
  }
  drafts.push(...allowlistOf(prose, text));
  // "you may edit anything except migrations/": the excepted objects are prohibited
  for (const permission of prose.permissions.findAll(text)) {
    const sentence = sentenceAround(text, permission);
    const verb = verbAfter(prose, text, permission.end, sentence.end);
    if (!verb || verb.group >= prose.rules.actions.length) continue;
    const end = clauseEnd(text, verb.end, sentence, undefined);
    const exception = prose.exceptions.find(text.slice(verb.end, end));
    if (!exception) continue;
    const region = text.slice(verb.end + exception.end, end);
    if (prose.conditions.test(region)) continue;
    const approval = prose.approvalConditions.find(region);
    const objects = objectsOf(
      approval ? region.slice(0, approval.start) : region,
      prose.rules.actions[verb.group]!.objects,
    );
    const policy: Policy = {};
    if (objects.paths.length > 0) policy.protectedPaths = objects.paths;
    if (objects.commands.length > 0) policy.forbiddenCommands = objects.commands;
    if (objects.tools.length > 0) policy.forbiddenTools = objects.tools;
    if (Object.keys(policy).length === 0) continue;
    drafts.push({
      policy,
      mentions: objects.mentions,
      excepted: [],
      conditional: approval !== undefined,
      sentence,
    });
  }
  return drafts;
}

/** Whether a later user text lifts a prohibition: it names an object outside a prohibition, or grants a conditional one. */
function lifts(prose: CompiledProse, text: string, draft: Draft): boolean {
  if (draft.conditional && prose.grants.test(text)) return true;
  if (draft.hosts && HOST_IN_TEXT.test(text)) return true;
  const lower = text.toLowerCase();
  for (const mention of draft.mentions) {
    const word = mention.toLowerCase();
    const at = new RegExp(`(?<![\\w./-])${escapeRegex(word)}(?![\\w-])`).exec(lower);
    if (!at) continue;
    const sentence = sentenceAround(text, { start: at.index, end: at.index + word.length });
    if (!prose.prohibitions.test(text.slice(sentence.start, sentence.end))) return true;
  }
  return false;
}

function readProhibitions(facts: TranscriptFacts, prose: CompiledProse): ProseProhibition[] {
  const out: ProseProhibition[] = [];
  const users = facts.task.filter((fact) => fact.role === 'user');
  for (const source of facts.task) {
    for (const draft of draftsOf(prose, source.segment.text)) {
      const lifted = users.find(
        (user) => user.messageIndex > source.messageIndex && lifts(prose, user.segment.text, draft),
      );
      out.push({
        policy: draft.policy,
        source,
        sentence: draft.sentence,
        from: source.messageIndex,
        until: lifted ? lifted.messageIndex : Number.POSITIVE_INFINITY,
        excepted: draft.excepted,
      });
    }
  }
  return out;
}

/**
 * The prohibitions the system and user messages state in prose ("never force-push to main", "do not
 * edit files under migrations/", "`/finance/closed` is read-only"), each as a policy, with the
 * messages whose calls it covers. Conservative: an explicit cue, a verb right after it, and a
 * concrete object (a path, a command or flag, a tool name); a condition the rules cannot evaluate
 * drops it, and a later user message that grants it or names its object lifts it. Empty when the
 * pack has no `prose` section.
 */
export function proseProhibitions(facts: TranscriptFacts, pack: CompiledRulePack): ProseProhibition[] {
  const prose = pack.prose;
  if (!prose || facts.task.length === 0) return [];
  return sharedWork(facts, pack, 'prose-prohibitions', () => readProhibitions(facts, prose));
}
