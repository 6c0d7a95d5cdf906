"""One page per account: its details with live checks, the password meter, its items."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout

from desktop.core.assessment.checks.password import crack_time_words
from desktop.core.assessment.flow import MEASURED_INSTEAD, Step
from desktop.gui.carried import CarriedNote
from desktop.gui.item_widget import ItemWidget
from desktop.gui.pages.base import WizardPage
from desktop.gui.password_feedback import feedback
from desktop.gui.password_field import PasswordEdit, PasswordMeter
from desktop.gui.session import Session


class AccountPage(WizardPage):
    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        assert step.account_id is not None
        assert session.flow is not None
        self.account_id = step.account_id
        account = session.flow.draft.account(self.account_id)
        self.built_for = (account.get("platform"), account.get("kind"))
        self.details = QGroupBox()
        form = QFormLayout(self.details)
        self.display_name = QLineEdit(str(account.get("display_name") or ""))
        self.display_name.setObjectName("detail-display_name")
        self.email = QLineEdit(str(account.get("registration_email") or ""))
        self.email.setObjectName("detail-registration_email")
        self.name_result = QLabel(wordWrap=True)
        self.name_result.setObjectName("nameCheck")
        self.email_result = QLabel(wordWrap=True)
        self.email_result.setObjectName("emailCheck")
        self.recovery_confirmed = QCheckBox()
        self.recovery_confirmed.setObjectName("detail-recovery_confirmed")
        self.recovery_confirmed.setChecked(bool(account.get("recovery_confirmed")))
        self.name_label, self.email_label = QLabel(), QLabel()
        self.name_label.setBuddy(self.display_name)
        self.email_label.setBuddy(self.email)
        form.addRow(self.name_label, self.display_name)
        form.addRow("", self.name_result)
        form.addRow(self.email_label, self.email)
        form.addRow("", self.email_result)
        form.addRow(self.recovery_confirmed)
        self.display_name.textChanged.connect(lambda t: self._detail("display_name", t))
        self.email.textChanged.connect(lambda t: self._detail("registration_email", t))
        self.recovery_confirmed.toggled.connect(self._recovery)

        self.password_box = QGroupBox()
        box = QVBoxLayout(self.password_box)
        self.password = PasswordEdit()
        self.password.setObjectName("password")
        self.meter_text = QLabel()
        self.meter_text.setObjectName("passwordMeter")
        # Room for the score line, a warning, two suggestions and the reuse warning: a
        # word-wrapped label in a scroll area would otherwise be squeezed onto itself.
        self.meter_text.setMinimumHeight(self.meter_text.fontMetrics().lineSpacing() * 5)
        self.meter_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.decline = QCheckBox()
        self.decline.setObjectName("declinePassword")
        box.addWidget(self.password)
        box.addWidget(self.meter_text)
        box.addWidget(self.decline)
        self.meter = PasswordMeter(session.measurer, parent=self)
        self.meter.ready.connect(self._measured)
        self.password.textChanged.connect(self._typed)
        self.decline.toggled.connect(self._declined)

        # What anyone on this platform should know first (Telegram is blocked in Vietnam).
        self.notice = QLabel(wordWrap=True)
        self.notice.setObjectName("platformNotice")
        self.notice.setStyleSheet("color: #8a5a00")
        self.content.addWidget(self.notice)
        self.content.addWidget(self.details)
        self.content.addWidget(self.password_box)
        platform = str(account.get("platform"))
        self.items: list[ItemWidget] = []
        for item in session.flow.account_items(self.account_id):
            widget = ItemWidget(session, item, self.account_id, platform)
            widget.changed.connect(self.changed)
            if item.answer.measures_password:
                widget.setVisible(self.account_id in session.declined)
            self.items.append(widget)
            self.content.addWidget(widget)
        self.content.addStretch(1)
        self.carried = CarriedNote(self, "account", self.account_id)
        self.retranslate()

    def still_fits(self) -> bool:
        """Whether the account still exists with the platform and kind this page asks for."""
        flow = self.session.flow
        if flow is None or not any(a.get("id") == self.account_id for a in flow.draft.accounts):
            return False
        account = flow.draft.account(self.account_id)
        return (account.get("platform"), account.get("kind")) == self.built_for

    # -- details with live checks -------------------------------------------------------

    def _account(self) -> dict[str, object]:
        assert self.session.flow is not None
        return self.session.flow.draft.account(self.account_id)

    def _detail(self, name: str, text: str) -> None:
        account = self._account()
        if text.strip():
            account[name] = text.strip()
        else:
            account.pop(name, None)
        self._show_checks()
        for widget in self.items:  # a measured result replaces the question, or goes
            if widget.item.answer.check in MEASURED_INSTEAD:
                widget.load()
        self.changed.emit()

    def _recovery(self, on: bool) -> None:
        self._account()["recovery_confirmed"] = on
        self.changed.emit()

    def _show_checks(self) -> None:
        assert self.session.flow is not None
        hints = self.session.flow.identity_hints(self.account_id)
        match = hints.name
        if match is None:
            self.name_result.setText("")
        elif match.matches:
            self.name_result.setText("✔ " + self.tr("matches your real name"))
        elif match.extra:
            self.name_result.setText(
                "✘ "
                + self.tr("not part of your real name: %1").replace("%1", " ".join(match.extra))
            )
        else:
            self.name_result.setText(
                "✘ " + self.tr("lacks: %1").replace("%1", " ".join(match.missing))
            )
        if not hints.email_checked:
            self.email_result.setText("")
        elif hints.official_domain is not None:
            self.email_result.setText(
                "✘ "
                + self.tr("an official address (%1): use a personal one").replace(
                    "%1", hints.official_domain
                )
            )
        else:
            self.email_result.setText("✔ " + self.tr("not an official address"))

    # -- the password --------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        passwords = self.session.password_session()
        if passwords is None:
            return
        if not text:
            self.meter.measure("", (), b"")
            self.changed.emit()
            return
        self.meter.measure(text, passwords.user_inputs, passwords.digest(text))

    def _measured(self) -> None:
        report, digest = self.meter.latest
        passwords = self.session.password_session()
        if passwords is None:
            return
        if report is None:
            self.meter_text.setText("")
            return
        passwords.record(self.account_id, report, digest)
        shared = passwords.shared_with(self.account_id)
        assert self.session.flow is not None
        needed = self.session.flow.min_password_length(self.account_id)
        lines = [
            self.tr("Score %1/4 · %2 characters (at least %3) · cracked in %4")
            .replace("%1", str(report.score))
            .replace("%2", str(report.length))
            .replace("%3", str(needed))
            .replace("%4", crack_time_words(report.crack_seconds, self.language)),
        ]
        if report.warning:
            lines.append(feedback(report.warning))
        lines += [feedback(s) for s in report.suggestions]
        if shared:
            lines.append(self.tr("⚠ The same password is used for another account."))
        self.meter_text.setText("\n".join(lines))
        self.changed.emit()

    def _declined(self, on: bool) -> None:
        passwords = self.session.password_session()
        if on:
            self.session.declined.add(self.account_id)
            self.meter.cancel()
            self.password.clear()
            if passwords is not None:
                passwords.forget(self.account_id)  # declared now: no measurement may remain
            self.meter_text.clear()
        else:
            self.session.declined.discard(self.account_id)
            if self.session.flow is not None:  # measured again: the declaration goes
                for item_id in self.session.flow.password_items():
                    self.session.flow.draft.set_answer(item_id, None, self.account_id)
        self.password.setEnabled(not on)
        for widget in self.items:
            if widget.item.answer.measures_password:
                widget.setVisible(on)
        self.changed.emit()

    # -- page life -----------------------------------------------------------------------

    def enter(self) -> None:
        self.session.measurer.warm_up()
        account = self._account()
        answers = account.get("answers")
        assert self.session.flow is not None
        password_items = self.session.flow.password_items()
        if isinstance(answers, dict) and any(i in answers for i in password_items):
            self.session.declined.add(self.account_id)  # a resumed draft's declaration
        for edit, name in ((self.display_name, "display_name"), (self.email, "registration_email")):
            edit.blockSignals(True)
            edit.setText(str(account.get(name) or ""))
            edit.blockSignals(False)
        self.recovery_confirmed.blockSignals(True)
        self.recovery_confirmed.setChecked(bool(account.get("recovery_confirmed")))
        self.recovery_confirmed.blockSignals(False)
        self.decline.blockSignals(True)
        self.decline.setChecked(self.account_id in self.session.declined)
        self.decline.blockSignals(False)
        self.password.setEnabled(self.account_id not in self.session.declined)
        for widget in self.items:
            widget.load()
        self._show_checks()

    def leave(self) -> None:
        if not self.still_fits():  # the account is gone: just forget what was typed
            self.meter.cancel()
            self.password.clear()
            return
        # The typed password goes with the page; only its measurement stays for this run,
        # and it must be the measurement of the whole text, not of what came back first.
        text = self.password.text()
        passwords = self.session.password_session()
        if text and self.meter.pending and passwords is not None:
            self.meter.finish(text, passwords.user_inputs, passwords.digest(text))
        del text
        self.meter.cancel()
        self.password.clear()
        self.meter_text.clear()

    def retranslate(self) -> None:
        account = self._account()
        platform = self.session.policy.platforms.get(str(account.get("platform")))
        name = platform.name.get(self.language) if platform else str(account.get("platform"))
        self.heading.setText(f"<h2>{escape(name)}: {escape(str(account.get('handle')))}</h2>")
        notice = platform.notice.get(self.language) if platform and platform.notice else ""
        self.notice.setText(("⚠ " + notice) if notice else "")
        self.notice.setVisible(bool(notice))
        self.details.setTitle(self.tr("Details"))
        self.name_label.setText(self.tr("&Display name:"))
        self.email_label.setText(self.tr("Registration &e-mail:"))
        self.recovery_confirmed.setText(
            self.tr("I checked that codes reach my recovery e-mail and phone")
        )
        self.password_box.setTitle(self.tr("Password (measured here, never stored)"))
        self.password.setPlaceholderText(self.tr("type the password to measure it"))
        self.decline.setText(self.tr("I prefer not to type it (I will declare it instead)"))
        self._show_checks()
        if self.meter_text.text():
            self._measured()  # the strength shown again in the new language
