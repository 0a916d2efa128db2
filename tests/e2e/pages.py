"""The page types every browser check visits: one row per kind of page a visitor can meet.

To cover a new page type, add a row; every check (axe, HTML validity, phone, screenshots)
picks it up.
"""

from dataclasses import dataclass

from django.urls import Resolver404, resolve


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    status: int = 200

    def __str__(self):
        return self.name


PAGE_TYPES = [
    PageType("home", "/"),
    PageType("family", "/familles/autres-metiers/"),
    PageType("job-list", "/metiers/"),
    PageType("job-list-filtered", "/metiers/?niveau=2&famille=autres-metiers"),
    PageType("job-list-empty", "/metiers/?niveau=0&type=de"),
    PageType("job-list-invalid-filter", "/metiers/?niveau=zzz"),
    PageType("job", "/metiers/technicien-en-prestations/"),
    PageType("diploma-list", "/formations/"),
    PageType("diploma", "/formations/de-infirmier/"),
    PageType("cqp", "/formations/cqp-conseiller-mutualiste/"),
    PageType("schema", "/formations/schema/"),
    PageType("testimonials", "/temoignages/"),
    PageType("not-found", "/nope/", status=404),
]


def route_exists(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


# The search page is built on its own branch: checked as soon as it is merged, with no edit here.
if route_exists("/recherche/"):
    PAGE_TYPES.append(PageType("search", "/recherche/?q=infirmiere"))
