"""At 375 × 800 px, a phone's first screen shows the page's title and its first content."""

import pytest

# The first thing after the title a reader came for, on each kind of page.
FIRST_CONTENT = {
    "/": "main .lead",
    "/metiers/": "main .filters",  # the whole list: its filters come first, open
    "/metiers/?niveau=2": "main .card",
    "/metiers/audioprothesiste/": "main .lead",
    "/formations/": "main .lead",
    "/formations/bts/": "main .facts",
    "/familles/prevention-action-sanitaire-et-sociale/": "main .card",
    "/formations/schema/": "main .lead",
}


@pytest.mark.parametrize("path", FIRST_CONTENT)
def test_the_title_and_first_content_show_above_the_fold_on_a_phone(open_page, path):
    page = open_page(path, width=375)
    title = page.locator("main h1").bounding_box()
    first = page.locator(FIRST_CONTENT[path]).first.bounding_box()
    assert title["y"] + title["height"] <= 800, f"{path}: the title ends at {title}"
    assert first["y"] + 40 <= 800, f"{path}: {FIRST_CONTENT[path]} starts at {first['y']} px"
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 140, f"{path}: the header is {header['height']} px tall"
