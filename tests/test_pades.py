"""summary.pdf signed as PAdES on a real PKCS#11 token (SoftHSM2), checked by pyHanko's
validator (through SelfCheck's check) and by poppler's pdfsig with the test CA trusted."""

import subprocess
from pathlib import Path

import pytest
from cryptography import x509

from desktop.core.signing.pades import TokenChoice, same_person, sign_pdf
from desktop.core.signing.pades_check import PdfSignatureState, attachments, check_pdf
from desktop.core.signing.token import TokenError, TokenProblem, list_certificates
from desktop.report.pdf import write_pdf
from tests.token_helpers import (
    NAME,
    SECOND_TOKEN,
    Token,
    flip_one_byte,
    needs_token,
    pdfsig,
)
from tests.tools import tool

pytestmark = needs_token


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """pytest-qt's QApplication, made before write_pdf would make a bare QGuiApplication
    (a later test's widgets would then abort the process)."""


SUMMARY = '{"person":{"full_name":"Nguyễn Văn An"}}'.encode()
SIGNATURE = b"-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n"
ATTACHED = {"summary.json": SUMMARY, "summary.json.sig": SIGNATURE}


@pytest.fixture(scope="module")
def plain_pdf() -> bytes:
    return write_pdf("Bản tự đánh giá", lambda document: document.setHtml("<p>Xin chào</p>"))


def sign(token: Token, pdf: bytes, label: str = "official", **choice: str) -> bytes:
    return sign_pdf(
        pdf,
        ATTACHED,
        TokenChoice(token.module, token.label, cert_label=label, **choice),
        token.pin,
        NAME,
    )


def anchors(token: Token) -> list[x509.Certificate]:
    return [token.authority.cert]


def test_signed_pdf_is_valid_for_pyhanko_and_pdfsig_and_one_byte_breaks_both(
    token: Token, nss_db: str, plain_pdf: bytes, tmp_path: Path
) -> None:
    signed = sign(token, plain_pdf)
    good = check_pdf(signed, SUMMARY, SIGNATURE, anchors(token), "nguyen van AN")
    assert good.state == PdfSignatureState.VALID, good.detail
    assert good.line("vi") == "chữ ký số công vụ: hợp lệ"
    assert good.line("en") == "public-service digital signature: valid"
    path = tmp_path / "summary.pdf"
    path.write_bytes(signed)
    said = pdfsig(nss_db, path)
    assert "Signature is Valid." in said, said
    assert "Certificate is Trusted." in said, said
    assert "Total document signed" in said, said

    path.write_bytes(flip_one_byte(signed))
    bad = check_pdf(path.read_bytes(), SUMMARY, SIGNATURE, anchors(token), NAME)
    assert bad.state == PdfSignatureState.INVALID
    assert bad.line("vi").startswith("chữ ký số công vụ: không hợp lệ")
    said = pdfsig(nss_db, path)
    assert "Signature is Valid." not in said, said
    assert "Digest Mismatch" in said or "Invalid" in said, said


