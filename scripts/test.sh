#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test except benchmarks:
#   1. the core-only preset (domain, i18n, store with no SDL/ImGui: proves the layering holds);
#   2. the asan preset (everything, AddressSanitizer + UBSan), all labels but bench.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/branch-kiosk-ccache}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

for preset in core-only asan; do
  echo "== ${preset}: configure, build, test =="
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done
