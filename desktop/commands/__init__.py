"""The `selfcheck` subcommands, one module per concern; `desktop.cli` parses and dispatches."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
