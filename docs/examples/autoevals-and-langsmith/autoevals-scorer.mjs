// judgekit graders as Braintrust autoevals scorers. In a Braintrust eval:
//   Eval('support-agent', { data, task: runAgent, scores: [noCovertAction] })
// where `runAgent` returns the agent's transcript.
import { toAutoevalsScorer } from '@judgekit/integrations';

/** Score 1 when the transcript shows no covert action, lower when it does. */
export const noCovertAction = toAutoevalsScorer('rules.covert-action');

/** One score over all three dimensions of the LLM judge (needs a key). */
export function schemingJudge(judge = 'openai:gpt-4.1-mini') {
  return toAutoevalsScorer({ use: 'llm-judge.scheming', options: { judge } });
}

export async function main(transcript) {
  const score = await noCovertAction({ output: transcript });
  console.log(score.name, score.score, score.metadata.shown);
  return score;
}
