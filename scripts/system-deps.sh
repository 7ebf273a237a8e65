#!/usr/bin/env bash
# Installs the Debian packages clew needs beside its Python ones, only where they are missing:
#   libicu-dev, pkg-config  build PyICU (followthemoney's name normalisation)
#   libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core  WeasyPrint's PDF dossiers
#   chromium             the browser tests (Playwright drives Debian's build, never a download)
#   poppler-utils        pdftoppm, which renders dossier PDFs in tests
# Runs apt-get as root, or through sudo when it is there; otherwise it names what to install.
set -euo pipefail
wanted=(libicu-dev pkg-config libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core chromium poppler-utils)
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null; then
    sudo=(sudo)
else
    echo "Missing Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]}) and re-run." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
