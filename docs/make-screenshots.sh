#!/usr/bin/env bash
# Make the README's pictures again from the bundled example (run from the repository root, with
# the app installed). Settings and cache are kept out of the user's home.
set -euo pipefail
cd "$(dirname "$0")/.."
export BORGERSPIL_CONFIG_DIR="$(mktemp -d)" BORGERSPIL_CACHE_DIR="$(mktemp -d)"
example=examples/hjaelpemidler.borgerspil.yaml
shot() { borgerspil screenshot "$example" --screen "$1" -o "docs/$2.svg" "${@:3}"; }
shot overview overview
shot overview overview-en --lang en
shot checklist-focus checklist-focus
shot phase-create phase-create
shot problem-tree problem-tree
shot process process
shot matrix matrix
shot matrix matrix-80x24 --size 80x24
shot concept-card concept-card
shot succes succes
shot wizard wizard
# The HTML report in headless Chromium (apt-get install chromium poppler-utils): its first page on
# screen, and the first concept card printed to A4.
if command -v chromium >/dev/null && command -v pdftoppm >/dev/null; then
  out="$(mktemp -d)"
  borgerspil export "$example" --format html --lang en -o "$out/report.html"
  borgerspil export "$example" --format html --lang en --concept concept-c3d4ef -o "$out/concept.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
    --screenshot=docs/report-html.png "$out/report.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/concept.pdf" "$out/concept.html"
  pdftoppm -png -r 80 -singlefile "$out/concept.pdf" docs/report-concept-a4
fi
# The phone page in headless Chromium and the facilitator's screens while sharing with the room
# (Playwright: pip install playwright; it drives /usr/bin/chromium and downloads nothing).
if command -v chromium >/dev/null && python -c "import playwright" 2>/dev/null; then
  python docs/make-phone-screenshots.py
fi
