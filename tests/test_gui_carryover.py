"""The wizard over a declaration carried over from the last one (issue 17, items 1 and 7):
the inputs an official needs, counted, and measured results shown instead of questions."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.assessment.flow import StepKind
from desktop.core.policy.model import ItemKind
from desktop.gui.item_widget import ItemWidget
from desktop.gui.main_window import MainWindow
from desktop.gui.session import Session
from tests.gui_driver import go_next
from tests.signing_helpers import declare_example

PASSWORDS = ["mot cau mat khau rat dai 2026", "con meo tren mai nha xanh 77"]


def _unanswered(window: MainWindow) -> list[ItemWidget]:
    """The questions on the page that still wait for an answer."""
    flow = window.session.flow
    assert flow is not None
    page = window.wizard.page
    missing = set(flow.missing(page.step, window.session.passwords))
    return [
        w
        for w in page.findChildren(ItemWidget)
        if w.isVisibleTo(page) and not w.answer_box.isHidden() and w.item.id in missing
    ]


def test_an_annual_declaration_after_onboarding_asks_only_what_changed(
    qtbot: QtBot, window: MainWindow, session: Session, private_home: Path
) -> None:
    signed = declare_example(private_home, "onboarding")
    window.start.refresh()
    qtbot.mouseClick(window.start.start_button, Qt.MouseButton.LeftButton)
    inputs = 0
    page = window.wizard.page
    assert page.step.kind == StepKind.PROGRAMME
    due = signed.summary.next_due
    assert due
    # The programme the last declaration left due is chosen already.
    assert page.findChild(QRadioButton, f"programme-{due.programme}").isChecked()
    if due.programme != "annual":  # a follow-up is due; the person wants the annual one
        page.findChild(QRadioButton, "programme-annual").click()
        inputs += 1
    go_next(qtbot, window)
    about = window.wizard.page
    assert about.step.kind == StepKind.ABOUT
    assert about.findChild(QLineEdit, "field-full_name").text() == "Trần Thị Thu Hà"
    assert about.findChild(QLabel, "carriedNote-person").isVisibleTo(about)
    for name in ("full_name", "staff_id", "unit", "profile", "category"):  # each one marked
        assert about.findChild(QWidget, f"field-{name}").toolTip(), name
    go_next(qtbot, window)
    assert window.wizard.page.step.kind == StepKind.ACCOUNTS
    assert window.wizard.page.findChild(QLabel, "carriedNote-accounts").isVisibleTo(
        window.wizard.page
    )
    go_next(qtbot, window)

    asked_then = {f.item for f in signed.summary.findings}
    new_questions = 0
    for password in PASSWORDS:
        page = window.wizard.page
        assert page.step.kind == StepKind.ACCOUNT
        account_id = page.step.account_id
        # The measured items show the app's result, not the question.
        real_name = page.findChild(QWidget, f"item-acct-real-name-{account_id}")
        if real_name is not None:
            assert real_name.answer_box.isHidden()
            assert real_name.result.text()[:1] in "✔✘"  # the display name, measured
        qtbot.keyClicks(page.findChild(QLineEdit, "password"), password)  # measured again
        inputs += 1
        qtbot.waitUntil(
            lambda a=account_id: session.passwords is not None and session.passwords.measured(a),
            timeout=10_000,
        )
        for widget in _unanswered(window):
            assert widget.item.id not in asked_then  # only a question not asked last time
            widget.buttons[widget.item.answer.choices[0].id].click()
            inputs += 1
            new_questions += 1
        go_next(qtbot, window)

    pledges = window.wizard.page
    assert pledges.step.kind == StepKind.PLEDGES
    changes = pledges.findChild(QLabel, "pledgeChanges").text()
    assert "không thay đổi" in changes and "<li>" not in changes  # nothing changed in them
    qtbot.mouseClick(pledges.findChild(QPushButton, "reaffirmPledges"), Qt.MouseButton.LeftButton)
    inputs += 1
    assert _unanswered(window) == []
    go_next(qtbot, window)

    items = window.wizard.page
    assert items.step.kind == StepKind.PROGRAMME_ITEMS
    for widget in _unanswered(window):
        assert widget.item.id not in asked_then
        widget.buttons[widget.item.answer.choices[0].id].click()
        inputs += 1
        new_questions += 1
    go_next(qtbot, window)
    assert window.wizard.page.step.kind == StepKind.REVIEW
    go_next(qtbot, window)
    assert window.wizard.page.step.kind == StepKind.SIGN

    flow = session.flow
    assert flow is not None
    annual_only = {i.id for i in flow.items(ItemKind.PROGRAMME)} - asked_then
    assert new_questions == len(annual_only)
    # The programme (only when another was due), one password per account, one click for
    # the pledges, and the questions the onboarding did not ask: nothing else.
    expected = (due.programme != "annual") + len(PASSWORDS) + 1 + len(annual_only)
    assert inputs == expected, inputs


def _open_example(window: MainWindow, session: Session, name: str = "onboarding") -> None:
    """An example: onboarding's Quảng Ninh official, whose code asks for a real name;
    annual's BNG official, whose code asks about the agency's logo."""
    import tomllib

    from desktop.core.assessment.draft import Draft
    from tests.conftest import EXAMPLES

    doc = tomllib.loads((EXAMPLES / f"{name}.toml").read_text("utf-8"))
    session.start(Draft(doc))
    window.wizard.open()
    window.stack.setCurrentWidget(window.wizard)


def test_a_measured_item_shows_the_result_instead_of_the_question(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    _open_example(window, session)
    assert session.flow is not None
    draft = session.flow.draft
    draft.set_answer("acct-real-name", "other-name", "fb")  # contradicts the measurement
    window.wizard.show_step([s.key for s in window.wizard.steps].index("account:fb"))
    page = window.wizard.page
    item = page.findChild(ItemWidget, "item-acct-real-name-fb")
    # "Hà Trần" matches the real name: measured, so not asked, and nothing contradicts it.
    assert item.answer_box.isHidden() and item.question.isHidden()
    assert item.result.text().startswith("✔")
    assert draft.answer("acct-real-name", "fb") is None
    # Without a display name there is nothing to measure: then, and only then, it is asked.
    page.findChild(QLineEdit, "detail-display_name").clear()
    assert not item.answer_box.isHidden() and not item.question.isHidden()
    assert item.result.isHidden()
    item.buttons["real-name"].click()
    assert draft.answer("acct-real-name", "fb") == "real-name"
    page.findChild(QLineEdit, "detail-display_name").setText("Anh Ba Sài Gòn")
    assert item.answer_box.isHidden() and item.result.text().startswith("✘")
    assert draft.answer("acct-real-name", "fb") is None
    # The official e-mail check: measured from the registration address.
    email = page.findChild(ItemWidget, "item-acct-no-official-email-fb")
    assert email.answer_box.isHidden() and email.result.text().startswith("✔")


def test_the_logo_is_asked_once_on_the_account_page_not_in_the_add_account_dialog(
    qtbot: QtBot, window: MainWindow, session: Session
) -> None:
    from PySide6.QtWidgets import QCheckBox

    from desktop.gui.pages.accounts_page import AccountDialog

    _open_example(window, session, "annual")
    dialog = AccountDialog(session.policy, {}, window)
    qtbot.addWidget(dialog)
    assert dialog.findChildren(QCheckBox) == []  # no logo, office phone or address here
    assert "official_logo_on_profile" not in dialog.values()
    # An account added through the dialog: its page asks about the logo, once.
    assert session.flow is not None
    account_id = session.flow.add_account(
        {"platform": "facebook", "kind": "personal", "handle": "an.moi"}
    )
    window.wizard.rebuild()
    window.wizard.show_step([s.key for s in window.wizard.steps].index(f"account:{account_id}"))
    marks = window.wizard.page.findChild(ItemWidget, f"item-acct-no-official-marks-{account_id}")
    assert marks is not None and not marks.answer_box.isHidden()
    # The example's account, whose office details an older draft recorded: the result shows.
    window.wizard.show_step([s.key for s in window.wizard.steps].index("account:fb"))
    recorded = window.wizard.page.findChild(ItemWidget, "item-acct-no-official-marks-fb")
    assert recorded.answer_box.isHidden() and recorded.result.text().startswith("✔")


def test_the_pledges_are_re_affirmed_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, session: Session, private_home: Path
) -> None:
    from tests.gui_driver import press, tab_to

    declare_example(private_home, "annual")
    window.start.refresh()
    window.activateWindow()
    qtbot.mouseClick(window.start.start_button, Qt.MouseButton.LeftButton)
    assert session.flow is not None
    steps = [s.key for s in window.wizard.steps]
    window.wizard.show_step(steps.index("pledges"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert session.flow.missing(window.wizard.page.step)
    tab_to("reaffirmPledges")  # the first control of the page
    press(Qt.Key.Key_Space)
    assert session.flow.missing(window.wizard.page.step) == []
    assert window.wizard.page.findChild(QLabel, "reaffirmed").isVisibleTo(window.wizard.page)
