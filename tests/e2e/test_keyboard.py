"""A job search done with the keyboard alone, with and without JavaScript.

The journey: skip to the content, tab through every filter control, go to the next page of
results, filter by family and level, open a job, then go back to the same results. At every
stop the focused element must have a name and a visible focus indicator.
"""

import re

import pytest

# An element's identity across two page.evaluate calls: its id, or its markup.
KEY = "element => element.id || element.outerHTML.slice(0, 120)"

# What a keyboard user perceives of the focused element.
FOCUSED = f"""() => {{
    const key = {KEY};
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const labels = element.labels ? [...element.labels].map(label => label.textContent) : [];
    const labelledBy = (element.getAttribute("aria-labelledby") || "").split(" ")
        .map(id => document.getElementById(id)).filter(Boolean).map(label => label.textContent);
    // A form field is named by its label only: a <select>'s text is its options, not a name.
    const isField = ["INPUT", "SELECT", "TEXTAREA"].includes(element.tagName);
    const name = [
        element.getAttribute("aria-label"), ...labelledBy, ...labels,
        isField ? "" : element.textContent,
    ].map(text => (text || "").trim()).find(text => text) || "";
    const box = element.getBoundingClientRect();
    return {{
        description: element.outerHTML.slice(0, 120),
        key: key(element),
        name: name,
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
    }};
}}"""

FILTER_CONTROLS = f"""() => [...document.querySelector("form.filters").elements]
    .filter(element => element.type !== "hidden" && element.tagName !== "FIELDSET")
    .map({KEY})"""


def check_focus(stop):
    """The focused element can be seen, is marked, and says what it is."""
    problems = []
    if not stop["visible"]:
        problems.append("is off screen")
    if not (stop["outline"] or stop["shadow"]):
        problems.append("has no visible focus indicator (outline and box-shadow are none)")
    if not stop["name"]:
        problems.append("has no accessible name")
    assert not problems, f"Focused element {stop['description']} " + " and ".join(problems)


def tab_until(page, selector, limit=60):
    """Press Tab until the focus lands on `selector`, checking every stop; return the stops."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        check_focus(stop)
        stops.append(stop)
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return stops
    visited = "\n".join(f"  {stop['description']}" for stop in stops)
    pytest.fail(f"{selector} not reached after {limit} Tab presses; the focus went to:\n{visited}")


def choose(page, value, limit=12):
    """Pick an option of the focused <select> with the arrow keys, as a keyboard user does."""
    for _ in range(limit):
        if page.evaluate("() => document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"Could not reach the option {value!r} with the arrow keys")


def press_enter_and_follow(page):
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    response = navigation.value
    assert response.status == 200, f"{response.url}: HTTP {response.status}"


def skip_to_content(page):
    page.keyboard.press("Tab")
    stop = page.evaluate(FOCUSED)
    check_focus(stop)
    assert "skip-link" in stop["description"], f"First Tab stop is {stop['description']}"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "contenu", (
        "The skip link did not move the focus to <main id='contenu'>"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_job_search_works_with_the_keyboard_alone(javascript, open_page):
    page = open_page("/metiers/", javascript=javascript)

    skip_to_content(page)
    expected = page.evaluate(FILTER_CONTROLS)
    stops = tab_until(page, "form.filters button[type=submit]")
    reached = [stop["key"] for stop in stops]
    missing = [control for control in expected if control not in reached]
    assert not missing, f"Filter controls skipped by the Tab key: {missing}"

    tab_until(page, ".pagination a[rel=next]")
    press_enter_and_follow(page)
    assert re.search(r"[?&]page=2\b", page.url), page.url
    assert page.locator(".pagination [aria-current=page]").inner_text() == "2"

    skip_to_content(page)
    tab_until(page, "#id_famille")
    choose(page, "autres-metiers")
    tab_until(page, "#id_niveau")
    choose(page, "2")
    tab_until(page, "form.filters button[type=submit]")
    press_enter_and_follow(page)
    assert "famille=autres-metiers" in page.url and "niveau=2" in page.url, page.url
    assert "page=" not in page.url, f"Filtering should start again at page 1: {page.url}"
    assert "correspond" in page.locator(".result-count").inner_text()

    skip_to_content(page)
    job = tab_until(page, "main article.card a")[-1]
    press_enter_and_follow(page)
    assert re.search(r"/metiers/[\w-]+/\?depuis=[^#]+$", page.url), page.url
    title = page.locator("h1").inner_text()
    assert job["name"].split(" / ")[0] in title, f"Opened {title!r}, not {job['name']!r}"

    skip_to_content(page)
    tab_until(page, "main p.back a")
    press_enter_and_follow(page)
    assert re.search(r"/metiers/\?famille=autres-metiers&niveau=2$", page.url), page.url
