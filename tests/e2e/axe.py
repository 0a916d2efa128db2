"""axe-core, injected from node_modules into the page under test, and its report made readable."""

from .conftest import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
})"""


def axe_violations(page):
    # Once per page load: a resized page keeps the script.
    if not page.evaluate("() => 'axe' in window"):
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
