"""Welsh messages of the page shown when the published data cannot be read."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "unreadable.title": "Ni ellir darllen y data",
    "unreadable.text": "Ni ellir darllen y data ar hyn o bryd; mae'r tîm data wedi cael gwybod.",
    "unreadable.later": "Rhowch gynnig arall arni yn nes ymlaen.",
}
