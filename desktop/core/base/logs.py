"""The support log: a small private file in the data folder, and a filter that keeps
passwords and other secrets out of it.

Nothing is logged in normal use. The command line and the desktop app write here only
when something goes wrong that the person cannot fix, so that whoever supports them can
read what happened. A typed password must never reach this file (docs/security.md), so
every record passes `SecretFilter` first.
"""

import logging
import os
import re
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from desktop.core.base.text import fold

LOGGER: Final = "selfcheck"  # modules log to "selfcheck.<part>"
WITHHELD: Final = "[withheld]"
LOG_NAME: Final = "selfcheck.log"
MAX_BYTES: Final = 256 * 1024  # enough for a few tracebacks; three files at most
BACKUPS: Final = 2

T = TypeVar("T")


class Secret(Generic[T]):
    """A value that must never be shown: str, repr and format give "[withheld]".

    Wrap a password or passphrase before it goes near a message, an exception or a log
    call; `reveal()` is the one, greppable, way to get it back."""

    __slots__ = ("_value",)

    def __init__(self, value: T) -> None:
        self._value = value

    def reveal(self) -> T:
        return self._value

    def __str__(self) -> str:
        return WITHHELD

    def __repr__(self) -> str:
        return WITHHELD

    def __format__(self, spec: str) -> str:
        return WITHHELD

    def __reduce__(self) -> Any:  # pickling is a way out of the process: refuse it
        raise TypeError("a Secret cannot be pickled")


# The names of secret fields, on folded text ("Mật khẩu" -> "mat khau"): the idea of
# answers_file.SECRET_KEY, but searched inside longer names too ("new_password",
# "keyPassphrase"). Short words only count as whole words, so "spinner" stays visible.
_SECRET_NAME = re.compile(
    r"pass(?:word|wd|phrase|code)|pwd|mat[ _.-]?khau|secret"
    r"|(?<![a-z0-9])(?:pass|otp|pin)(?![a-z0-9])"
)
# "name=value", "name: value", "'name': 'value'" in a finished message or a traceback.
# Matched on the raw text (folding would move the offsets), so Vietnamese is spelled out.
_ASSIGNED = re.compile(
    r"(?<![\w.-])(?P<name>[\w.-]*(?:pass(?:word|wd|phrase|code)|pwd|m[aậ]t[ _.-]?kh[aẩ]u|secret)"
    r"[\w.-]*|(?:[\w.-]*[_.-])?(?:pass|otp|pin)(?:[_.-][\w.-]*)?)"
    r"(?P<sep>['\"]?[ \t]*(?:[:=]|\bis\b)[ \t]*)"
    # A quoted value to its closing quote (escapes included); anything else, or a quote
    # never closed, to the end of the line: a passphrase has spaces, and hiding too much
    # is the safe way to be wrong.
    r"(?P<value>\[withheld\](?=[\s,;)}\]]|$)|'(?:[^'\\\n]|\\.)*'(?=[\s,;)}\]]|$)"
    r"|\"(?:[^\"\\\n]|\\.)*\"(?=[\s,;)}\]]|$)|[^\n]+)",
    re.IGNORECASE,
)
# A %-style placeholder, as LogRecord.getMessage() reads them.
_PLACEHOLDER = re.compile(
    r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)
_LABEL = re.compile(r"[\w.-]+\s*[:=]\s*['\"]?$")  # "password=" just before a placeholder
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}


def looks_secret(name: str) -> bool:
    """Whether a field called `name` would hold a password or another secret."""
    return _SECRET_NAME.search(fold(name)) is not None


def redact(text: str) -> str:
    """`text` with the value of every secret-looking "name=value" replaced."""
    return _ASSIGNED.sub(
        lambda m: m["name"] + m["sep"] + WITHHELD if m["value"] != WITHHELD else m[0], text
    )


def _safe(name: str, value: object) -> object:
    return WITHHELD if isinstance(value, Secret) or looks_secret(name) else value


