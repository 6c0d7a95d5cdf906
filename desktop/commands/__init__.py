"""The `selfcheck` subcommands, one module per concern; `desktop.cli` parses and dispatches."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """`1 file`, `2 files`, `0 files`: English as the command line prints a count."""
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"
