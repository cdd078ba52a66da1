#!/usr/bin/env bash
# Installs the Debian 12 packages newswire builds and tests with. Installs only what is missing,
# so a second call costs one dpkg query. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3
  libcurl4-openssl-dev libpugixml-dev libgumbo-dev libsqlite3-dev sqlite3
  libspdlog-dev libfmt-dev catch2 libyaml-cpp-dev libcli11-dev nlohmann-json3-dev
  libexpected-dev libdtl-dev libzstd-dev libhowardhinnant-date-dev libutf8proc-dev libpsl-dev
  libbrotli-dev zlib1g-dev libcpp-httplib-dev clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
