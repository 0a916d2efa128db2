"""Whatever is unpublished leaves no trace on the public site.

Each case unpublishes one object of the brochure the way an editor does (a save, so the search
index follows), then walks every public page reachable from the home page, every filter choice
of both lists, the job list's keyword filter and the search page, and looks through an HTML
parser for any trace of it: a page, a link, an anchor, its wording, a filter choice, a count
that still includes it, a search result, a suggestion or a typo corrected to its words.
The same walk first runs with everything published and must find every trace, so a check
that can no longer fail is noticed.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest

from careers.models import Career, Family
from diplomas.models import Diploma, Speciality
from mutuelles_site.folding import fold

from .helpers import make_career, make_diploma, make_speciality

# With the page cache on: every page must also stop showing what was just unpublished.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

LISTS = ["/metiers/", "/formations/"]
START = ["/", *LISTS, "/temoignages/", "/formations/schema/"]
PUBLIC_PREFIXES = ("/metiers/", "/familles/", "/formations/", "/temoignages/")


def without_results_link(href):
    """`href` without the list query a job link carries back to its list (`depuis`): the
    same page, whichever list leads to it."""
    path, _, query = href.partition("?")
    kept = [pair for pair in query.split("&") if pair and not pair.startswith("depuis=")]
    return f"{path}?{'&'.join(kept)}" if kept else path


class Page(HTMLParser):
    """What a visitor can see on a page: text, links, anchors, filter choices and cards."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.texts, self.links, self.ids = [], [], set()
        self.options = defaultdict(set)  # select name -> option values
        self.cards = []  # (class, text, hrefs) of each element of class "card"
        self._open = []  # (tag, card index or None), innermost last
        self._select = None
        self._skip = 0
        self.feed(html)
        self.text = " ".join(" ".join(self.texts).split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            href = without_results_link(attrs["href"])
            self.links.append(href)
            for _, card in self._open:
                if card is not None:
                    self.cards[card][2].append(href)
        if tag == "select":
            self._select = attrs.get("name")
        if tag == "option" and self._select and attrs.get("value"):
            self.options[self._select].add(attrs["value"])
        if tag in ("br", "img", "input", "meta", "link"):
            return
        classes = (attrs.get("class") or "").split()
        card = None
        if "card" in classes:
            card = len(self.cards)
            self.cards.append((classes, [], []))
        self._open.append((tag, card))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "select":
            self._select = None
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._skip:
            return
        self.texts.append(data)
        for _, card in self._open:
            if card is not None:
                self.cards[card][1].append(data)

    def card_texts(self, css_class):
        return [
            (" ".join(" ".join(text).split()), hrefs)
            for classes, text, hrefs in self.cards
            if css_class in classes
        ]

    def count(self, pattern):
        found = re.search(pattern, self.text)
        assert found, f"no {pattern!r} in {self.text[:200]!r}"
        return int(found.group(1))


def typo(word):
    """The word with two different letters of its middle swapped: one edit away."""
    i = next(i for i in range(len(word) // 2, len(word)) if word[i - 1] != word[i])
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def search_url(path, text):
    return f"{path}?{urlencode({'q': text})}"


class Site:
    """Every public page reachable from START, plus each list's filter choices."""

    def __init__(self, client, extra=()):
        self.client = client
        self.pages = {}
        self.missing = set()
        queue = [*START, *extra]
        while queue:
            url = queue.pop()
            if url in self.pages or url in self.missing:
                continue
            response = client.get(url)
            if response.status_code == 404:
                self.missing.add(url)
                continue
            assert response.status_code == 200, url
            page = self.pages[url] = Page(response.content.decode())
            if url in LISTS:
                queue += [
                    f"{url}?{urlencode({n: v})}" for n, vs in page.options.items() for v in vs
                ]
            for href in page.links:
                target = urlsplit(href)
                path = target.path or urlsplit(url).path
                if not target.netloc and path.startswith(PUBLIC_PREFIXES):
                    # Pagination links keep the filters: follow them, they stay few.
                    queue.append(path + (f"?{target.query}" if target.query else ""))

    def get(self, url):
        if url not in self.pages:
            response = self.client.get(url)
            assert response.status_code == 200, url
            self.pages[url] = Page(response.content.decode())
        return self.pages[url]


@dataclass
class Trace:
    """What an object shows of itself on the public site."""

    pages: list  # its own pages, to answer 404 once unpublished
    hrefs: set  # links to it (anchors included)
    word: str  # a word that only it (and what depends on it) contains
    ids: set = field(default_factory=set)  # anchors of it inside a page
    texts: list = field(default_factory=list)  # its wording
    options: set = field(default_factory=set)  # (select name, value) of a filter choice


def trace_of_family():
    family = Family.objects.get(slug="autres-metiers")
    careers = list(family.careers.all())
    testimonials = [c.testimonial for c in careers if hasattr(c, "testimonial")]
    pages = [family.get_absolute_url(), *(c.get_absolute_url() for c in careers)]
    return family, Trace(
        pages=pages,
        hrefs=set(pages),
        word="informaticien",
        ids={t.slug for t in testimonials},
        texts=[family.name],
        options={("famille", family.slug)},
    )


def trace_of_job():
    career = Career.objects.get(slug="actuaire")
    return career, Trace(
        pages=[career.get_absolute_url()],
        hrefs={career.get_absolute_url()},
        word="mathematicien",
        ids={career.testimonial.slug},
        texts=[career.testimonial.headline],
    )


def trace_of_testimonial():
    testimonial = Career.objects.get(slug="audioprothesiste").testimonial
    return testimonial, Trace(
        pages=[],
        # Search hits lead to the story on the job page.
        hrefs={f"{testimonial.career.get_absolute_url()}#temoignage-titre"},
        word="depoussierer",
        ids={testimonial.slug},
        texts=[testimonial.headline],
    )


def trace_of_diploma():
    diploma = Diploma.objects.get(slug="deust")
    return diploma, Trace(
        pages=[diploma.get_absolute_url()], hrefs={diploma.get_absolute_url()}, word="pointue"
    )


def trace_of_cqp():
    cqp = Diploma.objects.get(slug="cqp-teleconseiller")
    return cqp, Trace(
        pages=[cqp.get_absolute_url()],
        hrefs={cqp.get_absolute_url()},
        word="teleconseiller",
        texts=[cqp.short_name],
    )


def trace_of_speciality():
    speciality = Speciality.objects.get(diploma__slug="bts", slug="opticien-lunetier")
    return speciality, Trace(
        pages=[],
        hrefs=set(),  # nothing links to a speciality's anchor; its wording is looked for
        word="lunetier",
        ids={speciality.slug},
        texts=[speciality.name],
    )


TRACES = [
    trace_of_family,
    trace_of_job,
    trace_of_testimonial,
    trace_of_diploma,
    trace_of_cqp,
    trace_of_speciality,
]


def searches(trace):
    return [
        search_url("/recherche/", trace.word),
        search_url("/recherche/", typo(trace.word)),
        search_url("/metiers/", trace.word),
    ]


def seen(site, trace):
    """Every trace of the object found on the site, as readable strings."""
    found = []
    for url, page in site.pages.items():
        found += [f"{url}: link to {href}" for href in page.links if href in trace.hrefs]
        found += [f"{url}: anchor #{anchor}" for anchor in trace.ids & page.ids]
        found += [f"{url}: text {text!r}" for text in trace.texts if text in page.text]
        found += [
            f"{url}: filter choice {name}={value}"
            for name, value in trace.options
            if value in page.options.get(name, ())
        ]
    found += [f"{url}: page" for url in trace.pages if url in site.pages]
    word = re.compile(rf"\b{trace.word}\b")
    for url in searches(trace):
        for text, hrefs in site.get(url).card_texts("card"):
            found += [f"{url}: hit {href}" for href in hrefs if href in trace.hrefs]
            if word.search(fold(text)):
                found.append(f"{url}: hit mentioning {trace.word!r}")
    # The page echoes the typo; the word itself shows only if the typo was corrected to it.
    corrected = site.get(search_url("/recherche/", typo(trace.word)))
    if word.search(fold(corrected.text)):
        found.append(f"search: {typo(trace.word)!r} corrected to {trace.word!r}")
    return found


def assert_counts_match_what_is_listed(site):
    """Each count the site shows equals the items it lists, across all pages of a list."""
    home = site.pages["/"]
    total = 0
    for text, hrefs in home.card_texts("card"):
        family = site.pages[hrefs[0]]
        listed = {hrefs[0] for _, hrefs in family.card_texts("card")}
        shown = int(re.search(r"(\d+) métiers?$", text).group(1))
        assert shown == len(listed) == family.count(r"Les métiers de cette famille \((\d+)\)")
        total += shown
    assert home.count(r"découvrez (\d+) métiers") == total
    assert site.pages["/metiers/"].count(r"(\d+) métiers? au total") == total

    for url, page in site.pages.items():
        path, _, query = url.partition("?")
        if path not in LISTS or "page=" in query:
            continue
        counted = page.count(r"(\d+) (?:métier|formation)s? (?:au total|correspond)")
        listed = set()
        pages = [p for u, p in site.pages.items() if u == url or u.startswith(f"{url}&page=")]
        if not query:
            pages += [p for u, p in site.pages.items() if u.startswith(f"{path}?page=")]
        for each in pages:
            listed |= {hrefs[0] for _, hrefs in each.card_texts("card")}
        assert counted == len(listed), url

    testimonials = site.pages["/temoignages/"]
    assert testimonials.count(r"(\d+) professionnels") == len(
        testimonials.card_texts("testimonial")
    )


@pytest.mark.parametrize("make_trace", TRACES, ids=lambda f: f.__name__.removeprefix("trace_of_"))
def test_an_unpublished_object_leaves_no_trace_anywhere(client, brochure, make_trace):
    obj, trace = make_trace()
    before = Site(client, searches(trace))
    assert_counts_match_what_is_listed(before)
    # With everything published, the walk finds every trace it looks for.
    found = "\n".join(seen(before, trace))
    expected = [
        *(f"{url}: page" for url in trace.pages),
        *(f"{href}\n" for href in trace.hrefs),
        *(f"anchor #{anchor}" for anchor in trace.ids),
        *(f"text {text!r}" for text in trace.texts),
        *(f"filter choice {name}={value}" for name, value in trace.options),
        f"{search_url('/recherche/', trace.word)}: hit mentioning {trace.word!r}",
        f"corrected to {trace.word!r}",
    ]
    assert [e for e in expected if e not in found + "\n"] == []

    obj.is_published = False
    obj.save()

    after = Site(client, searches(trace))
    assert seen(after, trace) == []
    for url in trace.pages:
        assert client.get(url).status_code == 404, url
    assert_counts_match_what_is_listed(after)


def test_a_typo_is_never_corrected_to_a_word_only_a_draft_contains(client, db):
    make_career(title_masculine="Ostéopathe", lead="Il soigne par la manipulation.")
    draft = make_career(title_masculine="Sophrologue", lead="Il apaise.", is_published=False)
    response = client.get(search_url("/recherche/", "sophrolgue"))
    assert "sophrologue" not in fold(Page(response.content.decode()).text)
    # The same typo is corrected once the job is published: the check above can fail.
    draft.is_published = True
    draft.save()
    response = client.get(search_url("/recherche/", "sophrolgue"))
    assert "« sophrologue »" in fold(Page(response.content.decode()).text)


def test_a_word_edited_away_is_no_longer_offered_as_a_correction(client, db):
    career = make_career(title_masculine="Sophrologue")
    career.title_masculine = "Ostéopathe"
    career.title_feminine = "Ostéopathe"
    career.save()
    response = client.get(search_url("/recherche/", "sophrolgue"))
    assert "sophrologue" not in fold(Page(response.content.decode()).text)


def test_a_draft_diploma_previews_with_its_specialities_and_jobs(client, editor):
    diploma = make_diploma(is_published=False)
    speciality = make_speciality(diploma, name="audioprothèse")
    hidden = make_speciality(diploma, name="optique", is_published=False)
    career = make_career(diplomas=[diploma])
    career.pathways.update(speciality=speciality)
    page = Page(client.get(diploma.get_absolute_url()).content.decode())
    assert speciality.slug in page.ids
    assert hidden.slug not in page.ids
    assert career.get_absolute_url() in page.links


def test_a_job_row_through_an_unpublished_speciality_leaves_the_job_page(client, db):
    diploma = make_diploma()
    speciality = make_speciality(diploma, name="optique", is_published=False)
    career = make_career(diplomas=[diploma])
    career.pathways.update(speciality=speciality)
    page = Page(client.get(career.get_absolute_url()).content.decode())
    assert diploma.get_absolute_url() not in page.links
    assert "optique" not in page.text
