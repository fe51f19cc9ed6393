"""A chart's image says where it came from (issue 12, item 10), in Chromium: the camera
of a chart's toolbar saves a PNG named after the view in the page's language, whose
figure has the chart's heading as its title, the schools and year beneath it, and a
note with the source, the refresh and the demonstration-data caveat; the chart on
screen is unchanged.

The real server on the hand-made fixture database (its outcomes are the demo's; its
latest refresh is 20190901T101500-a1b2).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.charts import camera_button, scroll_to_chart

# Keeps what the page gives Plotly.downloadImage, then lets it save the file.
RECORD_EXPORTS = """() => {
    window.__exports = [];
    const save = window.Plotly.downloadImage;
    window.Plotly.downloadImage = (figure, options) => {
        window.__exports.push({layout: figure.layout, options: options});
        return save(figure, options);
    };
}"""
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _export_first_chart(page: Page, url: str, tmp_path: Path) -> tuple[str, dict, str]:
    """Click the camera of the page's first chart: the file's name, the exported figure's
    layout and the chart's heading on screen."""
    page.goto(url)
    graph = scroll_to_chart(page.locator(".dash-graph").first)
    expect(graph.locator(".js-plotly-plot")).to_have_count(1)
    page.evaluate(RECORD_EXPORTS)
    graph.hover()
    camera = camera_button(page, graph)
    with page.expect_download() as download:
        camera.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    exported = page.evaluate("window.__exports")
    assert len(exported) == 1
    heading = graph.locator("xpath=ancestor::section[1]//h2").first.inner_text()
    return download.value.suggested_filename, exported[0]["layout"], heading


def _note(layout: dict) -> str:
    notes = [a["text"] for a in layout["annotations"] if a.get("name") == "plcnet-provenance"]
    assert len(notes) == 1
    return notes[0]


@pytest.mark.parametrize(
    ("lang", "name", "where", "caveat", "refresh"),
    [
        (
            "en",
            "plcnet-regions-measure-2018-19-681.png",
            "Schools: Cardiff · year 2018/19",
            "Demonstration data:",
            "refresh 20190901T101500-a1b2",
        ),
        (
            "cy",
            "plcnet-rhanbarthau-mesur-2018-19-681.png",
            "Ysgolion: Caerdydd · blwyddyn 2018/19",
            "Data enghreifftiol:",
            "adnewyddiad 20190901T101500-a1b2",
        ),
    ],
)
def test_the_camera_saves_the_chart_with_its_title_and_provenance(
    page: Page,
    server_url: str,
    tmp_path: Path,
    lang: str,
    name: str,
    where: str,
    caveat: str,
    refresh: str,
) -> None:
    url = f"{server_url}/regions?year=2018/19&la=681&lang={lang}"
    file_name, layout, heading = _export_first_chart(page, url, tmp_path)
    assert file_name == name
    assert heading and heading in layout["title"]["text"]
    assert where in layout["title"]["text"]
    note = _note(layout)
    assert caveat in note and refresh in note
    assert ("Source: plcnet" if lang == "en" else "Ffynhonnell: plcnet") in note
    # The chart on screen keeps its own layout: the title and the note are the image's.
    on_screen = page.evaluate(
        "() => { const gd = document.querySelector('.dash-graph .js-plotly-plot');"
        " return [gd.layout.title, (gd.layout.annotations || []).map(a => a.name)]; }"
    )
    assert "plcnet-provenance" not in on_screen[1]
    assert not (on_screen[0] or {}).get("text", "").startswith("<b>")


def test_a_school_pages_chart_is_named_after_the_school(
    page: Page, server_url: str, tmp_path: Path
) -> None:
    file_name, layout, _ = _export_first_chart(
        page, f"{server_url}/school/6612001?year=2018/19", tmp_path
    )
    assert file_name.startswith("plcnet-school-6612001-") and file_name.endswith("-2018-19.png")
    assert "Year: 2018/19" in layout["title"]["text"]
