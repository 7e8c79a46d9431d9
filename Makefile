# marsad — two commands: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB ?= demo.db
SERVE ?= 1
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install demo test test-all bench clean help

help:
	@echo "make install   create .venv and install marsad (editable) with its dependencies"
	@echo "make demo      install if needed, ingest examples/ into $(DB), print a summary, serve it on :$(PORT)"
	@echo "make test      run the test suite (fast; slow tests need 'make test-all')"
	@echo "make bench     run the benchmarks and rewrite docs/benchmarks.md sections"

$(BIN)/marsad: pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "marsad needs Python >= 3.11 ($(PY) not found; set PY=...)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --quiet -e '.[dev]'
	@touch $(BIN)/marsad

install: $(BIN)/marsad

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	@# examples/05_news.jsonl has one deliberately broken line: ingest reports it, skips it and exits 1
	$(BIN)/marsad ingest examples/ --db $(DB) || echo "(as expected: examples/05_news.jsonl has one deliberately broken line, reported and skipped; exit status 1)"
	$(BIN)/marsad stats --db $(DB)
	@echo "── events, oldest first (marsad timeline) ──"
	@$(BIN)/marsad timeline --db $(DB) 2>/dev/null | head -12
	@echo "── one entity across documents (marsad entity org:gpai) ──"
	@$(BIN)/marsad entity org:gpai --db $(DB) | head -12
	@echo "── a question, answered with its citation (marsad ask) ──"
	@$(BIN)/marsad ask "متى انضم المغرب إلى الشراكة العالمية للذكاء الاصطناعي؟" --db $(DB)
	@echo "── one the examples do not answer ──"
	@$(BIN)/marsad ask "متى انضمت مصر إلى الشراكة العالمية للذكاء الاصطناعي؟" --db $(DB)
	@if [ "$(SERVE)" = "1" ]; then echo "Open http://127.0.0.1:$(PORT)/ (make demo SERVE=0 skips the server)"; \
	  $(BIN)/marsad serve --db $(DB) --port $(PORT); fi

test: install
	$(BIN)/python -m pytest -q -n 2 tests

test-all: install
	$(BIN)/python -m pytest -q -n 2 --runslow tests

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache demo.db*
