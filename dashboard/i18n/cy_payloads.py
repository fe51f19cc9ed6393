"""Welsh messages of the answers to malformed requests (dashboard/payloads.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "request.malformed": (
        "Cais gwallus: mae'r dangosfwrdd yn darllen testun neu rif yma, nid rhestr na gwrthrych."
    ),
}
