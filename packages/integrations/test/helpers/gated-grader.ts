import { defineTestGrader } from '@judgekit/testkit';

/**
 * A grader whose calls wait until the test opens the gate, to hold requests in flight; it flags a
 * transcript whose text contains `flag`, and throws (with an absolute path in the message) on `crash`.
 */
export function gatedGrader() {
  let open: () => void = () => {};
  let gate = Promise.resolve();
  let started = 0;
  const plugin = defineTestGrader({
    id: 'test.gated',
    description: 'Waits for the test to open its gate, then flags the word "flag".',
    async grade(transcript) {
      started++;
      await gate;
      const text = JSON.stringify(transcript.messages);
      if (text.includes('crash')) throw new Error('cannot open /srv/judgekit/secret-rules/pack.yaml');
      return [
        {
          dimension: 'covert_action',
          label: text.includes('flag'),
          provenance: { pack: '/srv/judgekit/secret-rules/pack.yaml' },
        },
      ];
    },
  });
  return {
    plugin,
    /** Makes later calls wait until `release()`. */
    close() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
    started: () => started,
  };
}
