# Two commands on a fresh machine: `make site` builds the site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-fast serve check schema bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# An editable install leaves our own modules uncompiled; where PYTHONDONTWRITEBYTECODE
	@# is set, every build would compile them again.
	$(BIN)/python -m compileall -q src plugins
	touch $@

site: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/python -m pytest

# Everything but the browser and the whole builds: under a minute, for the edit-test loop.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not build"

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/elearn check

schema: $(STAMP)
	$(BIN)/elearn schema

bench: $(STAMP)
	$(BIN)/python bench/run.py --questions 1000 10000 --runs 5

clean:
	rm -rf site $(VENV) .pytest_cache
