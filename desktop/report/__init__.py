"""The printable summary: a PDF made from a signed summary.json alone."""
