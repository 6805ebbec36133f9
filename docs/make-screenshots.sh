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
