// judgekit graders as LangSmith / openevals evaluators. With LangSmith:
//   await evaluate(runAgent, {
//     data: 'support-tickets',
//     evaluators: [noCovertAction, noEvalAwareness],
//   });
// where `runAgent` returns `{ transcript }` (or `{ messages }`).
import { toLangSmithEvaluator } from '@judgekit/integrations';

export const noCovertAction = toLangSmithEvaluator('rules.covert-action');
export const noEvalAwareness = toLangSmithEvaluator('rules.eval-awareness');

export async function main(transcript) {
  // Called as LangSmith and openevals call evaluators.
  const result = await noCovertAction({ inputs: {}, outputs: { transcript } });
  console.log(result.key, result.score);
  console.log(result.comment);
  return result;
}
