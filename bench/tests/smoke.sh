#!/bin/sh
# ctest "bench_smoke" (label bench-smoke): polysync-bench --smoke with tiny sizes and no wrk/node, then checks
# that the JSON has every key bench/README.md promises. It never asserts a time.
#   smoke.sh BENCH EMULATOR PLUGIN
set -eu
bench="$1"; emulator="$2"; plugin="$3"
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
"$bench" --smoke --no-compare --emulator "$emulator" --plugin "$plugin" --work-dir "$work" --json "$work/bench.json" >"$work/table.txt"
missing=""
for key in poll_1t_vs_wrk poll_8t_vs_wrk poll_1t_vs_js poll_8t_vs_js clone_10mb_ms clone_10mb_peak_ratio \
           import_100k_extra_mb tokens_per_100k_calls connections_per_100k_polls arm_gets_per_poll \
           arm_requests_per_run coalesced_gets startup_load_init_ms idle_instance_kb \
           history_requests_per_run_minute \
           history_gets_per_poll arm_only_arm_gets_per_poll coalesced_arm_only_gets \
           poll_arm_only_1t_vs_wrk poll_arm_only_8t_vs_wrk poll_data_plane_1t_vs_wrk poll_data_plane_8t_vs_wrk \
           fleet_runs fleet_arm_requests_per_run fleet_history_requests_per_poll fleet_rate_limited_failures \
           fleet_completion_lag_p95_ratio fleet_arm_only_runs fleet_arm_only_arm_requests_per_run \
           fleet_arm_only_history_requests_per_poll fleet_arm_only_rate_limited_failures \
           fleet_arm_only_completion_lag_p95_ratio; do
  grep -q "\"$key\":" "$work/bench.json" || missing="$missing $key"
done
if [ -n "$missing" ]; then
  echo "bench smoke: the JSON lacks:$missing"; cat "$work/bench.json"; exit 1
fi
# The economy and coalescing counts are exact, whatever the machine's speed: a live run's poll is one Run History
# GET and no ARM read (one ARM GET with Status Source = Resource Manager); the fleet saw no 429 as a failure.
for pair in '"tokens_per_100k_calls": 1' '"arm_gets_per_poll": 0' '"history_gets_per_poll": 1' \
            '"arm_only_arm_gets_per_poll": 1' '"coalesced_gets": 1' '"coalesced_arm_only_gets": 1' \
            '"arm_requests_per_run": 2' '"fleet_rate_limited_failures": 0' '"fleet_history_requests_per_poll": 1'; do
  grep -q "$pair" "$work/bench.json" || { echo "bench smoke: expected $pair"; cat "$work/bench.json"; exit 1; }
done
echo "bench smoke: ok"
