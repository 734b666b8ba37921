#!/bin/sh
# embed.sh NAME FILE — print a C file defining `const char NAME[]` holding FILE.
set -eu
printf '/* Generated from %s by scripts/embed.sh; do not edit. */\n' "$2"
printf 'const char %s[] =\n' "$1"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$2"
printf '    ;\n'
