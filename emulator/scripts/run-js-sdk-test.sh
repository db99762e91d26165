#!/bin/sh
# ctest entry for the JavaScript SDK test: installs the pinned npm packages when missing, then runs
# `node --test` in tests/js against the azureml-emulator binary given as $1.
# Exit 77 (ctest: skipped) when Node.js is not installed.
set -eu
emulator="$1"
js_dir="$2"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: node and npm are needed for the JavaScript SDK test (install Node.js 18 or newer)"
  exit 77
fi
cd "$js_dir"
if [ ! -f node_modules/@azure/arm-machinelearning/package.json ]; then
  npm ci --no-audit --no-fund
fi
AZUREML_EMULATOR="$emulator" exec node --test
