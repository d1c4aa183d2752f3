#!/usr/bin/env bash
# Scores `actorgraph extract` on the held-out texts (tests/fixtures/extract-heldout/, written
# and annotated by hand before any run; see EXTRACT.md). Usage: benches/extract/heldout.sh [BIN]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/debug/actorgraph}
dir=tests/fixtures/extract-heldout
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A anchor=([en-sudan]=2025-01-14 [en-car]=2022-03-14 [ar-yemen]=2022-04-03 [ar-syria]=2019-10-14
  [en-somalia]=2023-01-17)
for f in "$dir"/texts/*.txt; do
  name=$(basename "$f" .txt)
  args=(extract "$f" --data "$dir/graph" --json)
  if [[ -n "${anchor[$name]:-}" ]]; then args+=(--anchor "${anchor[$name]}"); fi
  "$bin" "${args[@]}" > "$out/$name.json"
  python3 benches/extract/score.py "$dir/graph" "$out/$name.json" "$dir/expected.json"
done
