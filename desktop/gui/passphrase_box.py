"""The key file's passphrase on the Sign page, when there is no usable keychain.

A new key file's passphrase is typed twice and its strength shown as it is typed (zxcvbn,
in the measurer's helper process, as account passwords are). An existing key file's is
typed once. The passphrase lives only in these fields: a wrong one stays there to be
corrected, and it goes when the key is opened or the page is left.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.assessment.checks.password import GOOD_SCORE, crack_time_words
from desktop.core.base.i18n import Language
from desktop.core.signing.keyfile import MIN_PASSPHRASE
from desktop.gui.password_feedback import feedback
from desktop.gui.password_field import PasswordEdit, PasswordMeter
from desktop.gui.session import Session


class PassphraseBox(QWidget):
    """The passphrase field (and, for a new key file, its repetition and strength)."""

    edited = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseBox")
        self.session = session
        self.creating = False  # a new key file: typed twice, strength shown
        self.explain = QLabel(wordWrap=True)
        self.explain.setObjectName("passphraseExplain")
        self.field = PasswordEdit()  # no copy, cut or drag; a pasted one is forgotten
        self.field.setObjectName("passphrase")
        self.again = PasswordEdit()
        self.again.setObjectName("passphraseAgain")
        self.field_label = QLabel()
        self.field_label.setBuddy(self.field)
        self.again_label = QLabel()
        self.again_label.setBuddy(self.again)
        self.meter_text = QLabel(wordWrap=True)
        self.meter_text.setObjectName("passphraseMeter")
        self.meter_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.match = QLabel(wordWrap=True)
        self.match.setObjectName("passphraseMatch")
        self.meter = PasswordMeter(session.measurer, parent=self)
        self.meter.ready.connect(self._measured)
        self.field.textChanged.connect(self._typed)
        self.again.textChanged.connect(self._compare)
        form = QFormLayout()
        form.addRow(self.field_label, self.field)
        form.addRow(self.again_label, self.again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.meter_text)
        layout.addWidget(self.match)
        self.retranslate()

    @property
    def language(self) -> Language:
        return self.session.language.language

    def set_needed(self, needed: bool, creating: bool) -> None:
        """Shown when the key is (to be) kept in a file: a new key file's passphrase is
        typed twice and measured, an existing one's once. The fields themselves are hidden
        too, so that `isHidden()` on each tells whether it is asked."""
        creating = needed and creating
        if creating != self.creating:
            self.clear()
        self.creating = creating
        self.setVisible(needed)
        self.field.setVisible(needed)
        for widget in (self.again, self.again_label, self.meter_text, self.match):
            widget.setVisible(creating)
        self.retranslate()

    def text(self) -> str:
        return self.field.text()

    def problem(self) -> str | None:
        """Why the passphrase cannot be used yet, in the person's words; None if it can."""
        text = self.field.text()
        if not self.creating:
            return None if text else self.tr("Type the passphrase of the key file.")
        if len(text) < MIN_PASSPHRASE:
            return self.tr("The passphrase needs at least %n characters.", "", MIN_PASSPHRASE)
        if self.again.text() != text:
            return self.tr("The two passphrases differ: type the same passphrase twice.")
        return None

    def wrong(self) -> None:
        """The key file refused it: kept, selected, to be corrected or typed again."""
        self.field.setFocus()
        self.field.selectAll()

    def clear(self) -> None:
        self.meter.cancel()
        self.field.clear()
        self.again.clear()
        self.meter_text.clear()
        self.match.clear()

    def set_editable(self, enabled: bool) -> None:
        self.field.setEnabled(enabled)
        self.again.setEnabled(enabled)

    # -- the strength ---------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._compare()
        if not self.creating or not text:
            self.meter.measure("", (), b"")
            return
        passwords = self.session.password_session()
        inputs = passwords.user_inputs if passwords is not None else ()
        self.meter.measure(text, inputs, b"")

    def _measured(self) -> None:
        report, _digest = self.meter.latest
        if report is None or not self.creating:
            self.meter_text.setText("")
            return
        lines = [
            self.tr("Strength %1/4 · %2 characters (at least %3) · guessed in %4")
            .replace("%1", str(report.score))
            .replace("%2", str(report.length))
            .replace("%3", str(MIN_PASSPHRASE))
            .replace("%4", crack_time_words(report.crack_seconds, self.language))
        ]
        if report.score < GOOD_SCORE:
            lines.append(
                self.tr(
                    "⚠ Weak: anyone who copies the key file could guess it. Use a few "
                    "uncommon words."
                )
            )
        if report.warning:
            lines.append(feedback(report.warning))
        lines += [feedback(s) for s in report.suggestions]
        self.meter_text.setText("\n".join(lines))

    def _compare(self) -> None:
        if not self.creating or not self.again.text():
            self.match.setText("")
        elif self.again.text() == self.field.text():
            self.match.setText("✔ " + self.tr("The two passphrases match."))
        else:
            self.match.setText(self.tr("The two passphrases differ."))
        self.edited.emit()

    def retranslate(self) -> None:
        if self.creating:
            self.explain.setText(
                self.tr(
                    "Choose the key file's passphrase, one you will remember, and type it "
                    "twice: it is needed each time you sign, and it cannot be recovered."
                )
            )
        else:
            self.explain.setText(
                self.tr("Type the passphrase you chose when your signing key was made.")
            )
        self.field_label.setText(self.tr("&Passphrase:"))
        self.again_label.setText(self.tr("Type it &again:"))
        self.field.setPlaceholderText(
            self.tr("at least %n characters", "", MIN_PASSPHRASE) if self.creating else ""
        )
        self.field.setAccessibleName(self.tr("Passphrase of the key file"))
        self.again.setAccessibleName(self.tr("The passphrase again"))
        if self.meter_text.text():
            self._measured()
        self._compare()
