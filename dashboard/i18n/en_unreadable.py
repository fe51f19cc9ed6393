"""English messages of the page shown when the published data cannot be read."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "unreadable.title": "The data cannot be read",
    "unreadable.text": "The data cannot be read just now; the data team has been told.",
    "unreadable.later": "Please try again later.",
}
