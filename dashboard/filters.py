"""The filters every page shares (year, consortium, LA, sector, language medium) and
their place in the URL.

A view is reproduced by its link:
``?year=2018/19&consortium=GWE&la=661&sector=primary&medium=welsh``. The
functions here turn a query string into valid filters (ignoring what the data do
not hold), filters back into a query string, and keep the two in step when
either the URL (back, forward, a pasted link) or a control changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

import pandas as pd

from dashboard.db import Database
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.labels import label_medium, label_sector, sort_media, sort_sectors

__all__ = [
    "Choices",
    "FilterSync",
    "Filters",
    "build_search",
    "describe_region",
    "list_consortium_options",
    "list_la_options",
    "list_medium_options",
    "list_sector_options",
    "list_year_options",
    "load_choices",
    "parse_search",
    "resolve_filters",
    "sync_filters",
]


@dataclass(frozen=True)
class Filters:
    """One view: an academic year, a region and a kind of school (None meaning all)."""

    year: str
    consortium: str | None = None
    la: int | None = None
    sector: str | None = None
    medium: str | None = None


@dataclass(frozen=True)
class Choices:
    """What the data hold: academic years (oldest first), LAs with their consortia,
    and the schools' sectors and language media."""

    years: list[str]
    las: pd.DataFrame
    sectors: tuple[str, ...] = ()
    media: tuple[str, ...] = ()

    def consortium_of(self, la: int) -> str | None:
        match = self.las.loc[self.las["la_code"] == la, "consortium_code"]
        return None if match.empty else str(match.iloc[0])

    def consortia(self) -> set[str]:
        return set(self.las["consortium_code"])

    def name_of_la(self, la: int, lang: str) -> str:
        row = self.las.loc[self.las["la_code"] == la].iloc[0]
        return str(row[_name_column("name", lang)])

    def name_of_consortium(self, code: str, lang: str) -> str:
        row = self.las.loc[self.las["consortium_code"] == code].iloc[0]
        return str(row[_name_column("consortium_name", lang)])


@dataclass(frozen=True)
class FilterSync:
    """The outcome of a change: the filters in force and the query string to show."""

    filters: Filters
    search: str


def _name_column(stem: str, lang: str) -> str:
    return f"{stem}_cy" if lang == "cy" else f"{stem}_en"


def load_choices(db: Database) -> Choices:
    """Read the years and the LAs the filters offer."""
    years = db.query("shell__years")["year"].tolist()
    types = db.query("shell__school_types")
    return Choices(
        years=years,
        las=db.query("shell__regions"),
        sectors=tuple(types.loc[types["field"] == "sector", "value"]),
        media=tuple(types.loc[types["field"] == "language_medium", "value"]),
    )


def parse_search(search: str | None) -> dict[str, str]:
    """``?year=2018/19&la=661`` -> ``{"year": "2018/19", "la": "661"}`` (first value wins)."""
    query = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    return {key: values[0] for key, values in query.items()}


def _to_la(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def resolve_filters(query: Mapping[str, object], choices: Choices) -> Filters:
    """Valid filters from what a URL or the controls ask for.

    An unknown year gives the latest; an unknown region gives all of Wales; an
    LA alone brings its consortium; an LA outside the consortium asked for is
    dropped, since the LA list only offers the consortium's own LAs.
    """
    year = query.get("year")
    if year not in choices.years:
        year = choices.years[-1] if choices.years else ""
    consortium = query.get("consortium")
    if consortium not in choices.consortia():
        consortium = None
    la = _to_la(query.get("la"))
    la_consortium = None if la is None else choices.consortium_of(la)
    if la_consortium is None or (consortium is not None and la_consortium != consortium):
        la = None
    elif consortium is None:
        consortium = la_consortium
    sector = query.get("sector")
    medium = query.get("medium")
    return Filters(
        year=str(year),
        consortium=consortium,
        la=la,
        sector=str(sector) if sector in choices.sectors else None,
        medium=str(medium) if medium in choices.media else None,
    )


def build_search(filters: Filters, lang: str = DEFAULT_LANG) -> str:
    """The query string that reproduces ``filters`` (the year always, to pin the view)
    in ``lang`` (named only when not the default)."""
    query: dict[str, object] = {"year": filters.year}
    if filters.consortium is not None:
        query["consortium"] = filters.consortium
    if filters.la is not None:
        query["la"] = filters.la
    if filters.sector is not None:
        query["sector"] = filters.sector
    if filters.medium is not None:
        query["medium"] = filters.medium
    if lang != DEFAULT_LANG:
        query["lang"] = lang
    return "?" + urlencode(query, safe="/")


def sync_filters(
    choices: Choices,
    *,
    search: str | None,
    controls: Mapping[str, object],
    changed: str,
    lang: str = DEFAULT_LANG,
) -> FilterSync | None:
    """Bring URL and controls into step after one of them changed.

    ``changed`` names what changed: ``"url"`` (back, forward), and the controls
    follow it; or a control (``"year"``, ``"consortium"``, ``"la"``), and the URL
    follows. None means nothing to do, which is the case when a Location
    reports the URL the controls already show.
    """
    if changed == "url":
        wanted = resolve_filters(parse_search(search), choices)
        if wanted == resolve_filters(controls, choices):
            return None
        return FilterSync(filters=wanted, search=search or "")
    if changed == "consortium" and controls.get("consortium") is None:
        # Clearing the consortium asks for all of Wales, not for the LA's consortium.
        controls = {**controls, "la": None}
    shown = resolve_filters(controls, choices)
    return FilterSync(filters=shown, search=build_search(shown, lang))


def list_year_options(choices: Choices) -> list[dict[str, str]]:
    return [{"label": year, "value": year} for year in choices.years]


def list_consortium_options(choices: Choices, lang: str) -> list[dict[str, str]]:
    column = _name_column("consortium_name", lang)
    pairs = choices.las[["consortium_code", column]].drop_duplicates().sort_values(column)
    return [
        {"label": str(name), "value": str(code)} for code, name in pairs.itertuples(index=False)
    ]


def list_la_options(choices: Choices, consortium: str | None, lang: str) -> list[dict[str, object]]:
    """The LAs of ``consortium`` (all 22 when None), by name."""
    las = choices.las
    if consortium is not None:
        las = las[las["consortium_code"] == consortium]
    column = _name_column("name", lang)
    las = las.sort_values(column)
    return [
        {"label": str(name), "value": int(code)}
        for code, name in zip(las["la_code"], las[column], strict=True)
    ]


def list_sector_options(choices: Choices, lang: str) -> list[dict[str, str]]:
    return [{"label": label_sector(s, lang), "value": s} for s in sort_sectors(choices.sectors)]


def list_medium_options(choices: Choices, lang: str) -> list[dict[str, str]]:
    return [{"label": label_medium(m, lang), "value": m} for m in sort_media(choices.media)]


def describe_region(filters: Filters, choices: Choices, lang: str) -> str:
    """The schools chosen in words: an LA, a consortium or Wales, then sector and medium
    when chosen ("GwE, Primary, Welsh medium")."""
    if filters.la is not None:
        region = choices.name_of_la(filters.la, lang)
    elif filters.consortium is not None:
        region = choices.name_of_consortium(filters.consortium, lang)
    else:
        region = t("region.wales", lang)
    kinds = []
    if filters.sector is not None:
        kinds.append(label_sector(filters.sector, lang))
    if filters.medium is not None:
        kinds.append(label_medium(filters.medium, lang))
    return ", ".join([region, *kinds])
