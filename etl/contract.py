"""The data contract: the one definition of every plain input file plcnet takes.

Each :class:`ContractFile` names its columns, their types, keys, allowed values
and an example row. The readers, the validation, the demo generator and
``docs/data-contract.md`` all come from these definitions; a test checks that
the document says what the code says.

A year is an academic year written ``2018/19`` (1 September to 31 August).

The allowed values of a few columns are a school system's vocabulary, not this
module's (etl/systems.py, systems/<name>.toml): the focus areas of ``plcs``, the
outcome measures of ``school_outcomes`` and the categories of a category measure,
and the form of a school identifier. :func:`contract_for` gives the contract of a
system; ``CONTRACT`` is the default system's, Wales, which the document and the demo
describe.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from etl.systems import DEFAULT_SYSTEM, System, load_system

__all__ = [
    "CONTRACT",
    "CONTRACT_DOC",
    "DATE",
    "DECIMAL_NOTATION",
    "ENQUIRY_STAGES",
    "FOCUS_AREAS",
    "MEMBERSHIP_TYPES",
    "NUMBER",
    "OUTCOME_MEASURES",
    "REVIEW_FEATURES",
    "ROLES",
    "SCOPES",
    "SUPPORT_CATEGORIES",
    "WALES",
    "WHOLE_NUMBER",
    "Column",
    "ContractFile",
    "Reference",
    "RowCheck",
    "contract_file",
    "contract_for",
    "matches",
    "render_markdown",
    "write_contract_doc",
    "written_as_number",
]

CONTRACT_DOC = Path(__file__).resolve().parent.parent / "docs" / "data-contract.md"
GENERATED_START = (
    "<!-- generated from etl/contract.py by `python -m etl contract-doc`; edit there -->"
)
GENERATED_END = "<!-- end of generated part -->"

# The shipped default system, whose vocabularies the demo draws from and the contract
# document lists; a refresh of another system checks its files by contract_for(system).
WALES = load_system(DEFAULT_SYSTEM)
FOCUS_AREAS = WALES.focus_area_codes
# Within one school; between schools of one LA; across LAs of one consortium;
# across consortia: the Wales reform's "within, between and across schools".
SCOPES = ("within_school", "between_schools", "across_las", "across_consortia")
MEMBERSHIP_TYPES = ("self_selected", "assigned")
ROLES = ("lead", "member")
ENQUIRY_STAGES = ("analyse_data", "set_goals", "research", "plan", "act", "review")
# Harris and Jones's nine features of effective PLCs, scored 1 to 5.
REVIEW_FEATURES = (
    "learner_focus",
    "trust",
    "data_informed",
    "innovation",
    "distributed_leadership",
    "broad_involvement",
    "critical_enquiry",
    "reciprocal_accountability",
    "dissemination",
)
SUPPORT_CATEGORIES = WALES.categories("support_category")
OUTCOME_MEASURES = WALES.outcome_measure_codes
OUTCOME_SOURCES = ("published", "demo", "local")

# Column types, each with the DuckDB type it loads as.
TYPES = {
    "text": "VARCHAR",
    "integer": "INTEGER",
    "number": "DOUBLE",
    "date": "DATE",
    "school_id": "INTEGER",
    "year": "VARCHAR",
    "score": "TINYINT",
    # Pseudonymised as the file is read (etl/pseudonym.py): never stored as sent.
    "member_id": "VARCHAR",
}


# How values must be written. Each is matched against the whole trimmed value,
# before anything is cast: DuckDB's own casts are lenient in ways a person would
# not mean (7.6 rounds to 8 as an INTEGER, '1e3' is 1000, '0x10' is 16, '1_000' is
# 1000, 'inf' and 'nan' are numbers, 'epoch' and 'infinity' are dates).
# A whole number: digits, optionally followed by a point and zeros only (4.0 is
# what a spreadsheet or a Parquet DOUBLE column gives for 4; it is 4, not rounded).
WHOLE_NUMBER = r"[0-9]+(\.0+)?"
# Any number in decimal or exponent notation: told apart to say "not a whole number".
DECIMAL_NOTATION = r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?"
# A number for a number column: an optional minus, digits, a point, an exponent.
NUMBER = r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?"
# A day as the contract writes it (year first), optionally with a time of day
# and no time zone, which is what a Parquet or Excel timestamp gives.
DATE = (
    r"[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2})"
    r"([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?"
)


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def matches(value: str, pattern: str) -> str:
    """SQL: the SQL text ``value`` is exactly ``pattern`` (NULL for NULL)."""
    return f"regexp_full_match({value}, {_sql_text(pattern)})"


def written_as_number(value: str) -> str:
    """SQL: the SQL text ``value`` is a finite number written as a person means one."""
    return f"({matches(value, NUMBER)} AND isfinite(TRY_CAST({value} AS DOUBLE)))"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    example: str = ""
    # The system's vocabulary its allowed values are (contract_for fills ``allowed``):
    # checked even when the system's vocabulary is empty, which then allows nothing.
    vocabulary: str = ""
    # A school_id's form, as a regular expression of the whole value, and its words
    # for a value that does not match ("" where the reason not_a_school says it).
    pattern: str = ""
    form: str = ""
    # The value of an optional column a file leaves out or empty ("": NULL).
    default: str = ""

    @property
    def sql_type(self) -> str:
        return TYPES[self.type]


@dataclass(frozen=True)
class Reference:
    """A column whose values must exist as a key of another table."""

    column: str
    table: str
    target: str


@dataclass(frozen=True)
class RowCheck:
    """A rule across columns: ``failed`` is an SQL condition on the row's text values."""

    column: str
    failed: str
    reason: str


