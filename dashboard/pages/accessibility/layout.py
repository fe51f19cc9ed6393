"""The accessibility statement's layout, in the order of GOV.UK's sample statement:
using the dashboard, how accessible it is, feedback and contact, reporting problems,
the enforcement procedure, the technical information (compliance status and the
content that is not accessible), what is being done, and how and when the statement
was prepared."""

from __future__ import annotations

import re
from datetime import date

from dash import html

from dashboard.i18n import t
from dashboard.ui.labels import level_words, system_of_page

__all__ = [
    "PAGE",
    "PREPARED",
    "TESTED",
    "build_accessibility_layout",
    "build_contact",
    "format_day",
]

PAGE = "accessibility"

# When the statement was written and the dashboard last tested against it: change both
# when the statement is reviewed (the tests it describes: tests/browser/axe.py and the
# browser tests of every page at 1366 and 390 pixels, in English and Welsh).
PREPARED = date(2026, 12, 7)
TESTED = date(2026, 12, 7)

ABILITYNET = "https://mcmw.abilitynet.org.uk/"
EASS = "https://www.equalityadvisoryservice.com/"
WCAG = "https://www.w3.org/TR/WCAG22/"


def format_day(day: date, lang: str) -> str:
    """``7 December 2026``, ``7 Rhagfyr 2026``."""
    # One message holds the twelve month names (as the footer's "data as at" reads them).
    month = t("shell.months", lang).split()[day.month - 1]
    return f"{day.day} {month} {day.year}"


def _section(key: str, heading: str, body: list[object], level: int = 2) -> html.Section:
    heading_id = f"accessibility-{key}-heading"
    make = html.H2 if level == 2 else html.H3
    return html.Section([make(heading, id=heading_id), *body], **{"aria-labelledby": heading_id})


def _link_after(text: str, words: str, href: str) -> html.P:
    return html.P([text, " ", html.A(words, href=href)])


# An email address as people write them (one @, a dot in the domain, no spaces).
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _contact_link(contact: str) -> html.A | str:
    """An email address as a mailto link, a web address (a contact form) as a link;
    anything else (a phone number) as text, never a link of another scheme."""
    address = contact.removeprefix("mailto:")
    if _EMAIL.fullmatch(address):
        return html.A(address, href=f"mailto:{address}")
    if re.match(r"https?://\S+$", contact):
        return html.A(contact, href=contact)
    return contact


def build_contact(contact: str, lang: str) -> html.P | None:
    """How to reach the team that runs the dashboard, from the setting
    ``accessibility_contact`` (docs/operations.md); None when it is not set: the
    statement's paragraphs then name the data team alone."""
    contact = contact.strip()
    if not contact:
        return None
    return html.P(
        [t("accessibility.contact", lang), " ", _contact_link(contact)],
        className="statement-contact",
    )


def _with_contact(text: str, contact: str, lang: str) -> list[object]:
    found = build_contact(contact, lang)
    return [html.P(text), *([found] if found is not None else [])]


def _in_welsh_too() -> bool:
    """Whether the served system's pages are offered in Welsh as well as English (Wales);
    England's are in English only, and the statement says no more."""
    return "cy" in system_of_page().languages


def _build_using(lang: str) -> list[object]:
    if _in_welsh_too():
        applies = t("accessibility.applies", lang, **level_words(lang))
    else:
        applies = t("accessibility.applies_english", lang, **level_words(lang))
    return [
        html.P(applies),
        html.P(t("accessibility.want", lang)),
        html.Ul(
            [
                html.Li(t("accessibility.can_colours", lang)),
                html.Li(t("accessibility.can_zoom", lang)),
                html.Li(t("accessibility.can_keyboard", lang)),
                html.Li(t("accessibility.can_tables", lang)),
                *([html.Li(t("accessibility.can_welsh", lang))] if _in_welsh_too() else []),
                html.Li(t("accessibility.can_phone", lang)),
            ]
        ),
        _link_after(
            t("accessibility.abilitynet", lang), t("accessibility.abilitynet_link", lang),
            ABILITYNET,
        ),
    ]  # fmt: skip


def _build_known_issues(lang: str) -> list[object]:
    return [
        html.P(t("accessibility.known_intro", lang)),
        html.Ul(
            [
                html.Li(t("accessibility.known_hover", lang)),
                html.Li(t("accessibility.known_toolbar", lang)),
                html.Li(t("accessibility.known_drawing", lang)),
            ]
        ),
    ]


def _build_technical(lang: str) -> list[object]:
    return [
        html.P(t("accessibility.committed", lang)),
        _section(
            "status", t("accessibility.status_heading", lang),
            [
                _link_after(
                    t("accessibility.status", lang), t("accessibility.wcag_link", lang), WCAG
                )
            ],
            level=3,
        ),
        _section(
            "non-accessible", t("accessibility.non_accessible_heading", lang),
            [
                html.P(t("accessibility.non_accessible_intro", lang)),
                html.H4(t("accessibility.non_compliance_heading", lang)),
                html.Ul(
                    [
                        html.Li(t("accessibility.fail_hover", lang)),
                        html.Li(t("accessibility.fail_toolbar", lang)),
                        html.Li(t("accessibility.fail_drawing", lang)),
                    ]
                ),
                html.H4(t("accessibility.burden_heading", lang)),
                html.P(t("accessibility.burden", lang)),
            ],
            level=3,
        ),
    ]  # fmt: skip


def build_accessibility_layout(lang: str, contact: str) -> html.Div:
    """The whole statement in ``lang``, giving ``contact`` (the setting
    ``accessibility_contact``) for help and reports."""
    prepared, tested = format_day(PREPARED, lang), format_day(TESTED, lang)
    return html.Div(
        [
            html.H1(t("accessibility.title", lang)),
            *_build_using(lang),
            _section("how", t("accessibility.how_heading", lang), _build_known_issues(lang)),
            _section(
                "feedback", t("accessibility.feedback_heading", lang),
                _with_contact(t("accessibility.feedback", lang), contact, lang),
            ),
            _section(
                "reporting", t("accessibility.reporting_heading", lang),
                _with_contact(t("accessibility.reporting", lang), contact, lang),
            ),
            _section(
                "enforcement", t("accessibility.enforcement_heading", lang),
                [
                    _link_after(
                        t("accessibility.enforcement", lang),
                        t("accessibility.eass_link", lang), EASS,
                    )
                ],
            ),
            _section(
                "technical", t("accessibility.technical_heading", lang), _build_technical(lang)
            ),
            _section(
                "improving", t("accessibility.improving_heading", lang),
                [html.P(t("accessibility.improving", lang))],
            ),
            _section(
                "preparation", t("accessibility.preparation_heading", lang),
                [
                    html.P(t("accessibility.prepared", lang, prepared=prepared)),
                    html.P(t("accessibility.tested", lang, tested=tested)),
                    html.Ul(
                        [
                            html.Li(t("accessibility.tested_axe", lang)),
                            html.Li(t("accessibility.tested_lighthouse", lang)),
                            html.Li(t("accessibility.tested_keyboard", lang)),
                            html.Li(t("accessibility.tested_phone", lang)),
                        ]
                    ),
                ],
            ),
        ],
        className="page statement-page",
    )  # fmt: skip
