"""School systems by configuration: one TOML file per system, read into frozen dataclasses.

A system (Wales, England, a US state ...) is what plcnet must know of it beyond the
contract files: the names of its levels in each language, the form of its school
identifiers, its reference files and the reader of each, its vocabularies (kinds of
group, focus areas, outcome measures and their categories with colours), the
languages its interface offers, whether it has a map, and which groups tie schools.
The files are ``systems/<name>.toml`` (in the wheel, ``etl/system_files/``);
docs/systems.md documents every key. A file that is wrong is refused whole, with the
file and the key in the message: a refresh never runs on half a system.

>>> wales = load_system("wales")
>>> wales.name, wales.languages, wales.school_ids.pattern
('wales', ('en', 'cy'), '[0-9]{7}')
>>> wales.level("consortium").name.text("cy")
'Consortiwm'
>>> wales.categories("support_category")[:2]
('green', 'yellow')

This module imports nothing of etl: the contract (etl/contract.py) takes its allowed
values from a system, and the dashboard reads the system a database records through
etl/public.py.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_SYSTEM",
    "GIAS_READERS",
    "LEVELS",
    "OUTCOME_MEASURE_KINDS",
    "READERS",
    "SYSTEMS_DIR",
    "Level",
    "MapSettings",
    "Name",
    "OutcomeMeasure",
    "ReferenceFile",
    "SchoolIds",
    "System",
    "SystemConfigError",
    "Term",
    "TieSettings",
    "available_systems",
    "load_system",
    "parse_system",
    "system_path",
]

_PROJECT_ROOT = Path(__file__).resolve().parent.parent
# In a checkout, systems/ is beside the code; installed from the wheel, the copy the
# wheel carries (pyproject.toml), as for the reference files (etl/config.py).
SYSTEMS_DIR = (
    _PROJECT_ROOT / "systems"
    if (_PROJECT_ROOT / "pyproject.toml").is_file()
    else Path(__file__).resolve().parent / "system_files"
)
DEFAULT_SYSTEM = "wales"

# The levels of plcnet's data model, from the school up: its tables and SQL name them
# (schools, local_authorities, la_code, consortium), so a system names them in its own
# words but has these three, in this order.
LEVELS = ("school", "local_authority", "consortium")
# The readers of etl/sources/ a reference file may name. A system with a reader of
# its own (England's GIAS files) adds its name here with the reader.
READERS = (
    "local_authorities",
    "address_list",
    "locations",
    "categorisation",
    "boundaries",
    # England (etl/sources/gias.py): the lookup of LAs and their regions. The GIAS
    # snapshots themselves are found in the raw folder by their headers.
    "la_regions",
)
# The readers that make a system one of groups from GIAS snapshots (England): its
# refresh reads the snapshots of the raw folder, not contract files (etl/gias_load.py).
GIAS_READERS = frozenset({"la_regions"})
# The outcome measures plcnet's measures know (etl/sql/marts, etl/impact), each with
# its kind: a system has any of them, none or all.
OUTCOME_MEASURE_KINDS = {"support_category": "category", "attainment": "number"}
# The kinds of group the two tie settings add ([ties] single_academy_trusts,
# school_sponsors): GIAS's group types as plcnet writes them.
SINGLE_ACADEMY_TRUST = "single_academy_trust"
SCHOOL_SPONSOR = "school_sponsor"
# Patterns plotly can fill a bar with ("" is solid).
FILL_PATTERNS = ("", "/", "\\", "x", "-", "|", "+", ".")

_CODE = re.compile(r"[a-z][a-z0-9_]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class SystemConfigError(ValueError):
    """A system's file is missing or wrong: the message names the file and the key."""


@dataclass(frozen=True)
class Name:
    """A name in each language of the system, as (language, text) pairs."""

    texts: tuple[tuple[str, str], ...]

    def text(self, language: str) -> str:
        """The name in ``language``; in the system's first language when it has none."""
        return dict(self.texts).get(language, self.texts[0][1])


