"""Every page type, in real Chromium, at desktop and phone widths.

- axe-core finds no WCAG 2.0/2.1 A or AA violation and no best-practice one (colour contrast
  included) at 1280 and 375 px;
- at 375 and 320 px nothing scrolls sideways and every tap target is at least 24 × 24 px, and
  still so at 320 px once the reader's own text spacing is applied (WCAG 1.4.12);
- a full-page screenshot is saved at 1280 and 375 px into test-artifacts/screenshots/, for a
  human to look at.

One page load per page type, resized from width to width: loading costs more than checking.
"""

from dataclasses import dataclass

import pytest

from .axe import axe_violations, describe
from .pages import PAGE_TYPES
from .phone import TEXT_SPACING, phone_problems


@dataclass(frozen=True)
class Width:
    pixels: int
    axe: bool = False
    phone: bool = False
    screenshot: bool = False


WIDTHS = [
    Width(1280, axe=True, screenshot=True),
    Width(375, axe=True, phone=True, screenshot=True),
    Width(320, phone=True),
]


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_is_accessible_and_fits_a_phone(page_type, open_page, artifacts):
    page = open_page(page_type.path, width=WIDTHS[0].pixels, status=page_type.status)
    main = page.locator("main").inner_text()
    assert page_type.shows in main, f"{page_type.path} does not show {page_type.shows!r}"
    report = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width.pixels, "height": 800})
        if width.screenshot:
            shot = artifacts / "screenshots" / f"{page_type.name}-{width.pixels}.png"
            page.screenshot(path=shot, full_page=True)
        if width.axe and (violations := axe_violations(page)):
            report.append(f"axe at {width.pixels} px:")
            report.extend(describe(violations))
        if width.phone and (problems := phone_problems(page)):
            report.append(f"phone at {width.pixels} px:")
            report.extend(f"    - {problem}" for problem in problems)
    page.add_style_tag(content=TEXT_SPACING)
    if problems := phone_problems(page):
        report.append(f"phone at {WIDTHS[-1].pixels} px with wider text spacing:")
        report.extend(f"    - {problem}" for problem in problems)
    assert not report, f"{page_type.name} page ({page_type.path}):\n" + "\n".join(report)
