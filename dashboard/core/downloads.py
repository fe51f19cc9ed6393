"""What every page's CSV files share: their names after the view (in the page's
language), the writer that keeps a cell from being read as a formula and writes numbers
as numbers, and the commented block of provenance above the header (no Dash and no
database here: core/provenance.py says what the block holds).

Each page builds its own files in ``pages/<page>/downloads.py``.

Provenance travels inside the file, as lines starting ``#`` above the header row (the
comment prefix of W3C's CSV on the Web dialect): one file, so that what it is and where
it came from cannot be separated from the numbers by a download or an e-mail. Readers
skip the block with one option: pandas ``read_csv(path, comment="#")``, DuckDB
``read_csv(path, comment = '#')``, R ``read.csv(path, comment.char = "#")``. For those
readers a ``#`` inside a value must not start a comment, so such a value is always
quoted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal

import numpy as np
import pandas as pd

from dashboard.core.filters import Filters, PageOption
from dashboard.i18n import t

__all__ = [
    "COMMENT",
    "NOT_APPLICABLE",
    "SUPPRESSED",
    "UNAVAILABLE",
    "add_comment_block",
    "build_csv_name",
    "build_subject_csv_name",
    "format_number",
    "name_in_language",
    "neutralise_cell",
    "write_csv",
]

# The symbols of official statistics (GSS guidance on symbols in tables) where a cell
# has no number: suppressed to protect people, not applicable, not available.
SUPPRESSED = "c"
NOT_APPLICABLE = "z"
UNAVAILABLE = "x"

# The first character of the lines of provenance above a CSV's header.
COMMENT = "#"


def _file_words(lang: str) -> dict[str, str]:
    """The words of CSV file names in ``lang``: page keys, charts and "wales" (a word not
    here stays as it is, so a new CSV is named in English until it is added)."""
    return {
        "overview": t("csv_name.overview", lang),
        "network": t("csv_name.network", lang),
        "regions": t("csv_name.regions", lang),
        "plcs": t("csv_name.plcs", lang),
        "plc": t("csv_name.plc", lang),
        "school": t("csv_name.school", lang),
        "impact": t("csv_name.impact", lang),
        "data": t("csv_name.data", lang),
        "audit": t("csv_name.audit", lang),
        "wales": t("csv_name.wales", lang),
        "headlines": t("csv_name.headlines", lang),
        "support": t("csv_name.support", lang),
        "schools": t("csv_name.schools", lang),
        "measures": t("csv_name.measures", lang),
        "measure": t("csv_name.measure", lang),
        "map": t("csv_name.map", lang),
        "la-pairs": t("csv_name.la_pairs", lang),
        "consortium-pairs": t("csv_name.consortium_pairs", lang),
        "similar": t("csv_name.similar", lang),
        "directory": t("csv_name.directory", lang),
        "cycle": t("csv_name.cycle", lang),
        "review": t("csv_name.review", lang),
        "activity": t("csv_name.activity", lang),
        "health": t("csv_name.health", lang),
        "members": t("csv_name.members", lang),
        "brokerage": t("csv_name.brokerage", lang),
        "partners": t("csv_name.partners", lang),
        "variants": t("csv_name.variants", lang),
        "bands": t("csv_name.bands", lang),
        "runs": t("csv_name.runs", lang),
        "files": t("csv_name.files", lang),
        "rejected": t("csv_name.rejected", lang),
        "rejected-rows": t("csv_name.rejected_rows", lang),
        "events": t("csv_name.events", lang),
        "log": t("csv_name.log", lang),
        "catalogue": t("csv_name.catalogue", lang),
        "guidance": t("csv_name.guidance", lang),
        "compare": t("csv_name.compare", lang),
        "isolates": t("csv_name.isolates", lang),
        "betweenness": t("csv_name.betweenness", lang),
        "roles": t("csv_name.roles", lang),
        "ties": t("csv_name.ties", lang),
        "system": t("csv_name.system", lang),
        "groups": t("csv_name.groups", lang),
    }


def name_in_language(word: str, lang: str) -> str:
    """A word of a file name in ``lang`` ("headlines" is "penawdau" in Welsh); words
    joined by hyphens that the table does not hold as one, each in turn
    ("catalogue-schools" is "catalog-ysgolion"); a word it does not hold (a code, a new
    chart) as it is."""
    words = _file_words(lang)
    if word in words:
        return words[word]
    return "-".join(words.get(part, part) for part in word.split("-"))


def build_csv_name(
    page: str,
    what: str,
    filters: Filters,
    options: tuple[PageOption, ...] = (),
    lang: str = "en",
) -> str:
    """``plcnet-overview-headlines-2018-19-GWE.csv``: page, chart, year, region, then the
    sector, language medium and PLC focus when chosen, then the page's own choices not
    at their default, as in the URL (``plcnet-regions-measure-2018-19-wales-density.csv``).
    The page, the chart and "wales" are in ``lang`` (``plcnet-trosolwg-penawdau-...``);
    codes stay codes."""
    region = (
        str(filters.la)
        if filters.la is not None
        else (filters.consortium if filters.consortium is not None else "wales")
    )
    words = [name_in_language(w, lang) for w in (page, what, region)]
    parts = ["plcnet", words[0], words[1], filters.year.replace("/", "-"), words[2]]
    parts += [p for p in (filters.sector, filters.medium, filters.focus) if p is not None]
    defaults = {o.name: o.values[0] for o in options if not o.of_years}
    parts += [value for name, value in filters.options if value != defaults.get(name)]
    # A year among the page's choices (the compare page's second year) loses its slash too.
    return "-".join(p.replace("_", "-").replace("/", "-") for p in parts) + ".csv"


def build_subject_csv_name(
    page: str, subject: str, what: str, filters: Filters, lang: str = "en"
) -> str:
    """``plcnet-school-6612001-plcs-2018-19.csv``: for a page of one thing (a school, a
    PLC), its id in place of the region; anything but letters and digits becomes "-".
    The page and the chart are in ``lang`` (``plcnet-ysgol-6612001-cdps-2018-19.csv``)."""
    safe = re.sub(r"[^A-Za-z0-9]+", "-", subject).strip("-") or "none"
    page_word, what_word = name_in_language(page, lang), name_in_language(what, lang)
    return f"plcnet-{page_word}-{safe}-{what_word}-{filters.year.replace('/', '-')}.csv"


def format_number(value: float) -> str:
    """A float as a CSV cell: positional, never in scientific notation (``1.07e-06`` is
    ``0.00000107``), to the digits it holds ("0.1", not "0.1000000000000000055"), a
    whole number without ".0"; "" for NaN. A spreadsheet and every CSV reader take it
    as the same number.

    >>> format_number(1.07e-06), format_number(2.0), format_number(-0.25)
    ('0.00000107', '2', '-0.25')
    """
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return str(Decimal(value))
    return np.format_float_positional(value, trim="-")


def _as_cell(value: object) -> object:
    """A cell's value as written: floats through format_number; None, NaN and NA empty."""
    if value is None:
        return ""
    if isinstance(value, bool | np.bool_):
        return value
    if isinstance(value, float | np.floating):
        return format_number(float(value))
    if not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value):
        return ""  # pd.NA, NaT
    return value


