"""The counsellor's toolkit in real Chromium: comparing jobs, « Ma sélection » and its handout.

- axe finds nothing at 1280 and 375 px, and nothing scrolls sideways at 320 px (tap targets
  of 24 px included), on the comparison of 4 jobs and on the selection, own and shared;
- the Nu HTML Checker finds no error in them, nor in a job page with its selection button
  and the job list with its boxes to tick;
- jobs are ticked and compared, and added to the selection, with JavaScript off;
- the selection of 3 jobs prints on one A4 page, with full addresses and QR codes, and the
  comparison of 4 jobs on one landscape A4 page.
"""

import io

from pypdf import PdfReader

from careers.models import Career

from .axe import axe_violations, describe
from .phone import phone_problems
from .test_html_validity import vnu_messages
from .test_print import A4_PRINTABLE_WIDTH

# The links of the printed content that do not print their full address after them.
LINKS_WITHOUT_FULL_ADDRESS = """site => [...document.querySelectorAll("main a[href]")]
    .filter(link => link.checkVisibility())
    .filter(link => !link.getAttribute("href").startsWith("#"))
    .filter(link => !getComputedStyle(link, "::after").content.includes(link.href))
    .map(link => link.outerHTML.slice(0, 80))"""

# A4 in PDF points.
A4_SHORT, A4_LONG = 595, 842


def most_documented_jobs(count):
    """The slugs of the `count` jobs with the most diploma rows: the hardest to fit on paper."""
    careers = Career.objects.for_detail()
    ranked = sorted(careers, key=lambda career: -len(career.pathways.all()))
    return [career.slug for career in ranked[:count]]


def compare_path(slugs):
    return "/metiers/comparer/?" + "&".join(f"m={slug}" for slug in slugs)


def add_with_the_button(page, site, slugs):
    """What a visitor does, JavaScript or not: press « Ajouter à ma sélection » on each job."""
    for slug in slugs:
        page.goto(f"{site}/metiers/{slug}/")
        page.get_by_role("button", name="Ajouter à ma sélection").click()
        page.wait_for_load_state()
        assert page.url == f"{site}/metiers/{slug}/"
        assert "est dans votre sélection" in page.locator(".messages").inner_text()


def problems_at_every_width(page, shots, name):
    """axe at 1280 and 375 px, phone checks at 375 and 320 px; screenshots into `shots`."""
    report = []
    for width in (1280, 375, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=shots / f"toolkit-{name}-{width}.png", full_page=True)
        if width != 320 and (violations := axe_violations(page)):
            report += [f"axe at {width} px:", *describe(violations)]
        if width != 1280 and (problems := phone_problems(page)):
            report += [f"phone at {width} px:", *problems]
    return report


def test_the_comparison_and_the_selection_pass_axe_and_fit_a_phone(open_page, site, artifacts):
    slugs = most_documented_jobs(4)
    report = {}
    shots = artifacts / "screenshots"
    page = open_page(compare_path(slugs))
    assert page.locator("table.compare-table thead th").count() == 4
    report["comparison"] = problems_at_every_width(page, shots, "compare")

    page = open_page(f"/selection/?m={slugs[0]}&m={slugs[1]}&f=bts")
    assert page.locator("svg.qr").count() == 3
    report["shared selection"] = problems_at_every_width(page, shots, "selection-shared")

    add_with_the_button(page, site, slugs[:3])
    page.goto(f"{site}/selection/")
    assert page.locator(".handout-item").count() == 3
    report["own selection"] = problems_at_every_width(page, shots, "selection")

    page.goto(f"{site}/metiers/{slugs[0]}/")
    report["job page with its remove button"] = problems_at_every_width(page, shots, "job")
    page.goto(f"{site}/formations/bts/")
    report["diploma page with its add button"] = problems_at_every_width(page, shots, "diploma")
    page.goto(f"{site}/metiers/")
    report["job list with its boxes to tick"] = problems_at_every_width(page, shots, "job-list")
    assert not any(report.values()), "\n".join(
        f"{name}:\n  " + "\n  ".join(lines) for name, lines in report.items() if lines
    )


