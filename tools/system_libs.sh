#!/usr/bin/env bash
# Installs the Debian packages SIKAP needs (Pango, for WeasyPrint's PDFs; Chromium, for the
# browser tests and screenshots, driven by Playwright from PyPI) where they are missing and this is a Debian machine run as root; otherwise says what to install. Quiet and
# idempotent: `make install` runs it every time.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 chromium)
command -v dpkg-query >/dev/null || exit 0
missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "Missing ${missing[*]}: PDF and browser tests are skipped (CI fails). As root: apt-get install ${missing[*]}" >&2
	exit 0
fi
echo "Installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
