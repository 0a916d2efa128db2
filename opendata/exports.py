"""The downloads of /donnees/: jobs, diplomas and job↔diploma links, as CSV and JSON.

Each dataset is a list of columns: a name (the API's name for the same fact), a French
description (shown on /donnees/), and how to read it from a row. Built from the database on
each request, from the same published() querysets as the pages, so never stale.
"""

import csv
from dataclasses import dataclass
from typing import Any

from careers.models import Career, Pathway
from diplomas.models import Diploma
from diplomas.routes import routes_of

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    read: Any

    def value(self, row, request):
        return self.read(row, request)


def attr(name):
    return lambda row, request: getattr(row, name)


def routes(diploma):
    """The routes of a diploma, as values: a list in JSON, joined by « | » in CSV."""
    return [fact.route.value for fact in routes_of(diploma)]


ROUTES = "Voies d’accès (formation-initiale, apprentissage, contrat-pro, promotion-interne)"


def page(row, request):
    return request.build_absolute_uri(row.get_absolute_url())


SOURCE = "« brochure », « ajout » (ajout signé de la rédaction) ou « non-precise »"


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: list
    rows: Any

    def records(self, request):
        for row in self.rows():
            yield {column.name: column.value(row, request) for column in self.columns}


CAREERS = Dataset(
    "metiers",
    "Les métiers",
    "Un métier par ligne, dans l’ordre de la brochure.",
    [
        Column("slug", "Identifiant du métier (son adresse : /metiers/<slug>/)", attr("slug")),
        Column("title_masculine", "Intitulé au masculin", attr("title_masculine")),
        Column("title_feminine", "Intitulé au féminin", attr("title_feminine")),
        Column("family_slug", "Identifiant de sa famille", lambda c, r: c.family.slug),
        Column("family_name", "Nom de sa famille", lambda c, r: c.family.name),
        Column("level_min", "Niveau d’accès minimal, en années après le bac", attr("level_min")),
        Column("level_max", "Niveau d’accès maximal, en années après le bac", attr("level_max")),
        Column(
            "level_label", "Niveau d’accès en clair (niveaux nationaux 2019)", attr("level_label")
        ),
        Column("level_source", f"Source du niveau : {SOURCE}", attr("level_source")),
        Column("rome_code", "Code ROME 4.0 (vide s’il n’est pas précisé)", attr("rome_code")),
        Column("rome_code_source", f"Source du code ROME : {SOURCE}", attr("rome_code_source")),
        Column("entry_note", "Condition générale d’accès", attr("entry_note")),
        Column("lead", "Résumé du métier", attr("lead")),
        Column("page", "Adresse de la fiche sur le site", page),
        Column("reviewed_on", "Date de la dernière vérification du contenu", attr("reviewed_on")),
    ],
    lambda: Career.objects.for_list(),
)

DIPLOMAS = Dataset(
    "formations",
    "Les formations",
    "Un diplôme ou CQP par ligne, par niveau.",
    [
        Column("slug", "Identifiant (son adresse : /formations/<slug>/)", attr("slug")),
        Column("short_name", "Nom court", attr("short_name")),
        Column("name", "Nom complet", attr("name")),
        Column("acronym", "Sigle", attr("acronym")),
        Column(
            "diploma_type", "Type de diplôme (bts, licence-pro, de, cqp…)", attr("diploma_type")
        ),
        Column("category", "Catégorie : qui le délivre", lambda d, r: d.category.value),
        Column("category_source", f"Source de la catégorie : {SOURCE}", attr("category_source")),
        Column("level", "Niveau, en années après le bac (vide si non précisé)", attr("level")),
        Column("level_max", "Niveau maximal, si le niveau varie", attr("level_max")),
        Column("level_label", "Niveau en clair", attr("level_label")),
        Column("level_source", f"Source du niveau : {SOURCE}", attr("level_source")),
        Column("duration", "Durée", attr("duration")),
        Column("duration_source", f"Source de la durée : {SOURCE}", attr("duration_source")),
        Column("place", "Lieu de préparation", attr("place")),
        Column("place_source", f"Source du lieu : {SOURCE}", attr("place_source")),
        Column(
            "apprenticeship",
            "Possible en apprentissage : oui, non, ou vide si non précisé",
            attr("apprenticeship"),
        ),
        Column(
            "apprenticeship_source",
            f"Source de l’apprentissage : {SOURCE}",
            attr("apprenticeship_source"),
        ),
        Column("rncp_code", "Code RNCP (vide s’il n’est pas précisé)", attr("rncp_code")),
        Column("rncp_code_source", f"Source du code RNCP : {SOURCE}", attr("rncp_code_source")),
        Column("routes", f"{ROUTES} ; en CSV, séparées par « | »", lambda d, r: routes(d)),
        Column("page", "Adresse de la page sur le site", page),
        Column("reviewed_on", "Date de la dernière vérification du contenu", attr("reviewed_on")),
    ],
    lambda: Diploma.objects.published(),
)

PATHWAYS = Dataset(
    "metiers-formations",
    "Les liens entre métiers et formations",
    "Une ligne par diplôme (et spécialité) qui mène à un métier.",
    [
        Column("career_slug", "Identifiant du métier", lambda p, r: p.career.slug),
        Column("diploma_slug", "Identifiant du diplôme", lambda p, r: p.diploma.slug),
        Column(
            "speciality",
            "Spécialité citée par la fiche (vide sinon)",
            lambda p, r: p.speciality.name if p.speciality_id else "",
        ),
        Column("level", "Niveau que la fiche donne au diplôme pour ce métier", attr("level")),
        Column("condition", "Condition", attr("condition")),
        Column("source", f"Source du lien : {SOURCE}", attr("source")),
        Column(
            "experience",
            "Expérience professionnelle exigée : oui, non, ou vide si non précisé",
            attr("experience"),
        ),
        Column("experience_source", f"Source de l’exigence : {SOURCE}", attr("experience_source")),
        Column(
            "routes",
            f"{ROUTES} par lesquelles se prépare le diplôme ; en CSV, séparées par « | »",
            lambda p, r: routes(p.diploma),
        ),
    ],
    lambda: (
        Pathway.objects.published()
        .select_related("career", "diploma", "speciality")
        .order_by("career__family__position", "career__position", "position", "pk")
    ),
)

DATASETS = {dataset.slug: dataset for dataset in (CAREERS, DIPLOMAS, PATHWAYS)}


def csv_cell(value):
    """A value as a French spreadsheet reads it, never as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return "|".join(csv_cell(item) for item in value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class Echo:
    def write(self, value):
        return value


def csv_lines(dataset, request):
    """The CSV file, line by line: a byte order mark (so spreadsheets read UTF-8), a header
    row, then one row per record, separated by ";"."""
    writer = csv.writer(Echo(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([column.name for column in dataset.columns])
    for record in dataset.records(request):
        yield writer.writerow([csv_cell(value) for value in record.values()])