@dataclass(frozen=True)
class ContractFile:
    table: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    references: tuple[Reference, ...] = ()
    # Pairs (earlier, later) of date columns that must be in order when both are set.
    ordered_dates: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    row_checks: tuple[RowCheck, ...] = ()

    @property
    def file_name(self) -> str:
        return f"{self.table}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def member_id_columns(self) -> tuple[str, ...]:
        """Columns of member ids, pseudonymised as the file is read."""
        return tuple(c.name for c in self.columns if c.type == "member_id")

    def example_row(self) -> dict[str, str]:
        return {c.name: c.example for c in self.columns}


def _score(feature: str, meaning: str) -> Column:
    return Column(feature, "score", f"1 to 5: {meaning}", example="4")


# The contract with the system's vocabularies left to fill (contract_for).
_TEMPLATE: tuple[ContractFile, ...] = (
    ContractFile(
        table="plcs",
        description="One row per professional learning community.",
        columns=(
            Column("plc_id", "text", "Stable identifier of the PLC.", example="PLC-00042"),
            Column("name", "text", "Name the PLC goes by.", example="Numeracy enquiry, Anglesey"),
            Column(
                "focus_area",
                "text",
                "What the PLC works on.",
                vocabulary="focus_areas",
                example="numeracy",
            ),
            Column(
                "scope",
                "text",
                "Within one school, between schools of one LA, across LAs "
                "of one consortium, or across consortia.",
                allowed=SCOPES,
                example="between_schools",
            ),
            Column(
                "membership_type",
                "text",
                "Whether members chose to join or were assigned.",
                allowed=MEMBERSHIP_TYPES,
                example="self_selected",
            ),
            Column("start_date", "date", "First day of the PLC (ISO 8601).", example="2016-09-12"),
            Column(
                "end_date",
                "date",
                "Last day of the PLC; empty while it runs.",
                required=False,
                example="2018-07-20",
            ),
            Column(
                "lead_school_id",
                "school_id",
                "School number of the school that leads it.",
                example="6602130",
            ),
            Column(
                "group_kind",
                "text",
                "The kind of group; left out or empty, the system's first kind (a PLC).",
                required=False,
                vocabulary="group_kinds",
                example="plc",
            ),
        ),
        key=("plc_id",),
        references=(Reference("lead_school_id", "schools", "school_id"),),
        ordered_dates=(("start_date", "end_date"),),
    ),
    ContractFile(
        table="plc_memberships",
        description="One row per member of a PLC, with the school they come from.",
        columns=(
            Column("plc_id", "text", "The PLC.", example="PLC-00042"),
            Column(
                "school_id", "school_id", "School number of the member's school.", example="6602131"
            ),
            Column(
                "member_id",
                "member_id",
                "Your own id of the practitioner, the same in every file and every year; "
                "never a name or an e-mail address. Replaced by a keyed hash as it is read "
                "(see below); never shown on screen.",
                example="m-5f1c0a93e2",
            ),
            Column(
                "role", "text", "The member's role in the PLC.", allowed=ROLES, example="member"
            ),
            Column("joined", "date", "Day the member joined.", example="2016-09-12"),
            Column(
                "left",
                "date",
                "Day the member left; empty while a member.",
                required=False,
                example="",
            ),
        ),
        key=("plc_id", "member_id"),
        references=(
            Reference("plc_id", "plcs", "plc_id"),
            Reference("school_id", "schools", "school_id"),
        ),
        ordered_dates=(("joined", "left"),),
    ),
    ContractFile(
        table="plc_activities",
        description="One row per meeting or piece of work of a PLC, at one stage of the "
        "enquiry cycle.",
        columns=(
            Column(
                "activity_id", "text", "Stable identifier of the activity.", example="A-0004211"
            ),
            Column("plc_id", "text", "The PLC.", example="PLC-00042"),
            Column("activity_date", "date", "Day it took place.", example="2016-10-03"),
            Column(
                "stage",
                "text",
                "Stage of the enquiry cycle.",
                allowed=ENQUIRY_STAGES,
                example="analyse_data",
            ),
            Column("attendance", "integer", "Members who took part (0 or more).", example="7"),
        ),
        key=("activity_id",),
        references=(Reference("plc_id", "plcs", "plc_id"),),
    ),
    ContractFile(
        table="plc_reviews",
        description="The PLC review instrument: Harris and Jones's nine features of effective "
        "PLCs, scored 1 to 5, one row per PLC per year.",
        columns=(
            Column("plc_id", "text", "The PLC.", example="PLC-00042"),
            Column("year", "year", "Academic year reviewed.", example="2016/17"),
            _score("learner_focus", "a relentless focus on learning and learner outcomes"),
            _score("trust", "respect and trust among colleagues at school and district level"),
            _score("data_informed", "data-informed and evidence-driven"),
            _score("innovation", "willingness to innovate and change practice"),
            _score("distributed_leadership", "supportive and distributed leadership"),
            _score("broad_involvement", "broad-based involvement in decisions"),
            _score("critical_enquiry", "continuous critical enquiry, reflection and refinement"),
            _score(
                "reciprocal_accountability",
                "reciprocal accountability and professional empowerment",
            ),
            _score("dissemination", "dissemination, application and extension of PLC outcomes"),
        ),
        key=("plc_id", "year"),
        references=(Reference("plc_id", "plcs", "plc_id"),),
    ),
    ContractFile(
        table="school_outcomes",
        description="Yearly outcomes per school in long form. The support category is the "
        "measure support_category (green, yellow, amber, red); attainment is a continuous "
        "indicator (higher is better).",
        columns=(
            Column("school_id", "school_id", "School number.", example="6602130"),
            Column("year", "year", "Academic year.", example="2016/17"),
            Column(
                "measure",
                "text",
                "What is measured.",
                vocabulary="outcome_measures",
                example="attainment",
            ),
            Column(
                "value",
                "text",
                "The value: a category name for support_category, a number for attainment.",
                example="52.4",
            ),
            Column(
                "source",
                "text",
                "Where the value comes from: published (a Welsh Government "
                "file), demo (simulated by the demo generator) or local (your own data).",
                allowed=OUTCOME_SOURCES,
                example="local",
            ),
        ),
        key=("school_id", "year", "measure"),
        references=(Reference("school_id", "schools", "school_id"),),
        # The categories of a category measure are checked first (contract_for).
        row_checks=(
            RowCheck(
                "value",
                "trim(measure) = 'attainment' AND trim(value) <> '' AND NOT coalesce("
                f"{written_as_number('trim(value)')}, false)",
                "attainment must be a number written with digits and a point for decimals, "
                "for example 52.4 (no spaces, thousands separators, inf or nan)",
            ),
        ),
    ),
)


