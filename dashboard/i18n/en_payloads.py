"""English messages of the answers to malformed requests (dashboard/payloads.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "request.malformed": (
        "Bad request: the dashboard reads text or a number here, not a list or an object."
    ),
}