@dataclass(frozen=True)
class Level:
    code: str  # one of LEVELS
    name: Name
    plural: Name


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: its code as files write it, its names, and, for a
    category, its fill, the colour of text on it and its fill pattern."""

    code: str
    name: Name
    short: Name | None = None
    colour: str = ""
    text_colour: str = ""
    pattern: str = ""


@dataclass(frozen=True)
class OutcomeMeasure:
    code: str  # a key of OUTCOME_MEASURE_KINDS
    kind: str  # "category" or "number"
    name: Name
    categories: tuple[Term, ...] = ()


@dataclass(frozen=True)
class SchoolIds:
    pattern: str  # a regular expression a whole school identifier matches
    description: Name


@dataclass(frozen=True)
class ReferenceFile:
    reader: str  # one of READERS
    file: str  # its path in the reference folder
    required: bool = False


@dataclass(frozen=True)
class MapSettings:
    locations: bool  # schools have latitude and longitude
    boundaries: bool  # LAs have boundaries to draw


@dataclass(frozen=True)
class TieSettings:
    group_kinds: tuple[str, ...]  # groups of these kinds tie the schools in them
    # England's two settings of the tie rule: single-academy trusts and school sponsors
    # tie their schools too (both off by default: a single-academy trust holds one
    # school, a sponsor is mostly the same body as the trust it sponsors).
    single_academy_trusts: bool = False
    school_sponsors: bool = False

    @property
    def tying_kinds(self) -> tuple[str, ...]:
        """The kinds of group that tie their schools, the two settings included."""
        extra = (SINGLE_ACADEMY_TRUST,) * self.single_academy_trusts + (
            SCHOOL_SPONSOR,
        ) * self.school_sponsors
        return tuple(dict.fromkeys(self.group_kinds + extra))


@dataclass(frozen=True)
class System:
    name: str
    title: Name
    languages: tuple[str, ...]
    levels: tuple[Level, ...]
    school_ids: SchoolIds
    reference_folder: str
    reference_files: tuple[ReferenceFile, ...]
    map: MapSettings
    group_kinds: tuple[Term, ...]
    ties: TieSettings
    focus_areas: tuple[Term, ...]
    outcome_measures: tuple[OutcomeMeasure, ...]
    # Where it was read from, and its text as read: the refresh records both.
    source: str = ""
    text: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def reads_gias(self) -> bool:
        """Whether the system's groups come from GIAS snapshots (England)."""
        return any(entry.reader in GIAS_READERS for entry in self.reference_files)

    @property
    def focus_area_codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.focus_areas)

    @property
    def group_kind_codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.group_kinds)

    @property
    def outcome_measure_codes(self) -> tuple[str, ...]:
        return tuple(measure.code for measure in self.outcome_measures)

    def level(self, code: str) -> Level:
        return next(level for level in self.levels if level.code == code)

    def outcome_measure(self, code: str) -> OutcomeMeasure | None:
        return next((m for m in self.outcome_measures if m.code == code), None)

    def categories(self, measure: str) -> tuple[str, ...]:
        """The codes of a category measure's categories, in order; () when the system
        does not have the measure."""
        found = self.outcome_measure(measure)
        return tuple(term.code for term in found.categories) if found else ()


def system_path(name: str) -> Path:
    """The file of the system called ``name`` among the shipped systems."""
    return SYSTEMS_DIR / f"{name}.toml"


def available_systems() -> tuple[str, ...]:
    """The names of the shipped systems."""
    return tuple(sorted(path.stem for path in SYSTEMS_DIR.glob("*.toml")))


def load_system(name_or_path: str | Path = DEFAULT_SYSTEM) -> System:
    """Read a system: by name among the shipped ones, or from a ``.toml`` file of its own.

    Raises SystemConfigError, naming the file and the key, when it cannot be used.
    """
    text = str(name_or_path)
    is_file = isinstance(name_or_path, Path) or text.endswith(".toml") or "/" in text
    path = Path(name_or_path) if is_file else system_path(text)
    if not is_file and not _CODE.fullmatch(text):
        raise SystemConfigError(f"{text!r} is not the name of a system (a-z, 0-9, _)")
    if not path.is_file():
        known = ", ".join(available_systems()) or "none"
        raise SystemConfigError(
            f"{path}: no such system file; the systems plcnet ships are: {known} "
            "(docs/systems.md says how to add one)"
        )
    system = parse_system(path.read_text(encoding="utf-8"), str(path))
    if not is_file and system.name != text:
        raise SystemConfigError(f"{path}: [system] name is {system.name!r}, not {text!r}")
    return system


