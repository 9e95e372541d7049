"""The report's charts: real PNG images, described in full by their alternative text, legible colours."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from paptools.compare.figures import Counts
from paptools.model import REPORT_ORDER, Status
from paptools.write.chart import COLOURS, OUTLINE, contrast, status_chart, text_colour, trend_chart


def counts(complete: int, on_track: int, not_started: int, vulnerable: int, at_risk: int) -> Counts:
    values = (complete, on_track, not_started, vulnerable, at_risk)
    return Counts(sum(values), tuple(zip(REPORT_ORDER, values)))


def test_status_chart_is_a_png_and_its_text_gives_every_count() -> None:
    png, alt = status_chart([("PAP actions", counts(30, 12, 4, 3, 3)), ("All actions", counts(40, 15, 6, 4, 3))])
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width > 1000 and image.height > 300
    assert alt == (
        "Bar chart of actions by RA status. PAP actions: Complete 30, On track 12, Not yet started 4, "
        "Vulnerable 3, At risk 3 (total 52); All actions: Complete 40, On track 15, Not yet started 6, "
        "Vulnerable 4, At risk 3 (total 68)."
    )


def test_status_chart_draws_each_status_colour() -> None:
    png, _ = status_chart([("PAP actions", counts(5, 4, 3, 2, 1))])
    colours = {colour for _, colour in Image.open(io.BytesIO(png)).convert("RGB").getcolors(1_000_000)}
    for status in (Status.COMPLETE, Status.ON_TRACK, Status.VULNERABLE, Status.AT_RISK):
        assert COLOURS[status] in colours


def test_trend_chart_with_many_versions_and_an_empty_one() -> None:
    versions = [(f"V{n}", counts(n, 10, 5, 1, 0)) for n in range(36)] + [("Empty", counts(0, 0, 0, 0, 0))]
    png, alt = trend_chart(versions)
    assert Image.open(io.BytesIO(png)).format == "PNG"
    assert alt.startswith("Stacked column chart of all actions by RA status in each version of the plan. "
                          "V0: Complete 0, On track 10, Not yet started 5, Vulnerable 1, At risk 0; V1: Complete 1,")
    assert alt.endswith("Empty: Complete 0, On track 0, Not yet started 0, Vulnerable 0, At risk 0.")


def test_colours_meet_wcag_contrast() -> None:
    white = (255, 255, 255)
    assert contrast(OUTLINE, white) >= 3.0  # every bar's edge shows on the page
    for status, fill in COLOURS.items():
        assert contrast(text_colour(fill), fill) >= 4.5, status  # numbers written on a segment
    assert text_colour(COLOURS[Status.COMPLETE]) == white
    assert text_colour(COLOURS[Status.VULNERABLE]) == (0, 0, 0)


@pytest.mark.parametrize("top, step", [(0, 1), (3, 1), (6, 1), (7, 2), (12, 2), (13, 5), (38, 10), (52, 10),
                                       (130, 50), (5000, 1000)])
def test_count_axes_step_in_whole_round_numbers(top, step):
    from paptools.write.ticks import tick_step

    assert tick_step(top) == step


def test_unknown_statuses_are_drawn_grey_and_named_so_the_bars_add_up() -> None:
    from paptools.write.chart import UNKNOWN_FILL

    with_unknown = Counts(10, tuple(zip(REPORT_ORDER, (3, 3, 1, 1, 1))), 1)
    png, alt = status_chart([("PAP actions", with_unknown)])
    assert UNKNOWN_FILL in {colour for _, colour in Image.open(io.BytesIO(png)).convert("RGB").getcolors(1_000_000)}
    assert alt == ("Bar chart of actions by RA status. PAP actions: Complete 3, On track 3, Not yet started 1, "
                   "Vulnerable 1, At risk 1, Unknown 1 (total 10).")
    png, alt = trend_chart([("Jan 2025", counts(2, 4, 1, 2, 1)), ("Apr 2025", with_unknown)])
    assert UNKNOWN_FILL in {colour for _, colour in Image.open(io.BytesIO(png)).convert("RGB").getcolors(1_000_000)}
    assert alt.endswith("Apr 2025: Complete 3, On track 3, Not yet started 1, Vulnerable 1, At risk 1, Unknown 1.")
