"""axe-core, in real Chromium, finds no WCAG 2.1 A/AA or best-practice violation on any page type.

Colour contrast (WCAG 1.4.3, 4.5:1) is one of these rules. Each page is checked at desktop and
phone width, where the layout differs, and a full-page screenshot is saved for a human to look at.
"""

import pytest

from .conftest import ROOT
from .pages import PAGE_TYPES

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
WIDTHS = [1280, 375]

RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
})"""


def axe_violations(page):
    page.add_script_tag(path=AXE_SCRIPT)
    return page.evaluate(RUN_AXE, AXE_TAGS)["violations"]


def describe(violations):
    """One readable block per rule: what is wrong, where (selector and HTML), how to fix it."""
    lines = []
    for violation in violations:
        lines.append(
            f"  [{violation['id']}] ({violation['impact']}) {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            selector = " ".join(str(part) for part in node["target"])
            lines.append(f"    - {selector}: {node['html'][:200]}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"        {line}" for line in summary.splitlines())
    return lines


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_has_no_axe_violation(page_type, open_page, artifacts):
    report = []
    for width in WIDTHS:
        page = open_page(page_type.path, width=width, status=page_type.status)
        page.screenshot(
            path=artifacts / "screenshots" / f"{page_type.name}-{width}.png", full_page=True
        )
        violations = axe_violations(page)
        if violations:
            report.append(f"{page_type.path} at {width} px:")
            report.extend(describe(violations))
    assert not report, f"axe violations on the {page_type.name} page:\n" + "\n".join(report)
