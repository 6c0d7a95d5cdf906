"""What a signed summary shows of an account's handle: an e-mail address or a phone
number is masked ("n***@gmail.com", "09******12"), anything else is kept as typed.

A summary is handed to a reviewer and kept for years; the handle is there to tell the
accounts apart, not to contact the person. Masking is done when the summary is built
(and when accounts are matched between declarations, so older unmasked summaries still
match newer masked ones)."""

from desktop.core.assessment.checks.phone import is_phone_number

_SHOWN_DIGITS = 2  # at each end of a phone number


def masked_handle(handle: str) -> str:
    """`handle` with an e-mail address's local part or a phone number's middle digits
    replaced by stars; any other handle unchanged. Masking a masked handle changes
    nothing."""
    text = handle.strip()
    local, at, domain = text.rpartition("@")
    if at and local and "." in domain.strip("."):
        return f"{local[0]}***@{domain}"
    if is_phone_number(text):
        digits = "".join(ch for ch in text if ch.isdigit())
        plus = "+" if text.startswith("+") else ""
        hidden = len(digits) - 2 * _SHOWN_DIGITS
        return f"{plus}{digits[:_SHOWN_DIGITS]}{'*' * hidden}{digits[-_SHOWN_DIGITS:]}"
    return handle
