#!/usr/bin/env bash
# Installs every Debian 12 package branch-kiosk needs to build, run and test, only when missing.
# Idempotent: a second run installs nothing and takes about a second.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git clang-format clang-tidy
  # card stack
  libimgui-dev libsdl2-dev libsqlite3-dev sqlite3 libcurl4-openssl-dev libpaho-mqttpp-dev libpaho-mqtt-dev
  libgtest-dev libgmock-dev
  # chosen libraries
  nlohmann-json3-dev libfmt-dev libspdlog-dev libcli11-dev libtomlplusplus-dev libhowardhinnant-date-dev
  libqrencode-dev libstb-dev libssl-dev libcpp-httplib-dev zlib1g-dev
  # fonts, languages, broker
  fonts-noto-core fonts-noto-cjk gettext i18nspector tzdata mosquitto mosquitto-clients openssl
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The broker package enables a system service; tests start their own brokers on free ports.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
  "${sudo_cmd[@]}" systemctl stop mosquitto || true
fi
echo "setup: done"