def test_the_summary_and_its_signature_travel_inside_the_signed_pdf(
    token: Token, plain_pdf: bytes, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    signed = sign(token, plain_pdf)
    import io

    assert attachments(PdfFileReader(io.BytesIO(signed))) == ATTACHED
    path = tmp_path / "summary.pdf"
    path.write_bytes(signed)
    out = tmp_path / "detached"
    out.mkdir()
    subprocess.run(
        [tool("pdfdetach"), "-saveall", "-o", str(out), str(path)], check=True, timeout=60
    )
    assert (out / "summary.json").read_bytes() == SUMMARY
    assert (out / "summary.json.sig").read_bytes() == SIGNATURE


def test_a_pdf_whose_attached_summary_is_not_the_bundles_is_invalid(
    token: Token, plain_pdf: bytes
) -> None:
    signed = sign(token, plain_pdf)
    other = check_pdf(signed, SUMMARY + b" ", SIGNATURE, anchors(token), NAME)
    assert other.state == PdfSignatureState.INVALID
    assert "summary.json" in other.detail


def test_verification_wants_the_agencys_anchor_and_the_persons_name(
    token: Token, plain_pdf: bytes, tmp_path: Path
) -> None:
    from tests.token_helpers import make_authority

    signed = sign(token, plain_pdf)
    stranger = make_authority(tmp_path, "Some Other Root").cert
    untrusted = check_pdf(signed, SUMMARY, SIGNATURE, [stranger], NAME)
    assert untrusted.state == PdfSignatureState.INVALID
    assert "trust anchors" in untrusted.detail
    someone = check_pdf(signed, SUMMARY, SIGNATURE, anchors(token), "Nguyễn Văn Anh")
    assert someone.state == PdfSignatureState.INVALID
    assert check_pdf(None, SUMMARY, SIGNATURE, anchors(token), NAME).state == (
        PdfSignatureState.NONE
    )
    assert check_pdf(plain_pdf, SUMMARY, SIGNATURE, anchors(token), NAME).state == (
        PdfSignatureState.NONE
    )
    assert check_pdf(b"%PDF-1.4 garbage", SUMMARY, SIGNATURE, [], NAME).state in (
        PdfSignatureState.INVALID,
        PdfSignatureState.NONE,
    )


def test_the_token_lists_its_certificates_with_subject_and_validity(token: Token) -> None:
    found = {c.label: c for c in list_certificates(token.module, token.label, token.pin)}
    assert set(found) == {"official", "expired", "no-non-repudiation", "someone-else"}
    assert found["official"].subject == NAME
    assert found["someone-else"].subject == "Trần Thị Bình"
    assert found["expired"].not_after < found["official"].not_after
    assert found["official"].not_before < found["official"].not_after


@pytest.mark.parametrize(
    ("change", "problem", "words"),
    [
        ({"pin": "0000"}, TokenProblem.WRONG_PIN, "PIN is wrong"),
        ({"token_label": "No such token"}, TokenProblem.NO_TOKEN, "plug the token in"),
        ({"module": "/nonexistent/libtoken.so"}, TokenProblem.NO_MODULE, "was not found"),
        ({"module": "/bin/sh"}, TokenProblem.BAD_MODULE, "not a usable PKCS#11 module"),
        ({"label": "expired"}, TokenProblem.EXPIRED, "expired on"),
        ({"label": "no-non-repudiation"}, TokenProblem.NO_NON_REPUDIATION, "non-repudiation"),
        ({"label": "someone-else"}, TokenProblem.NOT_THE_PERSON, "not to Nguyễn Văn An"),
        ({"label": "nothing"}, TokenProblem.NO_CERTIFICATE, "no certificate"),
        ({"token_label": None}, TokenProblem.SEVERAL_TOKENS, "several USB tokens"),
        ({"token_label": SECOND_TOKEN}, TokenProblem.NO_CERTIFICATE, "no certificate"),
    ],
)
def test_each_refusal_is_one_clear_line_in_both_languages(
    token: Token,
    plain_pdf: bytes,
    change: dict[str, str | None],
    problem: TokenProblem,
    words: str,
) -> None:
    settings = {"module": str(token.module), "token_label": token.label, "label": "official"}
    settings.update(change)
    module, label = settings["module"], settings["label"]
    assert module is not None
    choice = TokenChoice(Path(module), settings["token_label"], label)
    with pytest.raises(TokenError) as raised:
        sign_pdf(plain_pdf, ATTACHED, choice, settings.get("pin") or token.pin, NAME)
    error = raised.value
    assert error.problem == problem
    assert words in str(error)
    for language in ("vi", "en"):
        line = error.message(language)
        assert line and "\n" not in line
    assert token.pin not in str(error) and token.pin not in error.message("vi")


def test_a_locked_token_is_reported_as_locked_not_as_a_wrong_pin(token: Token) -> None:
    # SoftHSM2 never locks its user PIN, so the module's answer is given to the session as
    # a real module would give it.
    import pkcs11

    from desktop.core.signing import token as tokens

    class LockedToken:
        flags = pkcs11.TokenFlag.TOKEN_INITIALIZED
        label = "locked"

        def open(self, **_login: str) -> None:
            raise pkcs11.PinLocked

    class Slot:
        def get_token(self) -> LockedToken:
            return LockedToken()

    class Module:
        def get_slots(self, **_present: bool) -> list[Slot]:
            return [Slot()]

    original = tokens.load_module
    tokens.load_module = lambda module: Module()  # type: ignore[assignment]
    try:
        with pytest.raises(TokenError) as raised, tokens.session(token.module, None, "1"):
            pass
    finally:
        tokens.load_module = original
    assert raised.value.problem == TokenProblem.LOCKED
    assert "locked" in str(raised.value)
    assert "khóa" in raised.value.message("vi")


def test_names_compare_without_diacritics_case_or_spacing() -> None:
    assert same_person("NGUYỄN VĂN AN", "nguyen  van an")
    assert same_person("Đỗ Thị Hà", "do thi ha")
    assert not same_person("Nguyễn Văn Anh", "Nguyễn Văn An")
    assert not same_person("", "")


def test_the_module_list_is_data_and_the_persons_own_comes_first(tmp_path: Path) -> None:
    from desktop.core.signing.token_modules import (
        ModuleListError,
        installed_modules,
        known_modules,
    )

    shipped = known_modules(None, "linux")
    assert any("eToken" in m.name for m in shipped)
    assert any("Bit4id" in m.name for m in shipped)
    assert any("Cơ yếu" in m.name for m in shipped)
    assert all(str(m.path).endswith(".dll") for m in known_modules(None, "win32"))
    own = tmp_path / "pkcs11-modules.toml"
    own.write_text('[[module]]\nname = "Token của Cục"\nlinux = ["/opt/cuc/libtoken.so"]\n')
    mine = known_modules(own, "linux")
    assert mine[0].name == "Token của Cục" and len(mine) == len(shipped) + 1
    assert all(m.path.is_file() for m in installed_modules(own))
    own.write_text('[[module]]\nname = "x"\nlinux = "/not/a/list.so"\n')
    with pytest.raises(ModuleListError, match="item 'x': field 'linux': must be a list"):
        known_modules(own, "linux")
