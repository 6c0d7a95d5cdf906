"""allowed_signers lines as ssh-keygen reads them."""

from datetime import UTC, datetime

import pytest

from desktop.core.signing.allowed_signers import AllowedSignersError, _parse_time, parse, parse_line

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBmVpE4vpz2ry7aAYz2TzxeEJ0N9hZ5jjLI2TfrPx0Mj"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20241111Z", datetime(2024, 11, 11, tzinfo=UTC)),
        ("202401011230Z", datetime(2024, 1, 1, 12, 30, tzinfo=UTC)),
        ("20240101123045Z", datetime(2024, 1, 1, 12, 30, 45, tzinfo=UTC)),
    ],
)
def test_times_are_read_by_their_length(text: str, expected: datetime) -> None:
    assert _parse_time(text) == expected


@pytest.mark.parametrize("bad", ["2024", "20241301", "2024-01-01", "x" * 8, "202401011"])
def test_bad_times_are_refused(bad: str) -> None:
    with pytest.raises(AllowedSignersError):
        _parse_time(bad)


def test_line_round_trip() -> None:
    entry = parse_line(f'a@x,b@x namespaces="selfcheck-summary-v1",valid-after=20260101Z {KEY} c')
    assert entry is not None
    assert entry.principals == ("a@x", "b@x")
    assert entry.namespaces == ("selfcheck-summary-v1",)
    assert parse_line(entry.line()) == entry


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (f"x cert-authority {KEY}", "certificate authorities"),
        (f"x colour=red {KEY}", "unknown option"),
        ("x ssh-ed25519 !!!", "base64"),
        ('x namespaces="a"', "no public key"),
    ],
)
def test_unreadable_lines_are_refused_with_their_number(line: str, message: str) -> None:
    with pytest.raises(AllowedSignersError, match=f"line 2: .*{message}"):
        parse(f"# comment\n{line}\n")


def test_keys_of_other_types_are_skipped() -> None:
    assert parse("x ssh-rsa AAAAB3NzaC1yc2E\ny ecdsa-sha2-nistp256 AAAAE2VjZHNh\n") == []
