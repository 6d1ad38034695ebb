#!/usr/bin/env bash
# Runs every benchmark and writes tests/Pipeline.Benchmarks/results/results.md and results.json.
# Not part of the test command (it takes minutes). pandas and openpyxl come from Debian's packages.
# The harness is published ReadyToRun, as a shipped command line would be.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c "import pandas, openpyxl" 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3-pandas python3-openpyxl
fi
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
dotnet publish tests/Pipeline.Benchmarks -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o out/bench-bin
out/bench-bin/Pipeline.Benchmarks "$@"
