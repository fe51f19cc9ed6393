"""The help page's layout: how to read a page, then the dashboard's words in plain
language, each linked to the measure that counts it in the glossary (the data page)."""

from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from dashboard.core import ids
from dashboard.core.language import build_language_href
from dashboard.i18n import t
from dashboard.measures.catalogue import glossary_entries
from dashboard.ui.charts import GLOSSARY_PATH, build_glossary_links
from dashboard.ui.labels import level_words, system_has_language_media, system_of_page

__all__ = ["PAGE", "HelpWord", "build_help_layout", "list_words"]

PAGE = "help"


@dataclass(frozen=True)
class HelpWord:
    """A word of the dashboard: its anchor on this page (``help-<key>``), the word, what
    it means, and the measures of the glossary that count it."""

    key: str
    word: str
    meaning: str
    measures: tuple[str, ...] = ()


def list_words(lang: str) -> list[HelpWord]:
    """The words a reader meets first, in the order they build on each other."""
    words = level_words(lang)
    return [
        _describe_group(lang),
        HelpWord(
            "tie", t("help.tie_word", lang), t("help.tie_meaning", lang, **words), ("weight",)
        ),
        HelpWord(
            "isolate", t("help.isolate_word", lang), t("help.isolate_meaning", lang, **words),
            ("is_isolate",),
        ),
        HelpWord(
            "betweenness", t("help.betweenness_word", lang),
            t("help.betweenness_meaning", lang), ("betweenness",),
        ),
        HelpWord("ei", t("help.ei_word", lang), t("help.ei_meaning", lang, **words), ("ei_index",)),
        HelpWord(
            "brokerage", t("help.brokerage_word", lang), t("help.brokerage_meaning", lang, **words),
            ("broker_total",),
        ),
        HelpWord(
            "attainment-points", t("help.attainment_points_word", lang),
            t("help.attainment_points_meaning", lang), ("attainment_change",),
        ),
    ]  # fmt: skip


def _describe_group(lang: str) -> HelpWord:
    """The first word: the PLC where the system's groups are PLCs (Wales), else the
    system's groups, with the kinds it records and the kinds that tie schools."""
    system = system_of_page()
    if system.group_kind_codes == ("plc",):
        return HelpWord("plc", t("help.plc_word", lang), t("help.plc_meaning", lang), ("n_plcs",))
    names = {kind.code: kind.name.text(lang) for kind in system.group_kinds}
    meaning = t(
        "help.group_meaning",
        lang,
        **level_words(lang),
        kinds=", ".join(names.values()),
        tying=", ".join(names.get(code, code) for code in system.ties.tying_kinds),
    )
    return HelpWord("plc", t("help.group_word", lang, **level_words(lang)), meaning, ("n_plcs",))


def _build_word(word: HelpWord, lang: str) -> list[object]:
    meaning: list[object] = [html.P(word.meaning)]
    if word.measures:
        entries = glossary_entries(word.measures, lang)
        meaning.append(html.P(build_glossary_links(entries, lang), className="chart-glossary"))
    return [html.Dt(word.word, id=f"help-{word.key}"), html.Dd(meaning)]


def _section(key: str, heading: str, body: list[object]) -> html.Section:
    heading_id = f"help-{key}-heading"
    return html.Section([html.H2(heading, id=heading_id), *body], **{"aria-labelledby": heading_id})


def build_help_layout(lang: str) -> html.Div:
    """The whole page in ``lang``."""
    words = [part for word in list_words(lang) for part in _build_word(word, lang)]
    # The glossary section of the data page (pages/sources/layout.py).
    glossary_section = ids.chart_heading("data", "glossary")
    glossary = f"{build_language_href(GLOSSARY_PATH, None, lang)}#{glossary_section}"
    statement = build_language_href("/accessibility", None, lang)
    return html.Div(
        [
            html.H1(t("help.title", lang)),
            html.P(t("help.lede", lang, **level_words(lang)), className="lede"),
            _section(
                "reading", t("help.reading_heading", lang),
                [
                    html.P(
                        t("help.reading_filters", lang, **level_words(lang))
                        if system_has_language_media()
                        else t("help.reading_filters_no_medium", lang, **level_words(lang))
                    ),
                    html.P(t("help.reading_charts", lang)),
                    html.P(t("help.reading_glossary", lang)),
                    html.P(t("help.reading_years", lang, **level_words(lang))),
                    html.P(t("help.reading_detail", lang, **level_words(lang))),
                ],
            ),
            _section(
                "words", t("help.words_heading", lang),
                [html.Dl(words, className="help-words")],
            ),
            _section(
                "more", t("help.more_heading", lang),
                [
                    html.P(
                        [
                            t("help.more_glossary", lang), " ",
                            dcc.Link(t("help.more_glossary_link", lang), href=glossary),
                        ]
                    ),
                    html.P(
                        [
                            t("help.more_accessibility", lang), " ",
                            dcc.Link(t("help.more_accessibility_link", lang), href=statement),
                        ]
                    ),
                ],
            ),
        ],
        className="page help-page",
    )  # fmt: skip