# A value holding one of these is quoted: the delimiter, a quote, a line break, and the
# comment prefix (a reader told comment="#" would cut an unquoted value at its "#").
_QUOTE_WHEN = (",", '"', "\n", "\r", COMMENT)


_NEEDS_QUOTES = re.compile("[" + re.escape("".join(_QUOTE_WHEN)) + "]")


def _write_cell(value: object) -> str:
    # Text and whole numbers, most of a file's cells, take the short way: _as_cell
    # leaves both as they are and a whole number is never a formula.
    if isinstance(value, str):
        text = str(neutralise_cell(value))
    elif type(value) is int:
        return str(value)
    else:
        text = str(neutralise_cell(_as_cell(value)))
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The text of a CSV file: one header row, then ``rows``, every cell through
    neutralise_cell (names of schools and PLCs, values of rejected rows and user names
    come from outside and may be written as formulas), numbers through format_number,
    a missing value as an empty cell."""
    lines = [",".join(_write_cell(h) for h in header)]
    lines += [",".join(_write_cell(cell) for cell in row) for row in rows]
    return "\n".join(lines) + "\n"


def add_comment_block(text: str, lines: Sequence[str]) -> str:
    """``text`` (a CSV) with ``lines`` above its header, each as ``# line`` (a line
    break inside one becomes a new comment line, so no line escapes the block)."""
    if not text:
        return text
    block = [f"{COMMENT} {part}".rstrip() for line in lines for part in line.splitlines()]
    return "\n".join(block) + "\n" + text


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# injection"): =HYPERLINK(...) in a value taken from a file or a user name would run
# when the CSV is opened.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number written with its sign ("-2.5", "+3", "-1,204", "-12%") is read as a number,
# never a formula: it stays as it is.
_SIGNED_NUMBER = re.compile(r"[-+]\d[\d,]*(\.\d+)?([eE][-+]?\d+)?%?")


def neutralise_cell(value: object) -> object:
    """``value`` safe to open in a spreadsheet: text starting with =, +, -, @, a tab or a
    carriage return gets a leading apostrophe, so it is read as text; numbers, and text
    that is just a signed number ("-2.5", "+3"), stay as they are.

    >>> neutralise_cell("=1+1"), neutralise_cell("-2.5"), neutralise_cell(-3)
    ("'=1+1", '-2.5', -3)
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    if _SIGNED_NUMBER.fullmatch(value):
        return value
    return "'" + value
