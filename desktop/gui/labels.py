"""Names of the core's enumerations as the user reads them, through Qt's translations."""

from PySide6.QtCore import QCoreApplication

from desktop.core.assessment.findings import VerdictKind
from desktop.core.policy.audience import Category


def verdict_label(verdict: str) -> str:
    """A verdict as recorded (a summary's, a history row's); a value no SelfCheck writes,
    from a hand-edited history, is shown as it is."""
    labels: dict[str, str] = {
        VerdictKind.COMPLIANT: QCoreApplication.translate("labels", "compliant"),
        VerdictKind.ACTION_REQUIRED: QCoreApplication.translate("labels", "action required"),
        # A review's verdict for a declaration assessed against a policy not accepted.
        "policy-not-accepted": QCoreApplication.translate("labels", "not accepted (policy)"),
    }
    return labels.get(verdict, verdict)


def category_label(category: Category) -> str:
    labels = {
        Category.OFFICIAL: QCoreApplication.translate("labels", "Official"),
        Category.PUBLIC_EMPLOYEE: QCoreApplication.translate("labels", "Public employee"),
        Category.RESERVE_PROBATIONARY: QCoreApplication.translate(
            "labels", "Reserve official or probationer"
        ),
        Category.CONTRACT: QCoreApplication.translate("labels", "Contract staff"),
        Category.SECONDED: QCoreApplication.translate("labels", "Seconded staff"),
        Category.MISSION_MEMBER: QCoreApplication.translate(
            "labels", "Member of an overseas mission"
        ),
        Category.ACCOMPANYING_SPOUSE: QCoreApplication.translate(
            "labels", "Accompanying spouse receiving an allowance"
        ),
        Category.STUDYING_ABROAD: QCoreApplication.translate("labels", "Studying abroad"),
    }
    return labels[category]
