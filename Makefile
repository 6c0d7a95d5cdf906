# The README's two commands: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

LINTED := desktop tests scripts bench packaging build.spec
QM     := $(patsubst %.ts,%.qm,$(wildcard assets/translations/*.ts))

.PHONY: run test test-long test-frozen build build-onefile icons lint format translations update-translations pack \
	screenshots walk bench bench-bundle clean

# System packages come first: Qt's own tools (lrelease) need some of them too.
run: $(VENV)/.installed
	@scripts/system-packages.sh run || echo "make run: some system libraries are missing; the app may not start" >&2
	$(MAKE) --no-print-directory translations
	$(PY) -m desktop

test: $(VENV)/.installed-test
	scripts/system-packages.sh test
	$(MAKE) --no-print-directory translations lint
	scripts/run-tests.sh -n auto --dist loadfile

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/check_structure.py
	$(VENV)/bin/vulture desktop tests scripts bench --min-confidence 60
	$(PY) -m desktop lint-checklists --quiet
	$(PY) scripts/check_translations.py assets/translations/*.ts

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format $(LINTED)
	$(VENV)/bin/ruff check --fix $(LINTED)

# Compiled translations are built, not committed.
translations: $(QM)

assets/translations/%.qm: assets/translations/%.ts $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Sign the built-in checklists as the reference pack (docs/security.md): the next version,
# valid a year, with the release key given from outside (never in the repository):
#   make pack RELEASE_KEY=/path/to/release_ed25519
pack: $(VENV)/.installed
	@test -n "$(RELEASE_KEY)" || { echo "make pack: give RELEASE_KEY=/path/to/openssh-ed25519-key" >&2; exit 2; }
	$(PY) -m desktop pack build checklists --in-place --signing-key "$(RELEASE_KEY)"
	ssh-keygen -Y verify -f assets/keys/policy_signers -I bng -n selfcheck-policy-v1 \
		-s checklists/pack.json.sig < checklists/pack.json

# After changing visible strings in desktop/gui: extract them, then translate the .ts.
update-translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -no-obsolete desktop/gui/*.py desktop/gui/pages/*.py -ts assets/translations/selfcheck_vi.ts
	$(VENV)/bin/pyside6-lupdate -no-obsolete -pluralonly desktop/gui/*.py desktop/gui/pages/*.py -ts assets/translations/selfcheck_en.ts

# PNGs of every screen in both languages, under a private X server, for looking at.
screenshots: $(VENV)/.installed translations
	scripts/system-packages.sh test
	xvfb-run --auto-servernum --server-args="-screen 0 1280x1024x24" $(PY) scripts/screenshots.py docs/screenshots
	# The small screens of office laptops: each window as the app fits it there.
	for size in 1024x600 1366x768@150; do \
	  xvfb-run --auto-servernum --server-args="-screen 0 $${size%@*}x24" \
	    $(PY) scripts/screenshots.py --size $$size docs/screenshots || exit 1; \
	done

# The three programmes walked from the start screen to the end screen, in both languages, on
# both small screens; each page checked and saved as a PNG in build/walk/ (not committed).
walk: $(VENV)/.installed-test translations
	scripts/system-packages.sh test
	@status=0; for size in 1024x600 1366x768@150; do \
	  xvfb-run --auto-servernum --server-args="-screen 0 $${size%@*}x24" \
	    $(PY) scripts/walk.py --size $$size build/walk || status=1; \
	done; exit $$status

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "SelfCheck needs Python 3.11 or newer (Debian 12, Ubuntu 24.04 or later); set PYTHON=python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV) || { scripts/system-packages.sh venv && $(PYTHON) -m venv $(VENV); }
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

# A longer crash loop: 1,000 SIGKILLs of the save path (make test runs 100), 5-7 minutes.
test-long: $(VENV)/.installed-test
	scripts/system-packages.sh test
	$(MAKE) --no-print-directory translations
	SELFCHECK_CRASH_KILLS=1000 scripts/run-tests.sh -s tests/test_crash.py

# The test environment also has the build tools: `make test` smoke-tests a frozen build.
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,dev,build]'
	touch $@

# The frozen app (build.spec): dist/selfcheck/selfcheck, one folder to hand out.
build: $(VENV)/.installed-test
	scripts/system-packages.sh build
	$(MAKE) --no-print-directory translations
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@echo "Built dist/selfcheck/ (run dist/selfcheck/selfcheck --self-test)"

# One file instead (dist/onefile/selfcheck): simpler to copy, about 0.5 s slower to start.
build-onefile: $(VENV)/.installed-test
	scripts/system-packages.sh build
	$(MAKE) --no-print-directory translations
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist/onefile \
	  build.spec -- --onefile

# The smoke tests against dist/ as built by `make build` (make test builds its own copy).
test-frozen: build
	scripts/system-packages.sh test
	SELFCHECK_FROZEN_APP=$(CURDIR)/dist/selfcheck/selfcheck scripts/run-tests.sh tests/test_frozen.py

# After changing assets/icons/selfcheck.svg: the PNGs at every size, to commit.
icons: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) scripts/make-icons.py

# Speed goals: ratios against a bare PySide6 window measured in the same run (not tests).
bench: $(VENV)/.installed translations
	scripts/system-packages.sh test
	xvfb-run --auto-servernum $(PY) bench/startup.py
	xvfb-run --auto-servernum $(PY) bench/typing.py
	xvfb-run --auto-servernum $(PY) bench/stall.py

# Frozen app against a bare frozen PySide6 window: size and start-up (builds both).
bench-bundle: $(VENV)/.installed-test translations
	scripts/system-packages.sh test
	scripts/in-session.sh $(PY) bench/bundle.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache assets/translations/*.qm
