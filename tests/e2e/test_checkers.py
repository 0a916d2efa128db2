"""The checks themselves, on small hand-made pages: each one catches what it looks for.

A check that silently finds nothing (a selector that matches no element, an exemption that is
too wide) would let every page pass; these tests pin down what counts as a problem.
"""

import pytest

from .axe import axe_violations, describe
from .phone import phone_problems

TARGETS_PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Cibles</title>
<style>body { font: 16px/1.5 sans-serif; margin: 0 }</style></head><body><main>
<p>Un lien <a id="in-sentence" href="/a">dans une phrase</a> garde la hauteur de la ligne.</p>
<ul><li><a id="alone-in-list" href="/b">Seul</a></li></ul>
<p><a id="listed-1" href="/c">Un</a> · <a id="listed-2" href="/d">Deux</a></p>
<p>Texte <button id="small-button" style="font-size: 10px; padding: 0">ok</button></p>
<p><a id="padded" href="/e" style="display: inline-block; padding: 4px 0">Assez grand</a></p>
<ul style="width: 120px"><li><a id="wrapped" href="/f">Un lien seul qui passe à la
  ligne</a></li></ul>
<p><button id="overlapped" style="padding: 8px">Premier</button><button id="overlapping"
  style="padding: 8px; margin-left: -10px">Second</button></p>
</main></body></html>"""

WIDE_PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Large</title></head><body>
<main><div id="too-wide" style="width: 500px">Trop large</div></main></body></html>"""

INACCESSIBLE_PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Image</title></head><body>
<main><h1>Titre</h1><img id="no-alt" src="/x.png"></main></body></html>"""


@pytest.fixture
def blank_page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    yield context.new_page()
    context.close()


def test_small_targets_are_flagged_unless_inline_in_a_sentence(blank_page):
    blank_page.set_content(TARGETS_PAGE)
    problems = "\n".join(phone_problems(blank_page))
    for flagged in ["alone-in-list", "listed-1", "listed-2", "small-button", "wrapped"]:
        assert f'id="{flagged}"' in problems, f"{flagged} should be flagged:\n{problems}"
    for exempt in ["in-sentence", "padded"]:
        assert f'id="{exempt}"' not in problems, f"{exempt} should pass:\n{problems}"
    assert 'targets overlap: <button id="overlapped"' in problems, problems


def test_sideways_scrolling_is_flagged_with_its_culprit(blank_page):
    blank_page.set_content(WIDE_PAGE)
    problems = "\n".join(phone_problems(blank_page))
    assert 'id="too-wide"' in problems and "px wide for a 375 px screen" in problems, problems


def test_axe_reports_the_rule_and_the_element(blank_page):
    blank_page.set_content(INACCESSIBLE_PAGE)
    report = "\n".join(describe(axe_violations(blank_page)))
    assert "[image-alt]" in report and "#no-alt" in report, report
