"""Visitors who ask their system for reduced motion get no transition and no animation."""

import pytest

# Every element whose computed style would animate something.
MOVING = """() => [...document.querySelectorAll("*")].filter(element => {
    const style = getComputedStyle(element);
    const durations = style.transitionDuration.split(",").map(parseFloat);
    return durations.some(duration => duration > 0) || style.animationName !== "none";
}).map(element => element.outerHTML.slice(0, 80))"""

RUNNING = "() => document.getAnimations().map(animation => animation.constructor.name)"


def hover_the_filter_button(page):
    # Freeze the page's clock first: a transition that starts then stays listed by
    # getAnimations() however slow the machine is, instead of ending before it is looked at.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Animation.enable")
    cdp.send("Animation.setPlaybackRate", {"playbackRate": 0})
    page.hover("form.filters button[type=submit]")


@pytest.mark.parametrize("path", ["/", "/metiers/"])
def test_nothing_moves_when_reduced_motion_is_requested(path, open_page):
    page = open_page(path, reduced_motion="reduce")
    moving = page.evaluate(MOVING)
    assert not moving, f"{path}: these still animate under reduced motion: {moving}"
    if page.locator("form.filters").count():
        hover_the_filter_button(page)
        running = page.evaluate(RUNNING)
        assert not running, f"{path}: hovering the filter button starts {running}"


def test_the_motion_check_sees_the_hover_transition_otherwise(open_page):
    """Without the preference the same hover animates: the test above can see motion."""
    page = open_page("/metiers/", reduced_motion="no-preference")
    assert page.evaluate(MOVING), "No element has a transition: the reduced-motion test is moot"
    hover_the_filter_button(page)
    assert "CSSTransition" in page.evaluate(RUNNING)
