#!/usr/bin/env bash
# newsmine on a Slurm cluster: one array task per shard, then one job that merges them.
#
#   sbatch scripts/slurm-array.sh            # submits the shards; the last line submits merge
#
# Every task must see the input folder at the same path (shared file system): the tables
# record paths as given, and `merge` checks that the shards ran on the same inputs.
#SBATCH --job-name=newsmine-shard
#SBATCH --array=1-8
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=logs/newsmine-%A_%a.log
set -euo pipefail

INPUT=${INPUT:-/shared/news}
PARTS=${PARTS:-/shared/newsmine/parts}
TABLES=${TABLES:-/shared/newsmine/tables}
N=${SLURM_ARRAY_TASK_COUNT:-8}
K=${SLURM_ARRAY_TASK_ID:?run this with sbatch}

# Shards are 1-based (K/N with 1 <= K <= N), like --array=1-N. --incremental makes tomorrow's
# run of the same shard analyse only new and changed files. Exit 3 (tables written, some
# inputs failed) counts as success here, so that the merge below still runs.
newsmine run "$INPUT" --output "$PARTS/part-$K" --shard "$K/$N" \
    --threads "${SLURM_CPUS_PER_TASK:-1}" --incremental --progress never \
    || [ $? -eq 3 ]

# The last task to start submits the merge, to run once every task has succeeded.
if [ "$K" -eq "$N" ]; then
    sbatch --dependency="afterok:${SLURM_ARRAY_JOB_ID}" --job-name=newsmine-merge \
        --output=logs/newsmine-merge-%j.log \
        --wrap "newsmine merge $PARTS/part-* --output $TABLES || [ \$? -eq 3 ]"
fi
