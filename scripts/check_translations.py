"""Report which .ts messages are still unfinished (run by `make lint`).

Usage: python scripts/check_translations.py assets/translations/*.ts
Exits 1 and lists them when any message is unfinished (what `make lint` checks too): the
app's own selfcheck_vi.ts, selfcheck_en.ts (the English plurals of the strings with a
count) and qtbase_vi.ts, the Vietnamese of Qt's own dialogs.
"""

import sys
import xml.etree.ElementTree as ET


def unfinished(path: str) -> list[tuple[str, str]]:
    tree = ET.parse(path)  # noqa: S314 (our own translation source, not untrusted input)
    out = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                out.append((name, message.findtext("source") or ""))
    return out


if __name__ == "__main__":
    missing = [(path, *message) for path in sys.argv[1:] for message in unfinished(path)]
    for path, context, source in missing:
        print(f"unfinished: {path}: {context}: {source!r}")
    sys.exit(1 if missing else 0)
