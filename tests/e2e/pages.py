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
    # Text the page's <main> must show: proof that the check looks at the intended state
    # (results, an empty list, an error message) and not at an error page.
    shows: str
    status: int = 200

    def __str__(self):
        return self.name


PAGE_TYPES = [
    PageType("home", "/", "Les métiers par famille"),
    PageType("families", "/familles/", "Les familles de métiers"),
    PageType("family", "/familles/autres-metiers/", "Les métiers de cette famille"),
    PageType("job-list", "/metiers/", "Page suivante"),
    PageType("job-list-filtered", "/metiers/?niveau=2&famille=autres-metiers", "à votre recherche"),
    PageType("job-list-empty", "/metiers/?niveau=0&type_diplome=de", "0 métier correspond"),
    PageType("job-list-invalid-filter", "/metiers/?niveau=zzz", "Un filtre n’a pas pu être"),
    PageType("job", "/metiers/technicien-en-prestations/", "Quelles études ?"),
    PageType(
        "job-from-results",
        "/metiers/responsable-de-centre-de-gestion/?depuis=voie%3Dapprentissage%26tri%3Dniveau",
        "Comment y accéder",
    ),
    PageType("job-list-by-route", "/metiers/?voie=apprentissage&tri=titre", "à votre recherche"),
    PageType("diploma-list", "/formations/", "formations au total"),
    PageType("diploma", "/formations/de-infirmier/", "Les métiers auxquels il mène"),
    PageType("cqp", "/formations/cqp-conseiller-mutualiste/", "Objectif, méthode et profil"),
    PageType("schema", "/formations/schema/", "bac + 5 (niveau 7)"),
    PageType("testimonials", "/temoignages/", "Fiche métier"),
    PageType("open-data", "/donnees/", "Licence et attribution"),
    PageType("api-docs", "/api/v1/docs/", "Les adresses"),
    PageType("not-found", "/nope/", "Page introuvable", status=404),
]


def route_exists(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


# The search page is built on its own branch: checked as soon as it is merged, with no edit here.
if route_exists("/recherche/"):
    PAGE_TYPES.append(PageType("search", "/recherche/?q=infirmiere", "Infirmier coordinateur"))
