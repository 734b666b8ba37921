#!/bin/sh
# deps.sh — install the Debian packages jixiao needs, only those missing.
# A no-op when everything is present. Needs root (or sudo) to install.
set -eu
need="gcc make pkg-config libutf8proc-dev libcmocka-dev libzip-dev libexpat1-dev libpoppler-glib-dev"
# writing documents: Excel (libxlsxwriter), PDF and charts (cairo + pango, Noto CJK fonts)
need="$need libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk"
# reading our own outputs back in the tests, with independent tools
need="$need poppler-utils docx2txt xlsx2csv libreoffice-writer-nogui libreoffice-calc-nogui"
# clang and its fuzzer runtime are optional: used by `make check` (briefly)
# and `make fuzz` when present; JX_WITH_FUZZ=1 installs them.
if [ "${JX_WITH_FUZZ:-0}" = 1 ]; then need="$need clang libclang-rt-14-dev"; fi
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "deps: 缺少软件包 (missing packages):$missing — 请以 root 运行 (run as root) apt-get install$missing" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || $SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null || $SUDO apt-get install -y --no-install-recommends $missing
