"""Every reason a refresh gives for setting a row aside is one of etl/reasons.py's, so
that the data page can read its code back and show it in Welsh: every check of every
contract file, the misfit reasons, the member-id reasons, and each reason read back
gives the same English again."""

from __future__ import annotations

import string

import pytest

from etl.contract import CONTRACT
from etl.pseudonym import MEMBER_ID_REASONS
from etl.reasons import REASONS, read_reason, say
from etl.sources.contract_files import misfit_reason
from etl.validate import checks_for


def _reads_back(reason: str) -> str:
    found = read_reason(reason)
    assert found is not None, f"not a reason of etl/reasons.py: {reason!r}"
    code, fields = found
    assert say(code, **fields) == reason
    return code


@pytest.mark.parametrize("spec", CONTRACT, ids=lambda spec: spec.table)
def test_every_check_of_the_contract_gives_a_known_reason(spec: object) -> None:
    codes = {_reads_back(check.reason) for check in checks_for(spec)}
    assert {"duplicate_key", "already_loaded"} <= codes


def test_fields_are_read_back_as_written() -> None:
    reason = say("no_such_reference", target="plc_id", table="plcs")
    assert read_reason(reason) == ("no_such_reference", {"target": "plc_id", "table": "plcs"})
    reason = say("not_allowed", allowed="lead, member")
    assert read_reason(reason) == ("not_allowed", {"allowed": "lead, member"})


def test_misfits_and_member_ids_give_known_reasons() -> None:
    assert _reads_back(misfit_reason(5, 4)) == "too_many_fields"
    assert _reads_back(misfit_reason(3, 4)) == "too_few_fields"
    assert {_reads_back(r) for r in MEMBER_ID_REASONS.values()} == {
        "looks_like_email",
        "looks_like_name",
    }


@pytest.mark.parametrize("code", REASONS)
def test_each_reason_reads_back_to_itself(code: str) -> None:
    fields = {
        name: f"x{index}"
        for index, (_, name, _, _) in enumerate(string.Formatter().parse(REASONS[code]))
        if name
    }
    assert read_reason(say(code, **fields)) == (code, fields)


def test_any_other_text_is_no_reason() -> None:
    assert read_reason("the row was eaten by a goose") is None
    assert read_reason(say("missing") + " and more") is None
