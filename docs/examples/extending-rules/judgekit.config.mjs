// The rule graders with Acme's pack and lexicon merged after the shipped ones.
export default {
  graders: [
    { use: 'rules.covert-action', options: { packs: ['./acme-pack.yaml'] } },
    { use: 'rules.plausible-deniability', options: { packs: ['./acme-pack.yaml'] } },
    { use: 'rules.eval-awareness', options: { lexicons: ['./acme-lexicon.yaml'] } },
  ],
};
