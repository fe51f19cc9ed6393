"""The filters pages share (year, consortium, LA, sector, language medium, PLC focus)
and their place in the URL.

A view is reproduced by its link:
``?year=2018/19&consortium=GWE&la=661&sector=primary&medium=welsh&focus=numeracy``.
Each page names the filters that apply to it (``FIELDS`` lists them all), and may
add choices of its own (``PageOption``: what a chart shows, say ``measure=density``). The
functions here turn a query string into valid filters (ignoring what the data do
not hold), filters back into a query string, and keep the two in step when
either the URL (back, forward, a pasted link) or a control changes.

On pages that show school or PLC detail, the regions offered are those of the
user's scope only (``load_choices(db, detail=True)``), and a region outside it,
asked for in a URL or a callback, is ignored: the view falls back to the scope.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

import pandas as pd

from dashboard.access.users import Scope, current_scope
from dashboard.core.db import Database
from dashboard.core.payloads import require_scalar, require_text
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ui.labels import (
    label_focus,
    label_medium,
    label_sector,
    level_words,
    sort_focus_areas,
    sort_media,
    sort_sectors,
)

# Every filter, in the order of the filter bar and of the query string.
FIELDS = ("year", "consortium", "la", "sector", "medium", "focus")

__all__ = [
    "FIELDS",
    "Choices",
    "FilterSync",
    "Filters",
    "PageOption",
    "build_search",
    "describe_region",
    "keep_fields",
    "keep_las_in_scope",
    "list_consortium_options",
    "list_focus_options",
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
    """One view: an academic year, a region, a kind of school and a PLC focus area
    (None meaning all)."""

    year: str
    consortium: str | None = None
    la: int | None = None
    sector: str | None = None
    medium: str | None = None
    focus: str | None = None
    # The page's own choices (PageOption), as (name, value) pairs in the page's order.
    options: tuple[tuple[str, str], ...] = ()

    def option(self, name: str) -> str:
        """The value chosen for the page option ``name``."""
        return dict(self.options)[name]


@dataclass(frozen=True)
class PageOption:
    """A choice of one page, kept in the URL like a filter: ``values`` are the allowed
    ones, the first the default (left out of the URL).

    ``of_years``: the values are the academic years the data hold (the compare page's
    second year), known only from the database; the default is the year before the
    latest, and the option is always written in the URL, as the year is."""

    name: str
    values: tuple[str, ...] = ()
    of_years: bool = False

    def allowed(self, years: Sequence[str] = ()) -> tuple[str, ...]:
        """The values allowed, given the years the data hold."""
        return tuple(years) if self.of_years else self.values

    def resolve(self, value: object, years: Sequence[str] = ()) -> str:
        allowed = self.allowed(years)
        if value in allowed:
            return str(value)
        if self.of_years:
            return allowed[-2] if len(allowed) > 1 else (allowed[-1] if allowed else "")
        return allowed[0]


@dataclass(frozen=True)
class Choices:
    """What the data hold: the years of the network (the academic years with PLC
    data, oldest first), LAs with their consortia, the schools' sectors and language
    media, and the PLCs' focus areas.

    ``outcome_only_years`` are the academic years the outcome files reach but the PLC
    data do not: no year of the network, they are never chosen, only listed as such."""

    years: list[str]
    las: pd.DataFrame
    sectors: tuple[str, ...] = ()
    media: tuple[str, ...] = ()
    focus_areas: tuple[str, ...] = ()
    outcome_only_years: tuple[str, ...] = ()
    # On pages showing detail, the user's scope: the region of a view stays inside
    # it (resolve_filters). None on pages of aggregates, which every user sees whole.
    scope: Scope | None = None

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


def load_choices(db: Database, detail: bool = False) -> Choices:
    """Read the years, LAs, sectors, media and focus areas the filters offer; for a page
    that shows detail (``detail``), only the LAs (and their consortia) of the user's
    scope, read from the server's session.

    Worked out once per published file and scope (Database.derive): every callback
    asks for them. The Choices returned are shared: do not change them."""
    return db.derive(lambda: _read_choices(db, detail), "choices", detail)


def _read_choices(db: Database, detail: bool) -> Choices:
    years = db.query("shell__years")
    has_plc_data = years["has_plc_data"].astype(bool)
    types = db.query("shell__school_types")
    las = db.query("shell__regions")
    scope = current_scope() if detail else None
    if scope is not None:
        las = keep_las_in_scope(las, scope)
    return Choices(
        years=years.loc[has_plc_data, "year"].tolist(),
        outcome_only_years=tuple(years.loc[~has_plc_data, "year"]),
        las=las,
        sectors=tuple(types.loc[types["field"] == "sector", "value"]),
        media=tuple(types.loc[types["field"] == "language_medium", "value"]),
        focus_areas=tuple(types.loc[types["field"] == "focus_area", "value"]),
        scope=scope,
    )


def keep_las_in_scope(las: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """The rows of ``las`` (shell__regions) whose schools' detail ``scope`` allows."""
    allowed = [
        scope.allows(int(la), str(consortium))
        for la, consortium in zip(las["la_code"], las["consortium_code"], strict=True)
    ]
    return las[allowed].reset_index(drop=True)


