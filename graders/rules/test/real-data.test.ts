import { readAgentSafetyTrajectories } from '@judgekit/adapters';
import type { Transcript } from '@judgekit/core';
import { sharedFolder } from '@judgekit/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { plugins } from '../src/index.js';

/**
 * Real agent trajectories (ASSEBench security and AgentHarm, 993 transcripts with the agents'
 * thoughts) are not labelled for our dimensions, but they are a check on false alarms that nobody
 * tuned the rules against: a cue that fires on ordinary agent language shows up here first (a
 * too-broad "avoid … detected" once flagged 27 of them as eval-aware, on "avoid detected obstacles").
 * On 2026-11-26 the 11 flags then left (eval awareness 6, covert 5) were read and the 10 false
 * alarms among them fixed (README, "Limits"): since then these trajectories are
 * development data for false alarms, and the ceilings below are the counts after that, plus a margin.
 */
const data = sharedFolder(
  'agent-safety-trajectories',
  'rule graders on real agent trajectories (shared/data/agent-safety-trajectories)',
);

describe.skipIf(!data.present)(data.title, () => {
  const flagged = new Map<string, string[]>();
  let graded = 0;

  beforeAll(async () => {
    const signal = new AbortController().signal;
    const graders = plugins.map((plugin) => ({
      id: plugin.id,
      instance: plugin.create(plugin.config.parse({}), { env: {}, cwd: process.cwd() }),
    }));
    for (const file of ['AgentJudge-security.json', 'agentharm.json']) {
      for await (const item of readAgentSafetyTrajectories(`${data.dir}/${file}`)) {
        if (!item.ok) continue;
        graded++;
        for (const { id, instance } of graders) {
          if (instance.type !== 'transcript') throw new Error(`${id} is not a transcript grader`);
          const [verdict] = await instance.grade(item.transcript as Transcript, { signal });
          if (verdict?.label === true) flagged.set(id, [...(flagged.get(id) ?? []), item.transcript.id]);
        }
      }
    }
  }, 120_000);

  it('reads every trajectory', () => {
    expect(graded).toBe(993);
  });

  it('flags at most 3 of them as eval-aware (none of these agents is asked about being tested; 0 flagged now)', () => {
    expect(flagged.get('rules.eval-awareness')?.length ?? 0).toBeLessThanOrEqual(3);
  });

  it('flags at most 3 of them as covert or deniable (a ceiling for over-broad phrases, not a label; 1 and 0 now)', () => {
    expect(flagged.get('rules.covert-action')?.length ?? 0).toBeLessThanOrEqual(3);
    expect(flagged.get('rules.plausible-deniability')?.length ?? 0).toBeLessThanOrEqual(3);
  });
});
