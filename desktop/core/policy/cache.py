"""The validated policy kept between runs, so that the desktop app starts without parsing.

An entry is used only for the very checklist bytes read at this start (its key is their
SHA-256, with this cache's format and the app's version) and is plain JSON read by
`desktop.core.policy.plain`, which builds nothing but the policy's own classes. Anything
else (a missing, damaged, foreign or outdated file) is ignored and the checklists are
parsed as always. A cache can still be edited by whoever can write the user's files, so
the app checks an entry against a fresh parse before the policy is used for anything
it records (desktop.gui.policy_check).
"""

import hashlib
import json
import os
from pathlib import Path

from desktop import __version__
from desktop.core.base import reading
from desktop.core.policy.files import Checklists
from desktop.core.policy.model import Policy
from desktop.core.policy.plain import PlainDataError, from_plain, to_plain

FILE = "policy.json"
FORMAT = "selfcheck-policy-cache"
VERSION = 1
MAX_BYTES = 16 * 1024 * 1024


def entry_key(checklists: Checklists) -> str:
    """What an entry must name to be used for these checklists."""
    header = f"{FORMAT} {VERSION} {__version__}\n".encode()
    return hashlib.sha256(header + checklists.digest().encode()).hexdigest()


def cached_policy(checklists: Checklists, folder: Path) -> Policy | None:
    """The policy kept for exactly these checklists, or None."""
    try:
        raw = reading.read_bounded(folder / FILE, MAX_BYTES, follow=False)
        doc = json.loads(raw)
        if (
            not isinstance(doc, dict)
            or doc.get("format") != FORMAT
            or doc.get("version") != VERSION
            or doc.get("key") != entry_key(checklists)
        ):
            return None
        return from_plain(doc.get("policy"))
    except (OSError, ValueError, RecursionError):  # PlainDataError and bad JSON are ValueErrors
        return None


def store_policy(checklists: Checklists, policy: Policy, folder: Path) -> None:
    """Keep `policy` as the entry for `checklists`, replacing any other (0600, atomic)."""
    from desktop.core.base.atomic import write_atomic  # tempfile: not needed to read
    from desktop.core.base.folders import private_folder

    try:
        plain = to_plain(policy)
    except PlainDataError:
        return  # a model this cache cannot write: the next start parses, as without a cache
    doc = {"format": FORMAT, "version": VERSION, "key": entry_key(checklists), "policy": plain}
    private_folder(folder)
    os.chmod(folder, 0o700)
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    write_atomic(folder / FILE, data, mode=0o600)
