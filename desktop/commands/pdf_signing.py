"""`selfcheck assess --pdf-sign pkcs11`: summary.pdf signed as PAdES on a USB token.

The PIN is read from the file named (a pipe does too), handed to the token, and kept
nowhere: not in the bundle, the history, a log or an error message.
"""

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path

from desktop.core.base import reading
from desktop.core.base.errors import SelfCheckError
from desktop.core.records.bundle import SIGNATURE, SUMMARY, Bundle
from desktop.core.signing.pades import TokenChoice, sign_pdf

MAX_PIN_FILE = 4 * 1024  # only the first line is the PIN


def read_pin(path: Path) -> str:
    try:
        raw = reading.read_bounded(path, MAX_PIN_FILE, follow=True, pipe=True)
        lines = raw.decode("utf-8").splitlines()
    except reading.RefusedFileError as exc:
        raise SelfCheckError(f"{path}: the PIN file {exc.strerror}") from None
    except UnicodeDecodeError:
        raise SelfCheckError(f"{path}: the PIN file is not UTF-8 text") from None
    if not lines or not lines[0]:
        raise SelfCheckError(f"{path}: the PIN file is empty")
    return lines[0]


def pdf_signer(args: argparse.Namespace, person_name: str) -> Callable[[Bundle], Bundle] | None:
    """What signs the bundle's PDF on the token, or None when no token signature is asked.

    Checked before anything is assessed or signed: a wrong option is a usage error."""
    if args.pdf_sign is None:
        return None
    if args.no_pdf:
        raise SelfCheckError("--pdf-sign signs summary.pdf: it cannot go with --no-pdf")
    if args.pkcs11_lib is None or args.pin_file is None:
        raise SelfCheckError("--pdf-sign pkcs11 needs --pkcs11-lib and --pin-file")
    choice = TokenChoice(args.pkcs11_lib, args.token_label, args.cert_label, args.timestamp_url)
    # Read once, before anything is signed: a pipe (`--pin-file <(…)`) can be read only
    # once, and an unreadable file must fail before the declaration is made.
    pin = read_pin(args.pin_file)

    def sign(bundle: Bundle) -> Bundle:
        assert bundle.pdf is not None
        attached = {SUMMARY: bundle.summary, SIGNATURE: bundle.signature}
        signed = sign_pdf(bundle.pdf, attached, choice, pin, person_name)
        return dataclasses.replace(bundle, pdf=signed)

    return sign
