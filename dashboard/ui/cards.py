"""The figure card: a figure with its name and a sentence on what it counts."""

from __future__ import annotations

from dash import html

__all__ = ["build_card"]


def build_card(label: str, value: str, help_text: str, card_id: str) -> html.Div:
    """A figure with its name and a sentence on what it counts (the overview's look)."""
    return html.Div(
        [
            html.H3(label, className="headline-label"),
            html.P(value, className="headline-value"),
            html.P(help_text, className="headline-help"),
        ],
        className="headline",
        id=card_id,
    )
