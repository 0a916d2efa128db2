"""Phone checks: no sideways scrolling, and tap targets at least 24 × 24 CSS px.

Target size follows WCAG 2.2 success criterion 2.5.8 (Target Size, Minimum).
"""

MIN_TARGET = 24

# Returns the targets smaller than the minimum, as readable strings.
#
# WCAG 2.5.8 exempts an "inline" target: one in a sentence, whose size is set by the line height
# of the text around it (forcing 24 px there would break the line spacing of running text). A link
# counts as inline here only when all three hold:
#   - it is laid out inline (display: inline), so the text line really decides its height;
#   - its nearest block-level ancestor holds words that belong to no target: the link sits in a
#     sentence, not in a list of links separated by punctuation such as "A · B · C";
#   - it is a link: buttons, inputs and selects are never part of a sentence.
# The criterion's other exception (undersized targets spaced 24 px apart) is deliberately not
# used: on a phone a target that is big enough is better than one that is merely far enough.
# Hidden elements and the skip link, which sits off screen until it gets focus, are not targets.
SMALL_TARGETS = """minimum => {
    const targets = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const blockOf = element => {
        let node = element.parentElement;
        while (node && getComputedStyle(node).display.startsWith("inline")) {
            node = node.parentElement;
        }
        return node;
    };
    const wordsOutsideTargets = block => {
        const copy = block.cloneNode(true);
        copy.querySelectorAll(targets).forEach(target => target.remove());
        return /\\p{L}{2,}/u.test(copy.textContent);
    };
    const isInline = element => element.matches("a[href]")
        && getComputedStyle(element).display === "inline"
        && wordsOutsideTargets(blockOf(element));
    const small = [];
    for (const element of document.querySelectorAll(targets)) {
        const box = element.getBoundingClientRect();
        const rendered = box.width > 0 && box.height > 0 && box.bottom + window.scrollY > 0;
        if (!rendered || getComputedStyle(element).visibility === "hidden") continue;
        if (box.width >= minimum && box.height >= minimum) continue;
        if (isInline(element)) continue;
        const label = (element.textContent.trim() || element.name || element.id).slice(0, 60);
        small.push(`${element.outerHTML.slice(0, 120)} ("${label}"): `
            + `${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
    }
    return small;
}"""

OVERFLOW = """() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    // Name the culprits: the elements whose right edge passes the viewport.
    return [...document.querySelectorAll("body *")]
        .filter(element => element.getBoundingClientRect().right > root.clientWidth + 0.5)
        .slice(0, 10)
        .map(element => `${element.outerHTML.slice(0, 120)} (right edge at `
            + `${element.getBoundingClientRect().right.toFixed(0)} px)`)
        .concat([`page is ${root.scrollWidth} px wide for a ${root.clientWidth} px screen`]);
}"""


def phone_problems(page):
    """Readable lines for what is wrong at the page's current width; empty when all is well."""
    problems = [f"scrolls sideways: {line}" for line in page.evaluate(OVERFLOW)]
    problems += [
        f"target under {MIN_TARGET} px: {line}" for line in page.evaluate(SMALL_TARGETS, MIN_TARGET)
    ]
    return problems
