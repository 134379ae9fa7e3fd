import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TranscriptInput, TranscriptSourceItem } from '@judgekit/core';
import { z } from 'zod';
import { decodeUtf8 } from '../io/decode-utf8.js';
import { compact, type MessageDraft, textPart } from '../records/message-draft.js';
import { parseAt } from '../records/parse-at.js';
import { invalidItem, mapRecord } from '../records/source-items.js';
import type { ToolArguments } from '../records/tool-arguments.js';
import { parsePythonLiteral } from './python-literal.js';

/** The judgekit dimension ASSEBench's safety labels map to. It is not `covert_action`. */
export const UNSAFE_ACTION_DIMENSION = 'unsafe_action';

/** Which file of `agent-safety-trajectories/` a record comes from. */
export type AgentSafetySource = 'assebench-security' | 'agentharm';

/** Options of `readAgentSafetyTrajectories`. */
export interface ReadAgentSafetyTrajectoriesOptions {
  /** Default: `agentharm` for a file named `agentharm*.json`, else `assebench-security`. */
  source?: AgentSafetySource;
}

const LABELLERS: Record<AgentSafetySource, { annotator: string; labelSource: string; dataset: string }> = {
  'assebench-security': {
    annotator: 'assebench-human',
    labelSource: 'human annotation (ASSEBench)',
    dataset: 'AgentJudge-security',
  },
  agentharm: {
    annotator: 'agentharm-auto-grader',
    labelSource: "automatic: AgentHarm's grader, not human annotation",
    dataset: 'agentharm',
  },
};

const StepSchema = z.looseObject({
  role: z.enum(['user', 'agent', 'environment']),
  content: z.string().optional(),
  thought: z.string().optional(),
  action: z.string().optional(),
});

const RecordSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  profile: z.string().optional(),
  contents: z.array(z.array(z.unknown())),
  label: z.union([z.literal(0), z.literal(1)]),
  application_scenario: z.string().nullish(),
  risk_type: z.string().nullish(),
  failure_mode: z.string().nullish(),
  ambiguous: z.union([z.literal(0), z.literal(1), z.boolean()]).nullish(),
  risk_description: z.string().nullish(),
  scenario: z.string().nullish(),
});

const ACTION = /^\s*([A-Za-z_][\w.-]*)\s*([{(])([\s\S]*)([})])\s*$/;

/** A parsed `action` string: a tool call, a final answer (`Complete{'response': …}`), or neither. */
type ParsedAction =
  | { kind: 'call'; name: string; arguments: ToolArguments }
  | { kind: 'answer'; text: string }
  | { kind: 'text'; text: string };

/**
 * Reads an ASSEBench action string. The records write actions as `name{python-dict}` (e.g.
 * `download_file{'url': '…'}`), `name()` or `name(…)`; `Complete{'response': …}` is AgentHarm's
 * final answer. A dict that does not parse is kept verbatim in `argumentsText`.
 */
export function parseAgentAction(action: string): ParsedAction | undefined {
  if (action.trim() === '') return undefined;
  const match = ACTION.exec(action);
  const brace = match?.[2] === '{' && match[4] === '}';
  const paren = match?.[2] === '(' && match[4] === ')';
  if (!match || !(brace || paren)) return { kind: 'text', text: action };
  const name = match[1]!;
  const body = match[3]!;
  if (paren) {
    return body.trim() === ''
      ? { kind: 'call', name, arguments: { arguments: {} } }
      : { kind: 'call', name, arguments: { arguments: {}, argumentsText: body } };
  }
  const literal = parsePythonLiteral(`{${body}}`);
  const parsed =
    typeof literal === 'object' && literal !== null && !Array.isArray(literal)
      ? (literal as Record<string, unknown>)
      : undefined;
  if (name === 'Complete' && parsed && typeof parsed.response === 'string')
    return { kind: 'answer', text: parsed.response };
  return {
    kind: 'call',
    name,
    arguments: parsed ? { arguments: parsed } : { arguments: {}, argumentsText: `{${body}}` },
  };
}

/** How the security file's harness records a tool's result in the `thought` of the step that called it. */
const OBSERVATION = /^\[Observation\]: The knowledge I get from (\S+) is: /;

/**
 * The tool a `thought` reports the result of ("[Observation]: The knowledge I get from sys_monitor
 * is: …", on the step whose action is `sys_monitor()`), or `undefined` for a thought of the agent's own.
 */
function observedBy(thought: string): string | undefined {
  return OBSERVATION.exec(thought)?.[1];
}

