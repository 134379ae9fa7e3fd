#!/usr/bin/env bash
# Grades the fixtures' test split (SPLIT=dev for the split you may tune on; SPLIT=holdout for
# fixtures/data/holdout/holdout-v3.jsonl, written blind to every grader: one look per judge and rubric
# version) with the combined LLM judge and calibrates it against the gold labels: the only honest
# source of llm-judge figures.
# Needs a real judge: its key in the environment (OPENAI_API_KEY, ANTHROPIC_API_KEY), or --base-url
# of an OpenAI-compatible server. A re-run resumes; answered calls come from the response cache.
#
#   graders/llm-judge/scripts/calibrate-judge.sh <provider:model> [run-dir] [more `judgekit grade` flags]
#   e.g. calibrate-judge.sh openai:gpt-4.1-mini runs/llm-judge-gpt-4.1-mini
#        calibrate-judge.sh compatible:qwen3:8b runs/qwen3 --base-url http://127.0.0.1:11434/v1
#   record once, replay offline (CI):
#        JUDGEKIT_RECORD_DIR=recordings/gpt-4.1-mini calibrate-judge.sh openai:gpt-4.1-mini runs/live
#        JUDGEKIT_REPLAY_DIR=recordings/gpt-4.1-mini calibrate-judge.sh replay:openai:gpt-4.1-mini runs/ci
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
judge="$1"
out="${2:-runs/llm-judge-$(printf '%s' "$judge" | tr ':/' '--')}"
shift $(( $# >= 2 ? 2 : 1 ))
root="$(cd "$(dirname "$0")/../../.." && pwd)"
judgekit=(node "$root/packages/cli/dist/bin.js")

split="${SPLIT:-test}"
mkdir -p "$out.input"
if [ "$split" = holdout ]; then
  input="$root/fixtures/data/holdout/holdout-v3.jsonl"
  split_flags=()
else
  input="$out.input/$split-split.jsonl"
  node -e '
    const fs = require("node:fs");
    const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
    const chosen = lines.filter((line) => JSON.parse(line).split === process.argv[3]);
    fs.writeFileSync(process.argv[2], chosen.join("\n") + "\n");
    console.error(`${chosen.length} ${process.argv[3]}-split transcripts -> ${process.argv[2]}`);
  ' "$root/fixtures/data/corpus.jsonl" "$input" "$split"
  split_flags=(--split "$split")
fi

resume=()
[ -f "$out/manifest.json" ] && resume=(--resume)
"${judgekit[@]}" grade "$input" --graders llm-judge.scheming --judge "$judge" \
  --out "$out" "${resume[@]}" "$@"
"${judgekit[@]}" calibrate "$out" "${split_flags[@]}" --out "$out/calibration-$split.json"
