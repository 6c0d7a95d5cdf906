"""summary.pdf: read back with poppler's pdftotext, its QR code with zbarimg."""

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desktop.core.base.i18n import Language, show_date
from desktop.core.policy.model import Policy
from desktop.core.records import summary as summary_json
from desktop.report.pdf import qr_payload, render_pdf
from tests.signing_helpers import MemoryKeyring, declare_example
from tests.tools import needs

needs_poppler = needs("pdftotext", "pdffonts")


def _text(pdf: bytes, tmp_path: Path, name: str = "summary.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """pytest-qt's QApplication, made before render_pdf would make a bare QGuiApplication
    of its own (as the command line does), which later widget tests could not use."""


@pytest.fixture(scope="module")
def declared(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    home = tmp_path_factory.mktemp("report-home")
    keychain = MemoryKeyring()
    declare_example(home, "onboarding", keychain)
    return declare_example(home, "annual", keychain)


@needs_poppler
def test_the_pdf_names_the_person_the_verdict_and_the_key_exactly(
    declared, policy: Policy, tmp_path: Path
) -> None:
    text = _text(render_pdf(declared.bundle.summary, policy, "vi"), tmp_path)
    assert "Nguyễn Văn An" in text  # composed Vietnamese, as typed
    assert "Kết luận: Cần khắc phục" in text
    assert declared.summary.signer.fingerprint in text
    assert summary_json.sha256(declared.bundle.summary) in text
    assert "ssh-keygen -Y verify -f allowed_signers -I BNG-08231" in text
    # Changes since the first declaration, item by item; the next due date.
    assert "Thay đổi kể từ bản khai số 1" in text
    assert "Đã khắc phục" in text
    assert declared.summary.next_due
    assert show_date(declared.summary.next_due.date) in text  # dd/mm/yyyy
    # Each finding's provision ids (of the person's own code only), and the fix-it plan.
    assert "BNG-4.3" in text and "Kế hoạch khắc phục" in text
    assert "QN-" not in text


@needs_poppler
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_quang_ninh_official_s_pdf_cites_the_provincial_code_only(
    policy: Policy, tmp_path: Path, language: Language
) -> None:
    from desktop.core.assessment.answers import load_answers
    from desktop.core.assessment.engine import assess
    from tests.conftest import EXAMPLES

    result = assess(policy, load_answers(EXAMPLES / "onboarding.toml", policy))
    built = summary_json.build(result, fingerprint="SHA256:" + "A" * 43, seq=1, prev=None)
    text = _text(render_pdf(summary_json.encode(built), policy, language), tmp_path)
    assert "QN-II.2.a" in text and "874/QĐ-BTTTT" in text
    assert "BNG" not in text and "722/QĐ-BNG" not in text


def _example_pdf_text(policy: Policy, tmp_path: Path, programme: str, change: Any = None) -> str:
    from desktop.core.assessment.answers import load_answers
    from desktop.core.assessment.engine import assess
    from tests.conftest import EXAMPLES

    submission = load_answers(EXAMPLES / f"{programme}.toml", policy)
    if change is not None:
        submission = change(submission)
    built = summary_json.build(
        assess(policy, submission), fingerprint="SHA256:" + "A" * 43, seq=1, prev=None
    )
    return _text(render_pdf(summary_json.encode(built), policy, "vi"), tmp_path)


@needs_poppler
def test_the_pdf_tells_whether_an_empty_list_was_declared(policy: Policy, tmp_path: Path) -> None:
    from dataclasses import replace

    def none_held(sub: Any) -> Any:
        answers = {**sub.answers, "prog-inventory-complete": "none-held"}
        return replace(sub, accounts=(), answers=answers)

    declared = _example_pdf_text(policy, tmp_path, "onboarding", none_held)
    assert "xác nhận không có tài khoản mạng xã hội nào" in declared
    silent = _example_pdf_text(
        policy, tmp_path, "onboarding", lambda sub: replace(sub, accounts=())
    )
    assert "chưa xác nhận là không có tài khoản nào" in silent
    assert "Kết luận: Cần khắc phục" in silent


@needs_poppler
def test_the_pdf_carries_telegram_s_notice(policy: Policy, tmp_path: Path) -> None:
    text = " ".join(_example_pdf_text(policy, tmp_path, "predeployment").split())
    assert "chặn Telegram tại Việt Nam" in text


@needs_poppler
def test_the_pdf_follows_the_language_asked_for(declared, policy: Policy, tmp_path: Path) -> None:
    text = _text(render_pdf(declared.bundle.summary, policy, "en"), tmp_path)
    assert "Verdict: Action required" in text
    assert "Nguyễn Văn An" in text  # the name stays as it is
    assert "Kết luận" not in text


@needs_poppler
def test_fonts_are_embedded_so_vietnamese_survives_any_reader(
    declared, policy: Policy, tmp_path: Path
) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_pdf(declared.bundle.summary, policy))
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "the PDF draws no text"
    for line in fonts:
        assert line.split()[-5] == "yes", line  # the "emb" column


@needs("pdftoppm", "zbarimg")
def test_the_qr_code_on_the_printout_carries_the_summary_hash_and_key(
    declared, policy: Policy, tmp_path: Path
) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_pdf(declared.bundle.summary, policy))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p-*1.png")
    read = subprocess.run(
        ["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, check=False
    )
    assert read.returncode == 0, read.stderr
    sha256 = summary_json.sha256(declared.bundle.summary)
    assert read.stdout.strip() == qr_payload(sha256, declared.summary.signer.fingerprint)


@needs_poppler
def test_a_reviewer_regenerates_the_same_text_from_the_summary_alone(
    declared, policy: Policy, tmp_path: Path
) -> None:
    first = _text(render_pdf(declared.bundle.summary, policy), tmp_path, "a.pdf")
    again = _text(render_pdf(bytes(declared.bundle.summary), policy), tmp_path, "b.pdf")
    assert first == again


@needs_poppler
def test_what_an_official_typed_is_shown_as_text_never_as_markup(
    declared, policy: Policy, tmp_path: Path
) -> None:
    doc = json.loads(declared.bundle.summary)
    doc["person"]["full_name"] = '<img src="file:///etc/passwd"><b>Trần</b>'
    doc["accounts"][0]["handle"] = "</table><h1>x</h1>"
    text = _text(render_pdf(summary_json.encode(doc), policy), tmp_path)
    assert '<img src="file:///etc/passwd"><b>Trần</b>' in text
    assert "</table><h1>x</h1>" in text


def test_a_zip_bundle_carries_the_pdf_and_still_verifies(
    declared, policy: Policy, tmp_path: Path
) -> None:
    import zipfile

    from desktop.core.records import bundle as bundles
    from desktop.report.pdf import with_pdf

    made = with_pdf(declared.bundle, policy)
    path = bundles.stage(made, tmp_path, "BNG-08231-annual", as_zip=True).publish()
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        assert archive.read("BNG-08231-annual/summary.pdf") == made.pdf
    assert names == [
        "BNG-08231-annual/allowed_signers",
        "BNG-08231-annual/summary.json",
        "BNG-08231-annual/summary.json.sig",
        "BNG-08231-annual/summary.pdf",
    ]
    assert bundles.verify_path(path).summary == declared.summary


def test_the_verify_line_is_quoted_and_odd_staff_ids_are_refused(declared) -> None:
    from desktop.report.content import verify_command

    assert "-I BNG-08231 -n" in verify_command("BNG-08231")  # the usual ids need no quotes
    assert "-I 'x$(id)' -n" in verify_command("x$(id)")
    doc = json.loads(declared.bundle.summary)
    doc["person"]["staff_id"] = "x$(id>/tmp/pwn)"
    with pytest.raises(summary_json.SummaryError, match="staff_id"):
        summary_json.decode(summary_json.encode(doc))
