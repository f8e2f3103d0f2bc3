#!/usr/bin/env bash
# Writes whybounce's outputs on the shared corpus and on every fixture, in every
# output mode, into one folder, so that two builds can be compared byte for byte
# (`diff -r before/ after/`). Used to prove a refactor changes no behaviour.
#   scripts/snapshot-outputs.sh OUT_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/snapshot-outputs.sh OUT_DIR}
mkdir -p "$out"
wb() { node bin/whybounce.js "$@"; }
corpus=../shared/corpus
inputs=()
[ -d "$corpus" ] && inputs+=("$corpus"/*.eml)
inputs+=(test/fixtures/*.eml examples/*)
: > "$out/per-file.json"
for f in "${inputs[@]}"; do
  printf '== %s\n' "$f" >> "$out/per-file.json"
  wb --json "$f" >> "$out/per-file.json" 2>&1
  printf 'exit %s\n' "$?" >> "$out/per-file.json"
done
wb --ndjson --why "${inputs[@]}" > "$out/batch.ndjson" 2> "$out/batch.ndjson.err"; echo "exit $?" >> "$out/batch.ndjson.err"
wb --no-color --why "${inputs[@]}" > "$out/batch.txt" 2> "$out/batch.txt.err"; echo "exit $?" >> "$out/batch.txt.err"
wb --no-color "${inputs[@]}" > "$out/batch-plain.txt" 2>&1; echo "exit $?" >> "$out/batch-plain.txt"
wb --color "${inputs[@]}" > "$out/batch-color.txt" 2>&1; echo "exit $?" >> "$out/batch-color.txt"
wb --csv "${inputs[@]}" > "$out/batch.csv" 2>&1; echo "exit $?" >> "$out/batch.csv"
wb --summary --no-color "${inputs[@]}" > "$out/summary.txt" 2>&1; echo "exit $?" >> "$out/summary.txt"
wb --summary --json "${inputs[@]}" > "$out/summary.json" 2>&1; echo "exit $?" >> "$out/summary.json"
wb --json test/fixtures > "$out/folder.json" 2>&1; echo "exit $?" >> "$out/folder.json"
# raw strings, one per line of the parser's own examples
while IFS= read -r line; do
  printf '== %s\n' "$line"; wb --no-color --why -- "$line" 2>&1; echo "exit $?"
  wb --json -- "$line" 2>&1
done > "$out/raw.txt" <<'RAW'
554 5.1.0 Sender Denied
550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown
450 4.2.0 <a@example.org>: Recipient address rejected: Greylisted, see http://example.org
PERM_FAILURE: SMTP Error (state 8 ): 554 5.1.0 Sender Denied
421 4.7.0 Try again later, closing connection.
552 5.2.2 Mailbox full
550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org
5.7.26 unauthenticated mail is prohibited
hello world
RAW
for c in 5.7.26 550 5.7.606 TSS04 4.4.7; do wb explain "$c"; wb explain --json "$c"; done > "$out/explain.txt" 2>&1
wb codes > "$out/codes.txt" 2>&1; wb codes --json >> "$out/codes.txt" 2>&1
wb --help > "$out/help.txt" 2>&1
for s in bash zsh fish; do wb completion "$s"; done > "$out/completion.txt" 2>&1
echo "snapshot written to $out"
