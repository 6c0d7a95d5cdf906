"""Write docs/summary.schema.json from the Structs of desktop/core/records/summary_shape.py.

Usage: python scripts/summary_schema.py [--check]
After changing the summary's structure, run it and commit the file; tests/test_summary_shape.py
fails while the committed schema differs. With --check it only says whether it does (exit 1).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.records.summary_schema import text  # noqa: E402

SCHEMA = ROOT / "docs" / "summary.schema.json"

if __name__ == "__main__":
    current = text()
    if "--check" in sys.argv[1:]:
        same = SCHEMA.read_text("utf-8") == current
        print(f"{SCHEMA.relative_to(ROOT)} is {'up to date' if same else 'out of date'}")
        sys.exit(0 if same else 1)
    SCHEMA.write_text(current, "utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
