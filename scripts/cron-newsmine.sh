#!/usr/bin/env bash
# Nightly newsmine run for cron: incremental, logged, and silent unless something needs a look.
#
# cron mails whatever a job prints, so this wrapper prints nothing when the run went well and
# a short report when it did not; everything else goes to the log file.
#
#   30 2 * * *  /opt/newsmine/scripts/cron-newsmine.sh /data/news /data/tables
#
# Settings (environment, all optional):
#   NEWSMINE          the binary                       (default: newsmine on PATH)
#   NEWSMINE_LOG      the log file                     (default: OUTPUT/newsmine.log)
#   NEWSMINE_THREADS  analysis threads                 (default: all cores)
#   NEWSMINE_ARGS     more options for `newsmine run`  (e.g. "--reference-date 2024-05-01")
#   NEWSMINE_QUIET_ON_FAILED_INPUTS=1   no mail when only some inputs failed (exit 3)
#
# Exit status of newsmine, and what this wrapper does with it:
#   0  every input processed                   → silent
#   3  tables written, some inputs failed      → mail the failures by kind (from run.json)
#   1  the run failed, previous tables intact  → mail the error (lock held, disk full, …)
#   2  usage error                             → mail the error
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 INPUT... OUTPUT" >&2
    exit 2
fi
output="${!#}"
inputs=("${@:1:$#-1}")
newsmine="${NEWSMINE:-newsmine}"
log="${NEWSMINE_LOG:-$output/newsmine.log}"
mkdir -p "$output" "$(dirname "$log")"

args=(run "${inputs[@]}" --output "$output" --incremental --progress never)
if [ -n "${NEWSMINE_THREADS:-}" ]; then
    args+=(--threads "$NEWSMINE_THREADS")
fi
# shellcheck disable=SC2206 # word splitting of the extra options is intended
extra=(${NEWSMINE_ARGS:-})

stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }
echo "$(stamp) start: $newsmine ${args[*]} ${extra[*]}" >>"$log"
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
"$newsmine" "${args[@]}" "${extra[@]}" 2> >(tee -a "$log" >"$errors")
status=$?
wait # for tee
echo "$(stamp) end: exit $status" >>"$log"

case $status in
    0) ;;
    3)
        if [ "${NEWSMINE_QUIET_ON_FAILED_INPUTS:-0}" != 1 ]; then
            echo "newsmine: the tables in $output were written, but some inputs failed."
            if command -v python3 >/dev/null && [ -f "$output/run.json" ]; then
                python3 - "$output/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c = r["counts"]
print(f"{c['seen']} seen, {c['processed']} processed, {c['carried_over']} carried over, "
      f"{c['skipped']} skipped, {c['failed']} failed")
for kind, t in sorted(r["failures_by_kind"].items()):
    print(f"  {kind}: {t['count']}  e.g. {', '.join(t['examples'])}")
PY
            fi
            echo "Details: $output/errors.csv"
        fi
        ;;
    *)
        echo "newsmine failed (exit $status); the previous tables in $output are untouched."
        tail -n 20 "$errors"
        echo "Log: $log"
        ;;
esac
exit $status
