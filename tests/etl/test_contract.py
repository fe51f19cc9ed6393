"""The contract lives once in code; the document and the schema must agree with it."""

from __future__ import annotations

import duckdb

from etl.contract import CONTRACT, CONTRACT_DOC, GENERATED_END, GENERATED_START, render_markdown
from etl.schema import apply_schema


def test_contract_document_says_what_the_code_says():
    text = CONTRACT_DOC.read_text(encoding="utf-8")
    generated = text.split(GENERATED_START, 1)[1].split(GENERATED_END, 1)[0]
    assert generated.strip() == render_markdown().strip(), (
        "docs/data-contract.md is out of date: run `python -m etl contract-doc`"
    )


def test_each_contract_table_has_the_contract_columns_in_the_schema():
    con = duckdb.connect()
    apply_schema(con)
    for spec in CONTRACT:
        columns = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
            "ORDER BY column_index",
            [spec.table],
        ).fetchall()
        assert [name for name, _ in columns] == list(spec.column_names)
        assert [kind for _, kind in columns] == [c.sql_type for c in spec.columns]


def test_every_published_table_and_column_is_documented():
    con = duckdb.connect()
    apply_schema(con)
    undocumented = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE comment IS NULL OR comment = ''"
    ).fetchall()
    assert undocumented == []


def test_database_document_names_every_table_and_column():
    text = (CONTRACT_DOC.parent / "database.md").read_text(encoding="utf-8")
    sections = {part.split("`", 2)[1]: part for part in text.split("\n### ")[1:]}
    con = duckdb.connect()
    apply_schema(con)
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal "
        "ORDER BY table_name, column_index"
    ).fetchall():
        assert table in sections, f"docs/database.md has no section for {table}"
        assert f"`{column}`" in sections[table], f"docs/database.md: {table}.{column} missing"
