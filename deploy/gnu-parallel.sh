#!/bin/bash
# recsim tune over GNU parallel on one machine or over ssh (--sshlogin): each job is one shard;
# parallel sets PARALLEL_SEQ (1..4), which `--shard-from-env` reads; `--shard-count` is the job count.
set -euo pipefail
mkdir -p results
parallel --will-cite -j 4 'node bin/recsim.mjs tune scenarios/tune/renewal.yaml --vary svc.restart.delay=1s,30s,5min --seeds 1..40 --workers 1 --shard-from-env --shard-count 4 --out results/part-{}.json' ::: 1 2 3 4 && node bin/recsim.mjs tune --merge results/part-*.json