function mapSteps(steps: readonly unknown[], path: readonly (string | number)[]): MessageDraft[] {
  const messages: MessageDraft[] = [];
  const pending: { id: string; name: string }[] = [];
  steps.forEach((value, index) => {
    const at = [...path, index];
    const step = parseAt(StepSchema, value, at);
    if (step.role === 'user') {
      messages.push({ role: 'user', content: step.content ? [textPart(step.content)] : [] });
    } else if (step.role === 'environment') {
      const call = pending.shift();
      messages.push(
        compact({
          role: 'tool',
          content: step.content ? [textPart(step.content)] : [],
          toolCallId: call?.id,
          name: call?.name,
        }),
      );
    } else {
      const action = parseAgentAction(step.action ?? '');
      const observation =
        action?.kind === 'call' && step.thought !== undefined && observedBy(step.thought) === action.name;
      const message: MessageDraft = {
        role: 'assistant',
        content: step.thought && !observation ? [{ type: 'reasoning', text: step.thought }] : [],
      };
      if (action?.kind === 'call') {
        const id = `step-${index}`;
        message.toolCalls = [{ id, name: action.name, ...action.arguments }];
        if (observation) {
          // the call's recorded result, written into the step's `thought` by the harness
          messages.push(message, {
            role: 'tool',
            content: [textPart(step.thought!)],
            toolCallId: id,
            name: action.name,
          });
          return;
        }
        pending.push({ id, name: action.name });
      } else if (action?.kind === 'answer') {
        message.content.push(textPart(action.text));
        message.metadata = { action: 'Complete' };
      } else if (action?.kind === 'text') {
        message.content.push(textPart(action.text));
      }
      messages.push(message);
    }
  });
  return messages;
}

/**
 * Maps one ASSEBench record to a transcript with its gold label under `unsafe_action`
 * (label 1 → `true`): `profile` → system message, user steps → user messages, agent `thought` →
 * reasoning, agent `action` → a tool call (or, for `Complete{'response': …}`, the final answer
 * text), `environment` → the tool result of the pending call. Metadata keeps the scenario, risk
 * type, failure mode, the `ambiguous` flag and where the label came from.
 */
export function transcriptFromAgentSafetyRecord(
  value: unknown,
  options: { source: AgentSafetySource; file?: string; index?: number },
): TranscriptSourceItem {
  const labeller = LABELLERS[options.source];
  const path = options.index === undefined ? [] : [options.index];
  return mapRecord(
    (): TranscriptInput => {
      const record = parseAt(RecordSchema, value, path);
      const steps = record.contents.flat();
      const messages: MessageDraft[] = [
        ...(record.profile ? [{ role: 'system' as const, content: [textPart(record.profile)] }] : []),
        ...mapSteps(steps, [...path, 'contents', 0]),
      ];
      return {
        id: `${options.source}/${record.id}`,
        messages,
        ...(record.application_scenario ? { environment: record.application_scenario } : {}),
        source: compact({ harness: 'assebench', file: options.file, sampleId: record.id }),
        metadata: compact({
          dataset: labeller.dataset,
          labelSource: labeller.labelSource,
          application_scenario: record.application_scenario ?? undefined,
          risk_type: record.risk_type ?? undefined,
          failure_mode: record.failure_mode ?? undefined,
          ambiguous:
            record.ambiguous === undefined || record.ambiguous === null
              ? undefined
              : Boolean(record.ambiguous),
          scenario: record.scenario || undefined,
        }),
        labels: {
          [UNSAFE_ACTION_DIMENSION]: compact({
            label: record.label === 1,
            annotator: labeller.annotator,
            rationale: record.risk_description ?? undefined,
          }),
        },
      };
    },
    { file: options.file },
  );
}

/**
 * Reads `AgentJudge-security.json` or `agentharm.json` from `agent-safety-trajectories/`
 * (ASSEBench) as transcripts with gold `unsafe_action` labels: annotator `assebench-human`, or
 * `agentharm-auto-grader` for AgentHarm's automatic labels. A record that does not fit becomes
 * an error item naming its index and path; the others are kept.
 */
export async function* readAgentSafetyTrajectories(
  file: string,
  options: ReadAgentSafetyTrajectoriesOptions = {},
): AsyncGenerator<TranscriptSourceItem> {
  const source =
    options.source ??
    (basename(file).toLowerCase().startsWith('agentharm') ? 'agentharm' : 'assebench-security');
  const text = decodeUtf8(await readFile(file));
  if (text === undefined) {
    yield invalidItem({ file }, 'file is not valid UTF-8');
    return;
  }
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    yield invalidItem({ file }, `not JSON (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
    return;
  }
  if (!Array.isArray(records)) {
    yield invalidItem({ file }, 'expected a JSON array of records');
    return;
  }
  for (const [index, record] of records.entries()) {
    yield transcriptFromAgentSafetyRecord(record, { source, file, index });
  }
}
