"""A job page prints on at most two A4 pages: no navigation, link targets shown, source kept."""

import io

from pypdf import PdfReader

from careers.models import Career

# The printable width of an A4 page with the stylesheet's 16 mm side margins, in CSS pixels
# (96 per inch): pages laid out at this width are as tall as they will print.
A4_PRINTABLE_WIDTH = round((210 - 2 * 16) / 25.4 * 96)

HIDDEN_IN_PRINT = """() => [...document.querySelectorAll(
        ".site-header, nav, form, .site-footer, .skip-link")]
    .filter(element => element.checkVisibility())
    .map(element => element.outerHTML.slice(0, 80))"""

# Links in the printed content whose target is not written out after them. A link to a
# note on the same sheet (a provenance mark) needs no address, nor does a national level,
# whose dated note is printed with its address on every page (.dated-note).
LINKS_WITHOUT_TARGET = """() => [...document.querySelectorAll("main a[href]")]
    .filter(link => link.checkVisibility())
    .filter(link => !(link.getAttribute("href").startsWith("#")
        && document.getElementById(link.getAttribute("href").slice(1))?.checkVisibility()))
    .filter(link => !(link.classList.contains("level-note")
        && document.querySelector("main .dated-note")?.checkVisibility()))
    .filter(link => !getComputedStyle(link, "::after").content.includes(
        link.getAttribute("href")))
    .map(link => link.outerHTML.slice(0, 80))"""


def longest_job_path(page, base_url):
    """The job page that is tallest once laid out for print: the hardest one to fit."""
    heights = {}
    # Read the jobs before loading pages: on SQLite the live server shares this connection.
    for career in list(Career.objects.published()):
        page.goto(base_url + career.get_absolute_url())
        heights[career.get_absolute_url()] = page.evaluate(
            "() => document.documentElement.scrollHeight"
        )
    return max(heights, key=heights.get)


def test_the_longest_job_page_prints_on_two_a4_pages_at_most(open_page, site, artifacts):
    page = open_page("/", width=A4_PRINTABLE_WIDTH, media="print")
    path = longest_job_path(page, site)
    page.goto(site + path)

    printed_navigation = page.evaluate(HIDDEN_IN_PRINT)
    assert not printed_navigation, f"{path}: navigation still printed: {printed_navigation}"
    hidden_targets = page.evaluate(LINKS_WITHOUT_TARGET)
    assert not hidden_targets, f"{path}: these links do not print their target: {hidden_targets}"

    printed = page.pdf(format="A4")
    (artifacts / "longest-job.pdf").write_bytes(printed)
    pdf = PdfReader(io.BytesIO(printed))
    text = "\n".join(pdf_page.extract_text() for pdf_page in pdf.pages)
    assert len(pdf.pages) <= 2, f"{path} prints on {len(pdf.pages)} A4 pages"
    assert "Source : ONISEP" in text, f"{path}: the source line is not printed"
