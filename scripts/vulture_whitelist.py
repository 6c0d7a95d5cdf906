"""Names vulture (`make lint`'s dead-code check) cannot see used, each with the reason.

Read by vulture only, as `vulture --make-whitelist` writes them: a name mentioned here
counts as used. Never imported.
"""
# ruff: noqa: B018, F821
# mypy: ignore-errors

# Called by the standard library, not by us.
_.spec  # Secret.__format__'s format spec: a withheld secret ignores it on purpose
_._open  # logging's RotatingFileHandler opens its file through it
_.handleError  # logging calls it when a record cannot be written
_._finish  # registered with atexit

# Enum members named by the checklists' TOML, never spelled in the code.
_.CONTEXT  # ProvisionKind
_.RECOVERY  # GuideTopic
_.VERIFICATION
_.LOGIN_ALERTS
_.COMMENT_MODERATION
_.ON_ENROLMENT  # DueKind
_.PREDEPLOYMENT  # audience.ProgrammeId, decoded from summaries
_.RETURNED  # countersign.Decision, read from the accepted-declarations file

# Policy data read from the checklists and kept with the policy (docs/checklist-format.md),
# checked at load, not shown yet.
_.reference  # Source
_.help  # Item
_.help_url  # Platform

# Parameter names of the keyring Protocol: the signature is the contract.
_.service
_.username

_.ExceptHook  # a type alias for annotations, under TYPE_CHECKING
_.QCloseEvent  # imported under TYPE_CHECKING for a quoted annotation
# Problem members made by value from review.policy.PolicyProblem (Problem(kind.value)).
_.UNSIGNED_POLICY
_.POLICY_NOT_ACCEPTED
_.MODIFIED_POLICY
_.EXPIRED_POLICY
_.MESSAGES  # strings marked for Qt's translation tools (QT_TRANSLATE_NOOP), read by lupdate

# pytest's names: fixtures asked for by parameter, module-level hooks and markers.
_.qapp
_.pytest_plugins
_.pytest_configure
_.pytest_runtest_setup
_.pytest_runtest_teardown
_.pytestmark
_._qt_application
_.tasks_at_once
_.in_hanoi
_.widgets_app
_.real_tasks
_.optionxform  # configparser's hook: keep keys' case
_.tempdir  # tempfile's module-level setting, patched in a test

# Called by http.server: the loopback timestamp server of tests/test_pades_timestamp.py.
_.do_POST
_.log_message
