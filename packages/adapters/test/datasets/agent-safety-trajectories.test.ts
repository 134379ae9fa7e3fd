import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldLabelsOf, parseAgentAction, readAgentSafetyTrajectories } from '../../src/index.js';
import { collect, errorsOf, textOf, transcriptsOf } from '../helpers/collect.js';
import { sharedFolder } from '../helpers/shared-data.js';

type RawStep = { role: string; content?: string; thought?: string; action?: string };
type RawRecord = { id: string | number; contents: RawStep[][]; label: number; ambiguous?: number | null };

const data = sharedFolder(
  'agent-safety-trajectories',
  'ASSEBench agent-safety trajectories (shared/data/agent-safety-trajectories)',
);

describe('parseAgentAction', () => {
  it('reads the action shapes the records use', () => {
    expect(
      parseAgentAction(`download_file{'url': 'https://a.example/x.mp3', 'retries': 2, 'force': True}`),
    ).toEqual({
      kind: 'call',
      name: 'download_file',
      arguments: { arguments: { url: 'https://a.example/x.mp3', retries: 2, force: true } },
    });
    expect(parseAgentAction('medical_database()')).toEqual({
      kind: 'call',
      name: 'medical_database',
      arguments: { arguments: {} },
    });
    expect(parseAgentAction(`Complete{'response': "I'm sorry, but I can't comply with that."}`)).toEqual({
      kind: 'answer',
      text: "I'm sorry, but I can't comply with that.",
    });
    expect(parseAgentAction(`send{'to': 'x', oops}`)).toEqual({
      kind: 'call',
      name: 'send',
      arguments: { arguments: {}, argumentsText: `{'to': 'x', oops}` },
    });
    expect(parseAgentAction('I will now think.')).toEqual({ kind: 'text', text: 'I will now think.' });
    expect(parseAgentAction('   ')).toBeUndefined();
  });
});

describe.skipIf(!data.present)(data.title, () => {
  const rawOf = (name: string) => JSON.parse(readFileSync(join(data.dir, name), 'utf8')) as RawRecord[];

  it('maps all 817 AgentJudge-security records: 409 unsafe / 408 safe, 55 ambiguous, human labels', async () => {
    const items = await collect(readAgentSafetyTrajectories(join(data.dir, 'AgentJudge-security.json')));
    expect(errorsOf(items)).toEqual([]);
    const transcripts = transcriptsOf(items);
    expect(transcripts).toHaveLength(817);
    const labels = transcripts.flatMap(goldLabelsOf);
    expect(labels).toHaveLength(817);
    expect(
      labels.every((label) => label.dimension === 'unsafe_action' && label.annotator === 'assebench-human'),
    ).toBe(true);
    expect(labels.filter((label) => label.label === true)).toHaveLength(409);
    expect(labels.filter((label) => label.label === false)).toHaveLength(408);
    expect(transcripts.filter((transcript) => transcript.metadata?.ambiguous === true)).toHaveLength(55);
    expect(transcripts.some((transcript) => transcript.labels?.covert_action !== undefined)).toBe(false);
    expect(new Set(transcripts.map((transcript) => transcript.id)).size).toBe(817);
  });

  it('maps all 176 AgentHarm records with 29 unsafe, labelled by the automatic grader', async () => {
    const transcripts = transcriptsOf(
      await collect(readAgentSafetyTrajectories(join(data.dir, 'agentharm.json'))),
    );
    expect(transcripts).toHaveLength(176);
    const labels = transcripts.flatMap(goldLabelsOf);
    expect(labels.filter((label) => label.label)).toHaveLength(29);
    expect(labels.every((label) => label.annotator === 'agentharm-auto-grader')).toBe(true);
    expect(
      transcripts.every((transcript) => String(transcript.metadata?.labelSource).startsWith('automatic')),
    ).toBe(true);
  });

  for (const name of ['AgentJudge-security.json', 'agentharm.json']) {
    it(`keeps every thought, action and environment step of ${name}`, async () => {
      const raws = rawOf(name);
      const transcripts = transcriptsOf(await collect(readAgentSafetyTrajectories(join(data.dir, name))));
      raws.forEach((raw, index) => {
        const transcript = transcripts[index]!;
        const steps = raw.contents.flat();
        const agentSteps = steps.filter((step) => step.role === 'agent');
        const actions = agentSteps
          .map((step) => (step.action ?? '').trim())
          .filter((action) => action !== '');
        const messages = transcript.messages.filter((message) => message.role !== 'system');
        expect(messages.map((message) => message.role)).toEqual(
          steps.map((step) => ({ user: 'user', agent: 'assistant', environment: 'tool' })[step.role]),
        );
        const calls = messages.flatMap((message) => message.toolCalls ?? []);
        expect(calls).toHaveLength(actions.filter((action) => !action.startsWith('Complete{')).length);
        expect(calls.filter((call) => call.argumentsText !== undefined)).toEqual([]);
        const reasoning = messages.flatMap((message) =>
          message.content.filter((part) => part.type === 'reasoning'),
        );
        expect(reasoning.map((part) => part.text)).toEqual(
          agentSteps.map((step) => step.thought ?? '').filter(Boolean),
        );
        const results = messages.filter((message) => message.role === 'tool');
        expect(results.every((message) => calls.some((call) => call.id === message.toolCallId))).toBe(true);
      });
    });
  }

  it('maps the first security record step by step (hand-checked)', async () => {
    const [first] = transcriptsOf(
      await collect(readAgentSafetyTrajectories(join(data.dir, 'AgentJudge-security.json'))),
    );
    expect(first!.id).toBe('assebench-security/90');
    expect(first!.messages[0]!.role).toBe('system');
    expect(first!.messages[2]!.toolCalls).toEqual([
      {
        id: 'step-1',
        name: 'query_google_search',
        arguments: { request: "instrumental version of Drake's God's Plan download" },
      },
    ]);
    expect(first!.messages[3]).toMatchObject({
      role: 'tool',
      toolCallId: 'step-1',
      name: 'query_google_search',
    });
    expect(textOf(first!, 3)).toBe(`""['https://www.beatsdownload.com/instrumentals']""`);
  });

  it('turns AgentHarm’s Complete action into the final answer text (hand-checked)', async () => {
    const [refusal] = transcriptsOf(
      await collect(readAgentSafetyTrajectories(join(data.dir, 'agentharm.json'))),
    );
    expect(refusal!.id).toBe('agentharm/1-1');
    expect(refusal!.messages.at(-1)).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: "I'm sorry, but I can't comply with that." }],
      metadata: { action: 'Complete' },
    });
    expect(refusal!.labels?.unsafe_action?.label).toBe(false);
  });
});
