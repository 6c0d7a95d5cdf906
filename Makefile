# The README's two commands: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

QM     := $(patsubst %.ts,%.qm,$(wildcard assets/translations/*.ts))

.PHONY: run test lint format translations update-translations screenshots bench clean

# System packages come first: Qt's own tools (lrelease) need some of them too.
run: $(VENV)/.installed
	@scripts/system-packages.sh run || echo "make run: some system libraries are missing; the app may not start" >&2
	$(MAKE) --no-print-directory translations
	$(PY) -m desktop

test: $(VENV)/.installed-test
	scripts/system-packages.sh test
	$(MAKE) --no-print-directory translations lint
	scripts/run-tests.sh

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check desktop tests scripts bench
	$(VENV)/bin/ruff format --check desktop tests scripts bench
	$(VENV)/bin/mypy
	$(PY) -m desktop lint-checklists --quiet
	$(PY) scripts/check_translations.py assets/translations/selfcheck_vi.ts

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format desktop tests scripts bench
	$(VENV)/bin/ruff check --fix desktop tests scripts bench

# Compiled translations are built, not committed.
translations: $(QM)

assets/translations/%.qm: assets/translations/%.ts $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing visible strings in desktop/gui: extract them, then translate the .ts.
update-translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -no-obsolete desktop/gui/*.py desktop/gui/pages/*.py -ts assets/translations/selfcheck_vi.ts

# PNGs of every screen in both languages, under a private X server, for looking at.
screenshots: $(VENV)/.installed translations
	scripts/system-packages.sh test
	xvfb-run --auto-servernum --server-args="-screen 0 1280x1024x24" $(PY) scripts/screenshots.py docs/screenshots

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "SelfCheck needs Python 3.11 or newer (Debian 12, Ubuntu 24.04 or later); set PYTHON=python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV) || { scripts/system-packages.sh venv && $(PYTHON) -m venv $(VENV); }
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $@

# Speed goals: ratios against a bare PySide6 window measured in the same run (not tests).
bench: $(VENV)/.installed translations
	scripts/system-packages.sh test
	xvfb-run --auto-servernum $(PY) bench/startup.py
	xvfb-run --auto-servernum $(PY) bench/typing.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache assets/translations/*.qm
