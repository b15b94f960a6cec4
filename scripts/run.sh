#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts the kiosk: a window where a display
# exists, otherwise a headless run that renders the main screens to PNG and says where they are.
# Extra arguments go to `branch-kiosk run` (e.g. --config my.toml --data-dir /tmp/kiosk).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/branch-kiosk-ccache}"
cmake --preset release >/dev/null
cmake --build --preset release --target branch-kiosk

mode=--headless
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  mode=--windowed
fi
exec build/release/firmware_app/branch-kiosk run "$mode" "$@"
