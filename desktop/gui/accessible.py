"""Accessible names: what a screen reader says for a control.

Qt names a button by its text, and a field by the label whose buddy it is only when the
two are siblings; a field inside a row widget, a list, or a reason box has no name unless
it is given one. tests/test_gui_forms.py walks every page and window for controls left
without one."""

import re
from html import unescape

from PySide6.QtWidgets import QWidget

_TAG = re.compile(r"<[^>]*>")


def spoken(text: str) -> str:
    """A label's text as it is read out: no mnemonic '&', no markup, no closing colon.
    Rich text has no mnemonic: its entities ("&#x27;", "&amp;") are read as characters."""
    if _TAG.search(text):
        text = unescape(_TAG.sub("", text))
    else:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":").strip()


def name(widget: QWidget, text: str) -> None:
    widget.setAccessibleName(spoken(text))