def parse_system(text: str, source: str = "<system>") -> System:
    """The system a TOML text describes (``source`` names it in messages)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SystemConfigError(f"{source}: not valid TOML: {error}") from error
    return _Reader(source).system(data, text)


class _Reader:
    """Reads one file's tables, keeping the file's name and its languages for messages."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.languages: tuple[str, ...] = ()

    def fail(self, key: str, problem: str) -> SystemConfigError:
        return SystemConfigError(f"{self.source}: {key}: {problem} (docs/systems.md)")

    def table(
        self, data: object, key: str, required: Set[str], optional: Set[str] = frozenset()
    ) -> Mapping[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(key, "must be a table")
        missing = sorted(required - data.keys())
        if missing:
            raise self.fail(key, f"lacks {', '.join(missing)}")
        unknown = sorted(data.keys() - required - optional)
        if unknown:
            raise self.fail(key, f"has unknown key(s) {', '.join(unknown)}")
        return data

    def tables(self, data: object, key: str) -> list[object]:
        if not isinstance(data, list):
            raise self.fail(key, "must be an array of tables ([[...]])")
        return data

    def string(self, value: object, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a text, not empty")
        return value

    def flag(self, value: object, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def code(self, value: object, key: str) -> str:
        code = self.string(value, key)
        if not _CODE.fullmatch(code):
            raise self.fail(key, f"{code!r} is not a code (a-z, 0-9 and _, a letter first)")
        return code

    def name(self, value: object, key: str) -> Name:
        """A name in every language of the system, and in no other."""
        names = self.table(value, key, set(self.languages))
        return Name(tuple((lang, self.string(names[lang], f"{key}.{lang}")) for lang in names))

    def system(self, data: dict[str, Any], text: str) -> System:
        keys = {"system", "levels", "school_ids", "reference", "map", "group_kinds", "ties"}
        top = self.table(data, "the file", keys, {"focus_areas", "outcome_measures"})
        head = self.table(top["system"], "[system]", {"name", "title", "languages"})
        self.languages = self._languages(head["languages"])
        group_kinds = self.terms(top["group_kinds"], "[[group_kinds]]")
        reference = self.table(top["reference"], "[reference]", {"folder", "files"})
        return System(
            name=self.code(head["name"], "[system] name"),
            title=self.name(head["title"], "[system] title"),
            languages=self.languages,
            levels=self.levels(top["levels"]),
            school_ids=self.school_ids(top["school_ids"]),
            reference_folder=self.string(reference["folder"], "[reference] folder"),
            reference_files=self.reference_files(reference["files"]),
            map=self.map(top["map"]),
            group_kinds=self._not_empty(group_kinds, "[[group_kinds]]"),
            ties=self.ties(top["ties"], {term.code for term in group_kinds}),
            focus_areas=self.terms(top.get("focus_areas", []), "[[focus_areas]]"),
            outcome_measures=self.outcome_measures(top.get("outcome_measures", [])),
            source=self.source,
            text=text,
        )

    def _languages(self, value: object) -> tuple[str, ...]:
        key = "[system] languages"
        if not isinstance(value, list) or not value:
            raise self.fail(key, 'must list at least one language, e.g. ["en"]')
        for language in value:
            if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
                raise self.fail(key, f"{language!r} is not a language code such as en or cy")
        if len(set(value)) < len(value):
            raise self.fail(key, "names a language twice")
        return tuple(value)

    def _not_empty(self, terms: tuple[Term, ...], key: str) -> tuple[Term, ...]:
        if not terms:
            raise self.fail(key, "must have at least one")
        return terms

    def levels(self, value: object) -> tuple[Level, ...]:
        levels = []
        for i, item in enumerate(self.tables(value, "[[levels]]")):
            key = f"[[levels]] {i + 1}"
            level = self.table(item, key, {"code", "name", "plural"})
            levels.append(
                Level(
                    self.code(level["code"], f"{key} code"),
                    self.name(level["name"], f"{key} name"),
                    self.name(level["plural"], f"{key} plural"),
                )
            )
        codes = tuple(level.code for level in levels)
        if codes != LEVELS:
            raise self.fail(
                "[[levels]]", f"must be {', '.join(LEVELS)}, in that order (found {codes})"
            )
        return tuple(levels)

    def school_ids(self, value: object) -> SchoolIds:
        ids = self.table(value, "[school_ids]", {"pattern", "description"})
        pattern = self.string(ids["pattern"], "[school_ids] pattern")
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise self.fail("[school_ids] pattern", f"not a regular expression: {error}") from None
        if compiled.fullmatch(""):
            raise self.fail("[school_ids] pattern", "matches an empty identifier")
        return SchoolIds(pattern, self.name(ids["description"], "[school_ids] description"))

    def reference_files(self, value: object) -> tuple[ReferenceFile, ...]:
        files = []
        for i, item in enumerate(self.tables(value, "[[reference.files]]")):
            key = f"[[reference.files]] {i + 1}"
            entry = self.table(item, key, {"reader", "file"}, {"required"})
            reader = self.string(entry["reader"], f"{key} reader")
            if reader not in READERS:
                raise self.fail(
                    f"{key} reader", f"{reader!r} is not a reader: one of {', '.join(READERS)}"
                )
            required = self.flag(entry.get("required", False), f"{key} required")
            files.append(ReferenceFile(reader, self.string(entry["file"], f"{key} file"), required))
        return tuple(files)

    def map(self, value: object) -> MapSettings:
        found = self.table(value, "[map]", {"locations", "boundaries"})
        return MapSettings(
            self.flag(found["locations"], "[map] locations"),
            self.flag(found["boundaries"], "[map] boundaries"),
        )

    def ties(self, value: object, group_kinds: set[str]) -> TieSettings:
        settings = {
            "single_academy_trusts": SINGLE_ACADEMY_TRUST,
            "school_sponsors": SCHOOL_SPONSOR,
        }
        found = self.table(value, "[ties]", {"group_kinds"}, set(settings))
        kinds = found["group_kinds"]
        if not isinstance(kinds, list):
            raise self.fail("[ties] group_kinds", "must be a list of kinds of group")
        for kind in kinds:
            if kind not in group_kinds:
                raise self.fail("[ties] group_kinds", f"{kind!r} is not one of [[group_kinds]]")
        flags = {key: self.flag(found.get(key, False), f"[ties] {key}") for key in settings}
        for key, kind in settings.items():
            if flags[key] and kind not in group_kinds:
                raise self.fail(f"[ties] {key}", f"needs the kind {kind!r} in [[group_kinds]]")
        return TieSettings(tuple(kinds), **flags)

    def terms(self, value: object, key: str, *, coloured: bool = False) -> tuple[Term, ...]:
        terms = []
        colours = {"colour", "text_colour", "pattern"}
        for i, item in enumerate(self.tables(value, key)):
            where = f"{key} {i + 1}"
            required = {"code", "name"} | (colours if coloured else set())
            entry = self.table(item, where, required, {"short"})
            short = entry.get("short")
            terms.append(
                Term(
                    self.code(entry["code"], f"{where} code"),
                    self.name(entry["name"], f"{where} name"),
                    None if short is None else self.name(short, f"{where} short"),
                    *(self.colours(entry, where) if coloured else ()),
                )
            )
        codes = [term.code for term in terms]
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise self.fail(key, f"gives the code(s) {', '.join(twice)} twice")
        return tuple(terms)

    def colours(self, entry: Mapping[str, Any], where: str) -> tuple[str, str, str]:
        for key in ("colour", "text_colour"):
            value = entry[key]
            if not isinstance(value, str) or not _COLOUR.fullmatch(value):
                raise self.fail(f"{where} {key}", f"{value!r} is not a colour such as #1e7b34")
        if entry["pattern"] not in FILL_PATTERNS:
            allowed = ", ".join(repr(p) for p in FILL_PATTERNS)
            raise self.fail(f"{where} pattern", f"must be one of {allowed}")
        return entry["colour"], entry["text_colour"], entry["pattern"]

    def outcome_measures(self, value: object) -> tuple[OutcomeMeasure, ...]:
        measures = []
        for i, item in enumerate(self.tables(value, "[[outcome_measures]]")):
            key = f"[[outcome_measures]] {i + 1}"
            entry = self.table(item, key, {"code", "kind", "name"}, {"categories"})
            code = self.code(entry["code"], f"{key} code")
            kind = OUTCOME_MEASURE_KINDS.get(code)
            if kind is None:
                known = ", ".join(OUTCOME_MEASURE_KINDS)
                raise self.fail(f"{key} code", f"{code!r} is not a measure plcnet knows: {known}")
            if entry["kind"] != kind:
                raise self.fail(f"{key} kind", f"{code} is a measure of kind {kind!r}")
            categories = self.terms(entry.get("categories", []), f"{key} categories", coloured=True)
            if (kind == "category") != bool(categories):
                problem = "a category measure lists its categories; a number has none"
                raise self.fail(f"{key} categories", problem)
            measures.append(
                OutcomeMeasure(code, kind, self.name(entry["name"], f"{key} name"), categories)
            )
        if len({m.code for m in measures}) < len(measures):
            raise self.fail("[[outcome_measures]]", "gives a measure twice")
        return tuple(measures)
