#!/usr/bin/env bash
# newsmine spread over processes or machines with GNU parallel, then merged.
#
#   scripts/parallel-shards.sh INPUT OUTPUT [N]              # N processes on this machine
#   SSH_LOGINS=hosts.txt scripts/parallel-shards.sh IN OUT N # over ssh (parallel --sshloginfile)
#
# Over ssh every machine must see INPUT and the parts folder at the same paths (a shared file
# system) and have newsmine on its PATH.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 INPUT OUTPUT [SHARDS]" >&2
    exit 2
fi
input=$1
output=$2
n=${3:-4}
parts=${PARTS:-$output.parts}
threads=${THREADS:-1}
mkdir -p "$parts"

remote=()
if [ -n "${SSH_LOGINS:-}" ]; then
    remote=(--sshloginfile "$SSH_LOGINS")
fi

# One job per shard (1-based: 1/N … N/N). Exit 3 (tables written, some inputs failed) is not
# an error here; anything else stops the other jobs and the merge.
parallel "${remote[@]}" --jobs "$n" --halt now,fail=1 --tag --line-buffer \
    "newsmine run '$input' --output '$parts/part-{}' --shard {}/$n --threads $threads \
     --incremental --quiet || [ \$? -eq 3 ]" ::: $(seq 1 "$n")

status=0
newsmine merge "$parts"/part-* --output "$output" || status=$?
exit $status
