"""The public-service (PAdES) signature of each person's latest summary.pdf in a review:
checked against the roster's trust anchors and the roster's name for the person, shown
in the review, its CSV and the unit PDF as "chữ ký số công vụ: hợp lệ / không hợp lệ /
không có"."""

from collections.abc import Iterator
from pathlib import Path

from cryptography import x509

from desktop.core.records.bundle import BundleError, read
from desktop.core.records.bundle_pdf import check_bundle_pdf, load_anchors
from desktop.core.review.roster import Roster
from desktop.core.review.scan import Report, csv_rows
from desktop.core.signing.pades_check import PdfSignatureCheck, PdfSignatureState

CSV_COLUMN = "public_signature"


def check_latest(report: Report, roster: Roster) -> dict[str, PdfSignatureCheck]:
    """Per person with a declaration, the state of its PDF's public-service signature."""
    anchors = load_anchors(list(roster.trust_anchors))
    staff = roster.members()
    checks: dict[str, PdfSignatureCheck] = {}
    for row in report.rows:
        if row.latest is None:
            continue
        listed = staff.get(row.staff_id)
        # The roster's name for the person; the declared one when the roster has none.
        name = (listed.name if listed else None) or row.latest.name
        checks[row.staff_id] = _check(row.latest.path, anchors, name)
    return checks


def _check(path: Path, anchors: list[x509.Certificate], name: str) -> PdfSignatureCheck:
    try:
        bundle = read(path, own_signers=False)
    except (BundleError, OSError) as exc:
        return PdfSignatureCheck(PdfSignatureState.INVALID, f"cannot be read ({exc})")
    return check_bundle_pdf(path, bundle, anchors, name)


def any_invalid(checks: dict[str, PdfSignatureCheck]) -> bool:
    return any(c.state == PdfSignatureState.INVALID for c in checks.values())


def csv_rows_with_signatures(
    report: Report, checks: dict[str, PdfSignatureCheck]
) -> Iterator[list[str]]:
    """The review's CSV rows with one more column: the PDF signature's state (English
    word, with the reason when invalid)."""
    rows = csv_rows(report)
    yield [*next(rows), CSV_COLUMN]
    for index, cells in enumerate(rows):
        people = report.rows
        check = checks.get(people[index].staff_id) if index < len(people) else None
        if check is None:
            yield [*cells, ""]
        else:
            detail = f" ({check.detail})" if check.detail else ""
            text = f"{check.state.value}{detail}"  # starts with a word: never a formula
            yield [*cells, "".join(c if c.isprintable() else " " for c in text)]


def csv_bytes_with_signatures(report: Report, checks: dict[str, PdfSignatureCheck]) -> bytes:
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows_with_signatures(report, checks))
    return buffer.getvalue().encode("utf-8-sig")
