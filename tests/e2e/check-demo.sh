#!/usr/bin/env bash
# check-demo.sh RUN_DEMO BUILD_DIR: runs the README's demo and checks that it did what it says — exit code 0,
# a run that succeeded (its steps shown advancing, its start time, outputs and Monitor URL), a cancelled run, a failed run with its step's message,
# and the emulator stopped.
set -uo pipefail
run_demo=${1:?usage: check-demo.sh RUN_DEMO BUILD_DIR}
build=${2:?usage: check-demo.sh RUN_DEMO BUILD_DIR}
output=$("$run_demo" "$build" 2>&1)
rc=$?
printf '%s\n' "$output"
failed=0
if [ "$rc" -ne 0 ]; then echo "check-demo: the demo exited with $rc" >&2; failed=1; fi
# From a here-string, not a pipe: under pipefail, `printf | grep -q` fails whenever grep stops at its match
# before printf has written the rest (printf gets SIGPIPE), so a line that is there could be reported missing.
expect() {
  if ! grep -Eq -- "$1" <<<"$output"; then echo "check-demo: no line matches: $1" >&2; failed=1; fi
}
expect '^connection OK: all good'
expect '^3 jobs$'
expect '^run train-pipeline-template_[A-Za-z0-9_-]+: Running \(Running\) · [0-3]/3 steps'
expect '^run train-pipeline-template_[A-Za-z0-9_-]+: Success \(Completed\)$'
expect '^started: +20[0-9]{2}-'
expect '^output model = azureml://'
expect '^monitor: +https://ml\.azure\.com/runs/train-pipeline-template_'
expect '^run batch-score-template_[A-Za-z0-9_-]+: Running \(CancelRequested\)$'
expect '^run batch-score-template_[A-Za-z0-9_-]+: Cancelled \(Canceled\)$'
expect '^run data-validation-template_[A-Za-z0-9_-]+: Failed \(Failed\)$'
expect "^message: +step 'validate_schema' failed: .*SchemaError"
expect '^emulator stopped; demo complete$'
exit "$failed"