# The Welsh school number, which the reason not_a_school words in both languages; a
# system whose identifiers take another form is told in its own words (not_a_school_id).
SCHOOL_NUMBER = "[0-9]{7}"
# The reason support_category_value words Wales's four categories, in both languages;
# other categories are told as any value outside a vocabulary is (not_allowed).
WALES_CATEGORIES_REASON = "a support category must be green, yellow, amber or red"


def contract_for(system: System) -> tuple[ContractFile, ...]:
    """The contract of ``system``: its vocabularies as the allowed values, its form of
    school identifier, and the categories of its category measures."""
    vocabularies = {
        "focus_areas": system.focus_area_codes,
        "outcome_measures": system.outcome_measure_codes,
        "group_kinds": system.group_kind_codes,
    }
    form = "" if system.school_ids.pattern == SCHOOL_NUMBER else _form_words(system)
    specs = []
    for spec in _TEMPLATE:
        columns = tuple(
            replace(c, allowed=vocabularies[c.vocabulary], default=_default(c, vocabularies))
            if c.vocabulary
            else replace(c, pattern=system.school_ids.pattern, form=form)
            if c.type == "school_id"
            else c
            for c in spec.columns
        )
        checks = _category_checks(system) if spec.table == "school_outcomes" else ()
        specs.append(replace(spec, columns=columns, row_checks=checks + spec.row_checks))
    return tuple(specs)


