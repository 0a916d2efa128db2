import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from diplomas.filters import PublishedDiplomaFilter, route_filter
from diplomas.levels import LEVEL_CHOICES, Level
from diplomas.models import Diploma, DiplomaType
from diplomas.routes import Route, prepared_by
from mutuelles_site.compiled import CompiledQuery
from mutuelles_site.filtering import FilterStateMixin, KeywordFilter

from .models import Career, Family, Pathway
from .search import filter_careers

KEYWORD_MAX_LENGTH = 100

# The types of diploma a counsellor asks about; "autre" gathers one-off diplomas, and no
# fiche of the brochure links a job to a CQP (they are for people already in the job).
DIPLOMA_TYPE_CHOICES = [
    (t.value, t.label) for t in DiplomaType if t not in (DiplomaType.OTHER, DiplomaType.CQP)
]


def _family_choices():
    """Published families as (slug, name, reaches route 1, … route N) rows, in Route order.

    A route is reached when one of the diplomas it prepares has a published row. Asked
    from the diplomas' side: a route no job reaches (the CQP's) is then answered from its
    few diplomas, not from a scan of every row (5.8 ms at 100 times the brochure on SQLite).
    """
    reaches = {
        f"reaches_{i}": Exists(
            Diploma.objects.published()
            .filter(prepared_by(route))
            .filter(Exists(Pathway.objects.published().filter(diploma=OuterRef("pk"))))
        )
        for i, route in enumerate(Route.values)
    }
    return Family.objects.published().annotate(**reaches).values_list("slug", "name", *reaches)


def reached_by(careers, pathways):
    """The jobs of `careers` that one of `pathways` (job↔diploma rows) leads to."""
    return careers.filter(pk__in=pathways.values("career_id"))


# Built from the published rules alone: the same SQL on every request.
FAMILY_CHOICES = CompiledQuery(_family_choices)


class CareerFilter(FilterStateMixin, django_filters.FilterSet):
    """The job list's filters and sort, all in the URL (`famille`, `niveau`, `type_diplome`,
    `voie`, `formation`, `tri`, `q`)."""

    orderings = ("tri",)
    searches = ("q",)

    famille = django_filters.ChoiceFilter(
        label="Famille de métiers",
        choices=[],  # filled per request in __init__
        field_name="family__slug",
        empty_label="Toutes les familles",
    )
    niveau = django_filters.ChoiceFilter(
        label="Accessible avec mon niveau",
        choices=LEVEL_CHOICES,
        method="filter_level",
        empty_label="Tous les niveaux",
    )
    type_diplome = django_filters.ChoiceFilter(
        label="Type de diplôme",
        choices=DIPLOMA_TYPE_CHOICES,
        method="filter_diploma_type",
        empty_label="Tous les types de diplôme",
    )
    voie = route_filter("filter_route")
    # No select: a diploma page links to it; the list says it and offers to remove it.
    formation = PublishedDiplomaFilter(label="Formation", method="filter_diploma")
    tri = django_filters.ChoiceFilter(
        label="Trier par",
        choices=[("titre", "Intitulé (A à Z)"), ("niveau", "Niveau d’accès (du plus accessible)")],
        method="sort",
        empty_label="Famille (ordre de la brochure)",
    )
    q = KeywordFilter(
        label="Mot-clé",
        method="filter_keyword",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
        max_length=KEYWORD_MAX_LENGTH,
    )

    plural = "Métiers"

    class Meta:
        model = Career
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The parsed keyword (search.query.Query), once filtered: its corrections are shown.
        self.search_query = None
        # One query per request, as a plain list: a callable would run again at validation
        # and at rendering. The same query says which routes lead to a published job (each
        # family row carries the same answers), for the route select.
        rows = FAMILY_CHOICES.rows()
        famille = self.filters["famille"]
        famille.extra["choices"] = [row[:2] for row in rows]
        self.reached_routes = {
            route for i, route in enumerate(Route.values) if any(row[2 + i] for row in rows)
        }
        # Its form field is built anew: the API's schema generator reads the class's filter
        # field (built then without choices, and cached), which each FilterSet copies.
        famille.__dict__.pop("_field", None)

    @property
    def form(self):
        form = super().form
        # Only the routes that lead to a published job are offered (no job links to a CQP:
        # « contrat-pro » would always list nothing), and the one an old link asks for.
        # Validation keeps every route, so such a link still answers, with an empty list.
        asked = self.data.get("voie")
        voie = form.fields["voie"]
        voie.widget.choices = [("", voie.empty_label)] + [
            (value, label)
            for value, label in Route.choices
            if value in self.reached_routes or value == asked
        ]
        return form

    def criterion(self, name, value):
        label = self.choice_label(name, value)
        if name == "famille":
            return f"de la famille « {label} »"
        if name == "niveau":
            return f"accessibles avec {Level(int(value)).label}"
        if name == "type_diplome":
            return f"accessibles par un diplôme de type « {label} »"
        if name == "voie":
            return f"accessibles par la voie « {label} »"
        if name == "formation":
            return f"accessibles par le diplôme « {value.full_name} »"
        if name == "tri":
            return "triés par intitulé" if value == "titre" else "triés par niveau d’accès"
        return f"correspondant à « {value} »"

    def filter_level(self, queryset, name, value):
        return queryset.accessible_with(int(value))

    def filter_diploma_type(self, queryset, name, value):
        return reached_by(queryset, Pathway.objects.published().filter(diploma__diploma_type=value))

    def filter_route(self, queryset, name, value):
        return reached_by(queryset, Pathway.objects.published().by_route(value))

    def filter_diploma(self, queryset, name, value):
        return reached_by(queryset, Pathway.objects.published().filter(diploma=value))

    def sort(self, queryset, name, value):
        return queryset.sorted_by(value)

    def filter_keyword(self, queryset, name, value):
        # ?exact=1: the visitor's own words, without corrections (the notice links to it).
        exact = self.data.get("exact") == "1"
        queryset, self.search_query = filter_careers(queryset, value, exact=exact)
        # Ranked like the search page, unless the visitor chose a sort.
        if "search_position" in queryset.query.annotations and not self.data.get("tri"):
            queryset = queryset.order_by("search_position", *queryset.query.order_by)
        return queryset
