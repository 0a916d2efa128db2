"""The « voies d'accès »: how a diploma is prepared, derived from the diploma's sourced facts.

The brochure states each route on a diploma's page, never on a job↔diploma link:

- « Les formations » says that each diploma of its national, university, school and State
  sections « se prépare en N ans après le bac » (or after a bac + 2 or bac + 3): the
  formation initiale;
- the same pages say which of them « peut aussi se préparer par apprentissage": the
  diploma's `apprenticeship` fact, with its own source;
- the CQP pages say that the CQP « s'adressent en priorité aux salariés exerçant déjà le
  métier, aux personnes ayant déjà une expérience du métier, aux jeunes en contrat de
  professionnalisation », and that thanks to them « les salariés des mutuelles ont de
  réelles possibilités de promotion interne ».

So a route is never stored: RULES reads it from the diploma's facts, and each route carries
the source of the fact it comes from (an editor who sets a diploma's apprenticeship as a
signed addition makes the route an addition too). A diploma none of whose facts gives a
route (the « autre » formations the fiches cite) has its routes « non précisés ». What a
link adds to its diploma (an experience condition) is the link's own fact (careers.Pathway).
"""

from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db import models
from django.db.models import Q

from .models import DiplomaType


class Route(models.TextChoices):
    INITIAL = "formation-initiale", "Formation initiale"
    APPRENTICESHIP = "apprentissage", "Apprentissage"
    PROFESSIONALISATION = "contrat-pro", "Contrat de professionnalisation"
    INTERNAL_PROMOTION = "promotion-interne", "Promotion interne (salariés en poste, CQP)"


class Rule(NamedTuple):
    """A diploma is prepared by `route` when its `field` holds one of `values`; the route's
    provenance is that of the diploma's `source_field`."""

    route: Route
    field: str
    values: tuple
    source_field: str


# The types of « Les formations »' national, university, school and State pages, each
# « préparé après le bac ». CQP and the « autre » formations the fiches cite are not.
AFTER_BAC_TYPES = tuple(t for t in DiplomaType if t not in (DiplomaType.CQP, DiplomaType.OTHER))

RULES = [
    Rule(Route.INITIAL, "diploma_type", AFTER_BAC_TYPES, "category_source"),
    Rule(Route.APPRENTICESHIP, "apprenticeship", (True,), "apprenticeship_source"),
    Rule(Route.PROFESSIONALISATION, "diploma_type", (DiplomaType.CQP,), "category_source"),
    Rule(Route.INTERNAL_PROMOTION, "diploma_type", (DiplomaType.CQP,), "category_source"),
]


class RouteFact(NamedTuple):
    """One route of one diploma, with where it comes from: `source_mark diploma source_field`."""

    route: Route
    diploma: object
    source_field: str

    @property
    def label(self):
        return self.route.label


def routes_of(diploma):
    """The routes RULES derive from `diploma`'s facts, in Route order; [] when none is known."""
    return [
        RouteFact(rule.route, diploma, rule.source_field)
        for rule in RULES
        if getattr(diploma, rule.field) in rule.values
    ]


def prepared_by(route, prefix=""):
    """The Q selecting diplomas prepared by `route` (a Route value), read from RULES.

    `prefix` reaches the diploma through a relation: "diploma__" from a job↔diploma link.
    """
    conditions = [
        Q(**{f"{prefix}{rule.field}__in": rule.values}) for rule in RULES if rule.route == route
    ]
    return reduce(or_, conditions, Q(pk__in=[]))