def test_the_toolkit_pages_are_valid_html(client, brochure, artifacts):
    same_origin = {"HTTP_ORIGIN": "http://testserver"}
    for slug in ("actuaire", "opticien"):
        client.post("/selection/ajouter/", {"m": slug}, **same_origin)
    client.post("/selection/ajouter/", {"f": "bts"}, **same_origin)
    paths = {
        "compare": compare_path(["actuaire", "opticien", "webmestre", "audioprothesiste"]),
        "compare-too-few": "/metiers/comparer/?m=actuaire&m=licorne",
        "selection": "/selection/",
        "selection-shared": "/selection/?m=actuaire&f=bts&m=licorne",
        "selection-empty": "/selection/?m=",
        "job-selected": "/metiers/actuaire/",
        "diploma": "/formations/bts/",
        "job-list-compare": "/metiers/?famille=autres-metiers",
    }
    files = {}
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, path
        file = artifacts / "html" / f"toolkit-{name}.html"
        file.write_text(response.content.decode(), encoding="utf-8")
        files[str(file.resolve())] = name
    errors = [
        f"{files.get(message.get('url', '').removeprefix('file:'), '?')}: {message['message']}"
        f" at {message.get('extract', '').strip()}"
        for message in vnu_messages(files)
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)


def test_every_printed_link_of_a_job_page_shows_its_full_address(open_page, site):
    page = open_page("/metiers/actuaire/", media="print")
    level_notes = page.locator("main a.level-note").count()
    missing = page.evaluate(LINKS_WITHOUT_FULL_ADDRESS, site)
    # Only the national levels, whose dated note prints its address at the foot of the page.
    assert len(missing) == level_notes and all("level-note" in link for link in missing), missing
    assert page.locator(".page-address").inner_text() == (
        f"Adresse de cette page : {site}/metiers/actuaire/"
    )


def test_jobs_are_ticked_and_compared_without_javascript(open_page, site):
    page = open_page("/metiers/", javascript=False)
    page.get_by_label("Comparer Actuaire").check()
    page.get_by_label("Comparer Opticien").check()
    page.get_by_role("button", name="Comparer", exact=True).click()
    page.wait_for_load_state()
    assert page.url == f"{site}/metiers/comparer/?m=actuaire&m=opticien"
    headers = page.locator("table.compare-table thead th").all_inner_texts()
    assert headers == ["Actuaire", "Opticien"]


def test_a_selection_of_three_jobs_prints_on_one_a4_page(open_page, site, artifacts):
    slugs = most_documented_jobs(3)
    page = open_page("/", javascript=False)
    add_with_the_button(page, site, slugs)
    page.goto(f"{site}/selection/")
    page.emulate_media(media="print")
    printed = page.pdf(format="A4")
    (artifacts / "selection-3-jobs.pdf").write_bytes(printed)
    page.set_viewport_size({"width": A4_PRINTABLE_WIDTH, "height": 800})
    page.screenshot(path=artifacts / "screenshots" / "selection-3-jobs-print.png", full_page=True)
    pdf = PdfReader(io.BytesIO(printed))
    text = "\n".join(pdf_page.extract_text() for pdf_page in pdf.pages)
    print(f"\nThe selection of 3 jobs ({', '.join(slugs)}) prints on {len(pdf.pages)} A4 page(s)")
    assert len(pdf.pages) == 1, f"the selection of 3 jobs prints on {len(pdf.pages)} pages"
    assert "Les métiers des mutuelles · sélection du" in text
    for slug in slugs:
        assert f"{site}/metiers/{slug}/" in text.replace("\n", "")
    assert page.locator("svg.qr").count() == 3
    assert all(
        box["width"] > 60 for box in map(lambda qr: qr.bounding_box(), page.locator("svg.qr").all())
    )


def test_a_comparison_of_four_jobs_prints_on_one_landscape_a4_page(open_page, site, artifacts):
    page = open_page(compare_path(most_documented_jobs(4)), media="print")
    assert not page.evaluate(LINKS_WITHOUT_FULL_ADDRESS, site)
    printed = page.pdf(prefer_css_page_size=True)
    (artifacts / "compare-4-jobs.pdf").write_bytes(printed)
    # 297 mm less the 10 mm side margins, in CSS pixels.
    page.set_viewport_size({"width": round(277 / 25.4 * 96), "height": 800})
    page.screenshot(path=artifacts / "screenshots" / "compare-4-jobs-print.png", full_page=True)
    pdf = PdfReader(io.BytesIO(printed))
    box = pdf.pages[0].mediabox
    size = f"{box.width:.0f} × {box.height:.0f} pt"
    print(f"\nThe comparison of 4 jobs prints on {len(pdf.pages)} page(s) of {size}")
    assert (round(box.width), round(box.height)) == (A4_LONG, A4_SHORT), "not landscape A4"
    text = pdf.pages[0].extract_text().replace("\n", "")
    assert f"({site}/formations/master-pro/)" in text
    assert len(pdf.pages) == 1, f"the comparison of 4 jobs prints on {len(pdf.pages)} pages"
