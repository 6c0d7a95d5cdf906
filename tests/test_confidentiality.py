"""Issue 16, item 3: what a summary and its documents show, and what the app leaves behind.

Bidirectional controls in the PDFs. (Core dumps, folder modes and masked handles: below.)"""

import copy
import json
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.policy.model import Policy
from desktop.core.records import bundle as bundles
from desktop.core.records import summary as summary_json
from desktop.core.review.roster import enrol, new_roster
from desktop.core.review.scan import review
from desktop.core.signing.sshsig import PublicKey
from tests.signing_helpers import MemoryKeyring, declare_example
from tests.tools import needs

# Every bidirectional control the issue names: embeddings and overrides, isolates, marks.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("template")
    return json.loads(declare_example(home, "annual", MemoryKeyring()).bundle.summary)


def _pdftotext(pdf: bytes, folder: Path) -> str:
    path = folder / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _hostile(template: dict[str, Any]) -> dict[str, Any]:
    """A summary whose name, unit and handle carry every bidirectional control."""
    doc = copy.deepcopy(template)
    doc["person"]["full_name"] = "Nguyễn Văn \u202eAn gnoV\u202c " + BIDI
    doc["person"]["unit"] = "Vụ \u2067Thông tin\u2069 " + BIDI
    doc["accounts"][0]["handle"] = "an.nguyen\u202e" + BIDI
    return doc


def _assert_escaped(text: str) -> None:
    assert not set(BIDI) & set(text), "a bidirectional control reached the page"
    for ch in BIDI:  # each written out as the command line writes it
        assert f"\\u{ord(ch):04x}" in text.replace("\n", "")
    assert "Nguyễn Văn" in text


@needs("pdftotext")
def test_bidi_controls_are_escaped_in_the_summary_pdf(
    qapp: object, template: dict[str, Any], policy: Policy, tmp_path: Path
) -> None:
    from desktop.report.pdf import render_pdf

    data = summary_json.encode(_hostile(template))
    for language in ("vi", "en"):
        text = _pdftotext(render_pdf(data, policy, language), tmp_path)
        _assert_escaped(text)
        assert "an.nguyen\\u202e" in text


@needs("pdftotext")
def test_bidi_controls_are_escaped_in_the_unit_pdf(
    qapp: object, template: dict[str, Any], policy: Policy, tmp_path: Path
) -> None:
    from desktop.report.unit import unit_pdf

    key = Ed25519PrivateKey.generate()
    doc = _hostile(template)
    doc["person"]["staff_id"] = "BNG-1"
    doc["signer"]["fingerprint"] = PublicKey.of(key).fingerprint
    doc.update(seq=1, prev=None)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    made = bundles.make(summary_json.encode(doc), key, "BNG-1")
    bundles.stage(made, inbox, "BNG-1-1").publish()
    roster = enrol(new_roster(tmp_path / "roster.toml"), "BNG-1", PublicKey.of(key))
    report = review(inbox, roster, {}, date(2026, 11, 23))
    text = _pdftotext(unit_pdf(report, policy, "vi", date(2026, 11, 23)), tmp_path)
    _assert_escaped(text)
