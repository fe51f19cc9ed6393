"""Negeseuon Cymraeg crynodeb testun y trosolwg (Welsh messages of the overview's text summary)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "overview.summary_in_plcs_one": "Yn {year}, roedd {count} ysgol ({share}) mewn o leiaf un CDP",
    "overview.summary_in_plcs_other": (
        "Yn {year}, roedd {count} o ysgolion ({share}) mewn o leiaf un CDP"
    ),
    "overview.summary_active_plcs_one": "Roedd {count} CDP yn weithredol",
    "overview.summary_active_plcs_other": "Roedd {count} o CDPau yn weithredol",
    "overview.summary_cross_la": (
        "Roedd {share} o'r cysylltiadau yn croesi ffiniau awdurdodau lleol"
    ),
    "overview.summary_isolated_one": (
        "Nid oedd gan {count} ysgol ({share}) gysylltiad ag unrhyw ysgol arall"
    ),
    "overview.summary_isolated_other": (
        "Nid oedd gan {count} o ysgolion ({share}) gysylltiad ag unrhyw ysgol arall"
    ),
    "overview.summary_green": (
        "Roedd {share} o'r ysgolion â chategori cymorth yn y categori gwyrdd"
    ),
    "overview.summary_up": "cynnydd o {amount} ers {year}",
    "overview.summary_down": "gostyngiad o {amount} ers {year}",
    "overview.summary_same": "dim newid ers {year}",
    "overview.summary_sentence": "{fact}.",
    "overview.summary_sentence_change": "{fact}, {change}.",
    "overview.summary_empty": "Dim ffigurau ar gyfer {year} yn y detholiad hwn.",
}
