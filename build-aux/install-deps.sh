#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Bulwark needs to build, run and test.
# Uses sudo when not run as root; does nothing when everything is already there.
set -euo pipefail

packages=(
  gcc pkg-config meson ninja-build gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libgtk-4-bin librsvg2-dev liblzma-dev libxml2-dev zlib1g-dev libxml2-utils xz-utils python3 python3-jsonschema
  poppler-utils
  desktop-file-utils appstream yelp-tools
  xvfb xauth xdotool flatpak-builder clang libclang-rt-14-dev valgrind strace shared-mime-info
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