def _tuple_args(message: str, args: tuple[object, ...]) -> tuple[object, ...]:
    """Withhold each argument whose placeholder has a secret's name in the text on either
    side of it ("password %s", "%s is the password"), up to the next placeholder or that
    placeholder's own label ("account=%s password=%s" shows the account)."""
    slots = [m for m in _PLACEHOLDER.finditer(message) if m[0] != "%%"]
    if any("*" in m[0] for m in slots):
        return tuple(WITHHELD for _ in args)  # widths taken from args: no safe pairing
    out = list(args)
    ends = [0, *(m.end() for m in slots)]  # where the text before each placeholder starts
    starts = [*(m.start() for m in slots[1:]), len(message)]  # ... and after it ends
    for index, slot in enumerate(slots[: len(out)]):
        before = message[ends[index] : slot.start()]
        after = message[slot.end() : starts[index]]
        if index + 1 < len(slots):
            after = _LABEL.sub("", after)
        if looks_secret(before) or looks_secret(after):
            out[index] = WITHHELD
    return tuple(WITHHELD if isinstance(a, Secret) else a for a in out)


class SecretFilter(logging.Filter):
    """Refuses to print a password field: rewrites each record with the values of
    secret-looking fields (in args, `extra` or the message itself) and of `Secret`s
    replaced by "[withheld]". A record it cannot rewrite is dropped, never printed as is."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            args = record.args
            if isinstance(args, Mapping):
                record.args = {k: _safe(str(k), v) for k, v in args.items()}
            elif isinstance(args, tuple) and args:
                record.args = _tuple_args(str(record.msg), args)
            record.msg, record.args = redact(record.getMessage()), None
            for name in set(record.__dict__) - _STANDARD:
                setattr(record, name, _safe(name, getattr(record, name)))
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None  # only the redacted text below may be printed
            if record.exc_text:
                record.exc_text = redact(record.exc_text)
            if record.stack_info:
                record.stack_info = redact(record.stack_info)
        except Exception:
            return False  # better no line than a line that might hold the secret
        return True


class _Formatter(logging.Formatter):
    """The usual line, then the `extra` fields as name=value (already filtered)."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = sorted(set(record.__dict__) - _STANDARD)
        if not extras:
            return line
        head, newline, rest = line.partition("\n")
        fields = " ".join(f"{name}={getattr(record, name)}" for name in extras)
        return f"{head} [{fields}]{newline}{rest}"


class _PrivateFileHandler(RotatingFileHandler):
    """Opens each log file (the first and every one after a rollover) as 0600, and stays
    silent when it cannot write: logging must never make the app fail or print."""

    def _open(self) -> Any:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # an older file made with a looser mode
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        pass


_handler: _PrivateFileHandler | None = None


def log_path() -> Path:
    """Where the log is (or would be) written: `logs/selfcheck.log` in the data folder."""
    from desktop.core.base.paths import data_home

    return data_home() / "logs" / LOG_NAME


def configure() -> Path | None:
    """Send the "selfcheck" loggers to the private log file; returns its path, or None when
    it cannot be written (then nothing is logged anywhere). Calling it again is cheap; a
    changed data folder (SELFCHECK_HOME in tests) gets a handler of its own."""
    from desktop.core.base.folders import private_folder

    global _handler
    logger = logging.getLogger(LOGGER)
    logger.propagate = False  # never to the root logger's handlers, filtered or not
    logger.setLevel(logging.INFO)
    try:
        path = log_path()
        if _handler is not None and Path(_handler.baseFilename) == path and path.exists():
            return path
        private_folder(path.parent)
        os.chmod(path.parent, 0o700)
        handler = _PrivateFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except Exception:
        handler = None
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    _handler = handler
    if handler is None:
        # Without any handler, logging's last resort would print to stderr, unfiltered.
        logger.addHandler(logging.NullHandler())
        return None
    handler.addFilter(SecretFilter())
    handler.setFormatter(_Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path
