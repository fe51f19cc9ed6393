"""Test code inserts rows by column name, never by position (issue 11).

An INSERT whose values follow the table's name straight away fills the columns in
the order the table declares them: when the schema gains a column in the middle of
a table, every value after it lands one column to the right, and a fixture goes on
building a database that is silently wrong. So every INSERT in tests/ names its
columns, either with a column list, ``INSERT INTO t (a, b) VALUES (...)``, or with
DuckDB's ``INSERT INTO t BY NAME SELECT ...``. No exceptions. (The dashboard
fixture's ``_insert`` helper builds its column list from the names it is given.)

The check reads every string in the test code (f-strings with their holes as
``{}``, strings joined across lines as Python joins them) through the AST.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# INSERT [OR REPLACE|OR IGNORE] INTO <table>, then what follows the table's name.
_INSERT = re.compile(
    r"\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+[\w.\"{}]+\s*(?P<after>\S+(?:\s+\S+)?)", re.IGNORECASE
)
_BY_NAME = re.compile(r"^(\(|BY\s+NAME\b)", re.IGNORECASE)


def positional_inserts(source: str) -> list[str]:
    """The INSERT statements in the strings of ``source`` that give no column names."""
    found = []
    for text in _strings(ast.parse(source)):
        for insert in _INSERT.finditer(text):
            if not _BY_NAME.match(insert["after"]):
                found.append(" ".join(insert[0].split()))
    return found


def _strings(tree: ast.AST) -> list[str]:
    """Every string constant, and every f-string with ``{}`` for each of its holes."""
    strings = []
    read_with_their_fstring = set()
    # ast.walk reaches an f-string before its pieces: they are read with it, not alone.
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            read_with_their_fstring.update(id(value) for value in node.values)
            strings.append("".join(_text_or_hole(value) for value in node.values))
        elif _is_text(node) and id(node) not in read_with_their_fstring:
            strings.append(node.value)
    return strings


def _text_or_hole(value: ast.expr) -> str:
    return value.value if _is_text(value) else "{}"


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_no_test_code_inserts_by_position() -> None:
    found = {
        str(path.relative_to(TESTS)): inserts
        for path in sorted(TESTS.rglob("*.py"))
        if (inserts := positional_inserts(path.read_text(encoding="utf-8")))
    }
    assert not found


def test_the_check_finds_inserts_by_position() -> None:
    """The statements are joined here at run time so that this file passes its own check."""
    insert = "INSERT" + " INTO"
    by_position = [
        f'con.execute("{insert} t VALUES (1, 2)")',
        f'con.execute("{insert} t\\n VALUES (?, ?)", [1, 2])',
        f'con.execute("{insert} t " "SELECT * FROM u")',
        f'con.execute(f"{insert} {{table}} VALUES ({{marks}})")',
        f'con.execute("{insert.lower().replace(" ", " or replace ")} main.t values (1)")',
    ]
    for source in by_position:
        assert len(positional_inserts(source)) == 1, source


def test_the_check_accepts_inserts_by_name() -> None:
    insert = "INSERT" + " INTO"
    by_name = [
        f'con.execute("{insert} t (a, b) VALUES (1, 2)")',
        f'con.execute("{insert} t(a) VALUES (1)")',
        f'con.execute("{insert} t BY NAME SELECT 1 AS a")',
        f'con.execute(f"{insert} {{table}} ({{names}}) VALUES ({{marks}})")',
        'con.execute("SELECT 1")',
    ]
    for source in by_name:
        assert positional_inserts(source) == [], source