def _default(column: Column, vocabularies: dict[str, tuple[str, ...]]) -> str:
    """An optional column of a vocabulary defaults to its first value (a group's kind
    to the system's first kind: Wales's files, which have no kind, hold PLCs)."""
    values = vocabularies[column.vocabulary]
    return values[0] if values and not column.required else ""


def _form_words(system: System) -> str:
    return f"{system.school_ids.description.text('en')}, as {system.name} writes them"


def _category_checks(system: System) -> tuple[RowCheck, ...]:
    """A value of a category measure must be one of its categories."""
    checks = []
    for measure in system.outcome_measures:
        if measure.kind != "category":
            continue
        codes = tuple(term.code for term in measure.categories)
        values = ", ".join(_sql_text(code) for code in codes)
        checks.append(
            RowCheck(
                "value",
                f"trim(measure) = {_sql_text(measure.code)} AND trim(value) NOT IN ({values})",
                _category_reason(measure.code, codes),
            )
        )
    return tuple(checks)


def _category_reason(measure: str, codes: tuple[str, ...]) -> str:
    said = f"a support category must be {', '.join(codes[:-1])} or {codes[-1]}"
    if measure == "support_category" and said == WALES_CATEGORIES_REASON:
        return said
    return f"not one of the allowed values: {', '.join(codes)}"


# The contract of the default system, Wales: the one the document and the demo describe.
CONTRACT: tuple[ContractFile, ...] = contract_for(WALES)


def contract_file(table: str, contract: tuple[ContractFile, ...] = CONTRACT) -> ContractFile:
    """Return the contract file that loads into ``table`` (of Wales's contract unless
    another system's is given)."""
    for spec in contract:
        if spec.table == table:
            return spec
    raise KeyError(f"no contract file for table {table!r}")


_TYPE_WORDS = {
    "text": "text",
    "integer": "whole number, 0 or more (7 or 7.0; not 7.6)",
    "number": "number (52.4)",
    "date": "date, YYYY-MM-DD",
    "school_id": "school number, seven digits",
    "year": "academic year, e.g. 2018/19",
    "score": "whole number 1 to 5 (4 or 4.0; not 4.6)",
    "member_id": "member id (text)",
}


def render_markdown() -> str:
    """The contract as Markdown: the part of docs/data-contract.md made from code."""
    parts = []
    for spec in CONTRACT:
        parts.append(f"### `{spec.file_name}` → table `{spec.table}`\n\n{spec.description}\n")
        parts.append(f"Key: {', '.join(f'`{k}`' for k in spec.key)} (unique).  ")
        refs = "; ".join(f"`{r.column}` → `{r.table}.{r.target}`" for r in spec.references)
        parts.append(f"References: {refs or 'none'}.\n")
        parts.append("| column | type | required | allowed values | description |")
        parts.append("|---|---|---|---|---|")
        for c in spec.columns:
            allowed = ", ".join(f"`{a}`" for a in c.allowed)
            parts.append(
                f"| `{c.name}` | {_TYPE_WORDS[c.type]} | {'yes' if c.required else 'no'}"
                f" | {allowed} | {c.description} |"
            )
        rules = [f"`{a}` ≤ `{b}` when both are set" for a, b in spec.ordered_dates]
        rules += [check.reason for check in spec.row_checks]
        rules += [
            f"a `{name}` that looks like an e-mail address or a person's name is set aside, "
            "its value not kept (see below)"
            for name in spec.member_id_columns
        ]
        if rules:
            parts.append("\nRules: " + "; ".join(rules) + ".")
        header = ",".join(spec.column_names)
        example = ",".join(_csv_cell(c.example) for c in spec.columns)
        parts.append(f"\nExample:\n\n```csv\n{header}\n{example}\n```\n")
    return "\n".join(parts)


def _csv_cell(text: str) -> str:
    return f'"{text}"' if "," in text else text


def write_contract_doc(path: Path = CONTRACT_DOC) -> None:
    """Replace the generated part of the contract document with the current rendering."""
    text = path.read_text(encoding="utf-8")
    before, rest = text.split(GENERATED_START, 1)
    _, after = rest.split(GENERATED_END, 1)
    path.write_text(
        f"{before}{GENERATED_START}\n\n{render_markdown()}\n{GENERATED_END}{after}",
        encoding="utf-8",
    )
