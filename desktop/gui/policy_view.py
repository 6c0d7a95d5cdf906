"""How one checklist item reads in the app: question, help, fix-it steps, legal basis."""

from html import escape

from desktop.core.i18n import Language
from desktop.core.policy import Item, Policy


def item_html(
    policy: Policy, item: Item, language: Language, labels: dict[str, str], who: str
) -> str:
    parts = [
        f"<h2>{escape(item.title.get(language))}</h2>",
        f"<p><b>{escape(labels['question'])}</b><br>{escape(item.question.get(language))}</p>",
        f"<p><b>{escape(labels['help'])}</b><br>{escape(item.help.get(language))}</p>",
        f"<p><b>{escape(labels['fix'])}</b></p><ol>",
        *(f"<li>{escape(step)}</li>" for step in item.fix.get(language)),
        "</ol>",
        f"<p><b>{escape(labels['who'])}</b>: {escape(who)}</p>",
        f"<p><b>{escape(labels['basis'])}</b></p>",
    ]
    for provision_id in item.provisions:
        provision = policy.provisions[provision_id]
        source = policy.sources[provision.source].title.get(language)
        # The Vietnamese original is authoritative and always shown; the gloss only helps.
        parts.append(
            f"<p><b>{escape(provision.id)}</b> · {escape(source)}<br>"
            f"<i>{escape(provision.heading.vi)}</i><br>{escape(provision.original)}"
        )
        if language == "en":
            parts.append(f"<br><span style='color:#555'>{escape(provision.gloss)}</span>")
        parts.append("</p>")
    return "".join(parts)