def _region_in_scope(
    consortium: str | None, la: int | None, choices: Choices
) -> tuple[str | None, int | None]:
    """The region asked for when the scope covers it whole; else the scope's own region
    (its one consortium or LA), or none for a scope of several (the data layer then
    keeps to the scope)."""
    scope = choices.scope
    if scope is None or scope.everything:
        return consortium, la
    if la is not None and scope.allows(la, consortium):
        return consortium, la
    if la is None and consortium is not None and consortium in scope.consortia:
        return consortium, None
    if len(scope.consortia) == 1 and not scope.las:
        return next(iter(scope.consortia)), None
    if len(scope.las) == 1 and not scope.consortia:
        only = next(iter(scope.las))
        only_consortium = choices.consortium_of(only)
        if only_consortium is not None:
            return only_consortium, only
    return None, None


def parse_search(search: str | None) -> dict[str, str]:
    """``?year=2018/19&la=661`` -> ``{"year": "2018/19", "la": "661"}`` (first value wins).

    A query string sent as anything but text raises MalformedValueError (a 400)."""
    query = parse_qs((require_text(search, "search") or "").lstrip("?"), keep_blank_values=False)
    return {key: values[0] for key, values in query.items()}


def _to_la(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def resolve_filters(
    query: Mapping[str, object], choices: Choices, options: tuple[PageOption, ...] = ()
) -> Filters:
    """Valid filters from what a URL or the controls ask for.

    An unknown year (or one without PLC data) gives the latest year of the network;
    an unknown region gives all of Wales; an
    LA alone brings its consortium; an LA outside the consortium asked for is
    dropped, since the LA list only offers the consortium's own LAs. On a page
    showing detail, a region not wholly in the user's scope gives the scope's.
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
    consortium, la = _region_in_scope(consortium, la, choices)
    sector = query.get("sector")
    medium = query.get("medium")
    focus = query.get("focus")
    return Filters(
        year=str(year),
        consortium=consortium,
        la=la,
        sector=str(sector) if sector in choices.sectors else None,
        medium=str(medium) if medium in choices.media else None,
        focus=str(focus) if focus in choices.focus_areas else None,
        options=tuple((o.name, o.resolve(query.get(o.name), choices.years)) for o in options),
    )


def keep_fields(query: Mapping[str, object], fields: tuple[str, ...]) -> dict[str, object]:
    """``query`` with only the filters a page has (and the language), so that a filter
    the page does not offer never narrows what it shows.

    Dash gives a page's layout a key repeated in the URL (``?la=661&la=662``) as a list
    of its values: the first wins, as in parse_search."""
    return {
        key: value[0] if isinstance(value, list) and value else value
        for key, value in query.items()
        if key in fields or key == "lang"
    }


def build_search(
    filters: Filters, lang: str = DEFAULT_LANG, options: tuple[PageOption, ...] = ()
) -> str:
    """The query string that reproduces ``filters`` (the year always, to pin the view)
    in ``lang`` (named only when not the default); page options not at their default."""
    query: dict[str, object] = {"year": filters.year}
    if filters.consortium is not None:
        query["consortium"] = filters.consortium
    if filters.la is not None:
        query["la"] = filters.la
    if filters.sector is not None:
        query["sector"] = filters.sector
    if filters.medium is not None:
        query["medium"] = filters.medium
    if filters.focus is not None:
        query["focus"] = filters.focus
    # A year option has no default: it is always written, as the year is.
    defaults = {o.name: o.values[0] for o in options if not o.of_years}
    for name, value in filters.options:
        if value != defaults.get(name):
            query[name] = value
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
    fields: tuple[str, ...] = FIELDS,
    options: tuple[PageOption, ...] = (),
) -> FilterSync | None:
    """Bring URL and controls into step after one of them changed.

    ``changed`` names what changed: ``"url"`` (back, forward), and the controls
    follow it; or a control (``"year"``, ``"consortium"``, ``"la"``, ...), and the URL
    follows. None means nothing to do, which is the case when a Location
    reports the URL the controls already show. ``fields`` are the filters the
    page has, ``options`` its own choices; the URL's others are ignored. A control's
    value that is a list or an object raises MalformedValueError (a 400).
    """
    fields = (*fields, *(o.name for o in options))
    # A control's value comes from the browser: text or a number (an LA), else a 400.
    controls = {name: require_scalar(value, name) for name, value in controls.items()}
    if changed == "url":
        wanted = resolve_filters(keep_fields(parse_search(search), fields), choices, options)
        if wanted == resolve_filters(controls, choices, options):
            return None
        return FilterSync(filters=wanted, search=search or "")
    if changed == "consortium" and controls.get("consortium") is None:
        # Clearing the consortium asks for all of Wales, not for the LA's consortium.
        controls = {**controls, "la": None}
    shown = resolve_filters(controls, choices, options)
    return FilterSync(filters=shown, search=build_search(shown, lang, options))


def list_year_options(choices: Choices, lang: str = DEFAULT_LANG) -> list[dict[str, object]]:
    """Every academic year, oldest first: the years of the network to choose from, and
    the years with outcomes only labelled so and not to be chosen (their network would
    be no network at all, not a year of no collaboration)."""
    options: list[dict[str, object]] = [{"label": year, "value": year} for year in choices.years]
    options += [
        {"label": t("filters.year_outcomes_only", lang, year=year), "value": year, "disabled": True}
        for year in choices.outcome_only_years
    ]
    # "2016/17" < "2017/18": academic years sort as text.
    return sorted(options, key=lambda option: str(option["value"]))


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


def list_focus_options(choices: Choices, lang: str) -> list[dict[str, str]]:
    return [
        {"label": label_focus(f, lang), "value": f} for f in sort_focus_areas(choices.focus_areas)
    ]


def describe_region(filters: Filters, choices: Choices, lang: str) -> str:
    """The schools chosen in words: an LA, a consortium or Wales, then sector, medium and
    PLC focus when chosen ("GwE, Primary, Welsh medium, Numeracy")."""
    if filters.la is not None:
        region = choices.name_of_la(filters.la, lang)
    elif filters.consortium is not None:
        region = choices.name_of_consortium(filters.consortium, lang)
    else:
        region = t("region.wales", lang, **level_words(lang))
    kinds = []
    if filters.sector is not None:
        kinds.append(label_sector(filters.sector, lang))
    if filters.medium is not None:
        kinds.append(label_medium(filters.medium, lang))
    if filters.focus is not None:
        kinds.append(label_focus(filters.focus, lang))
    return ", ".join([region, *kinds])
