"""zxcvbn's English feedback in the user's language (crack times are the core's words)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Every message zxcvbn 4.5 can give (zxcvbn/feedback.py), marked for translation.
MESSAGES = (
    QT_TRANSLATE_NOOP("zxcvbn", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Add another word or two. Uncommon words are better."),
    QT_TRANSLATE_NOOP("zxcvbn", "All-uppercase is almost as easy to guess as all-lowercase."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid dates and years that are associated with you."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid recent years."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid repeated words and characters."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid sequences."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid years that are associated with you."),
    QT_TRANSLATE_NOOP("zxcvbn", "Capitalization doesn't help very much."),
    QT_TRANSLATE_NOOP("zxcvbn", "Common names and surnames are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "No need for symbols, digits, or uppercase letters."),
    QT_TRANSLATE_NOOP(
        "zxcvbn", "Predictable substitutions like '@' instead of 'a' don't help very much."
    ),
    QT_TRANSLATE_NOOP("zxcvbn", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP(
        "zxcvbn", 'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'
    ),
    QT_TRANSLATE_NOOP("zxcvbn", "Reversed words aren't much harder to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("zxcvbn", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a very common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("zxcvbn", "Use a few words, avoid common phrases."),
    QT_TRANSLATE_NOOP("zxcvbn", "Use a longer keyboard pattern with more turns."),
)


def feedback(message: str) -> str:
    return QCoreApplication.translate("zxcvbn", message) if message else ""
