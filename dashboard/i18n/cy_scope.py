"""Negeseuon Cymraeg cwmpas y rhanbarth: yr hyn a wêl defnyddiwr o ysgol neu CDP y tu
allan iddo."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "scope.outside_title": "Y tu allan i'ch ardal",
    "scope.outside_school": (
        "Mae'r ysgol hon y tu allan i'r ardal y cewch ei gweld. Cewch weld manylion "
        "ysgolion a CDPau yn eich rhanbarth eich hun yn unig; mae'r ffigurau ar gyfer "
        "awdurdodau lleol ac ar gyfer Cymru ar y tudalennau trosolwg a rhanbarthau."
    ),
    "scope.outside_plc": (
        "Mae'r CDP hwn y tu allan i'r ardal y cewch ei gweld. Cewch weld manylion "
        "ysgolion a CDPau yn eich rhanbarth eich hun yn unig; mae'r ffigurau ar gyfer "
        "awdurdodau lleol ac ar gyfer Cymru ar y tudalennau trosolwg a rhanbarthau."
    ),
    "scope.back": "Yn ôl i'r trosolwg",
    "scope.partners_outside": (
        "Mae {count} ysgol bartner arall y tu allan i'r ardal y cewch ei gweld: fe'u "
        "cyfrifir yma, heb eu henwi."
    ),
    "scope.members_outside": (
        "Mae {count} ysgol arall sy'n aelodau y tu allan i'r ardal y cewch ei gweld: "
        "fe'u cyfrifir yma, heb eu henwi."
    ),
}
