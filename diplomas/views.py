from django.views.generic import DetailView, TemplateView

from careers.models import Pathway
from mutuelles_site.addresses import LowercaseSlugMixin
from mutuelles_site.filtering import FilteredListView
from mutuelles_site.preview import DraftPreviewMixin

from .filters import DiplomaFilter
from .levels import (
    NATIONAL_LEVEL,
    NATIONAL_LEVELS_ANCHOR,
    NATIONAL_LEVELS_SOURCE,
    NATIONAL_LEVELS_URL,
    Level,
    level_label,
)
from .models import Diploma
from .routes import routes_of
from .schema import build_diagram
from .structured_data import credential

# However many jobs a diploma leads to, its page lists this many: the rest are one link
# away, in the job list filtered by the diploma.
DIPLOMA_PAGE_JOBS = 20
# The diplomas the schéma shows per rung, and of the dated changes and the diplomas without
# a level; the brochure has at most 5 of each.
SCHEMA_SHOWN = 6


class DiplomaListView(FilteredListView):
    template_name = "diplomas/diploma_list.html"
    filterset_class = DiplomaFilter
    context_object_name = "diplomas"
    renamed_parameters = {"genre": "categorie"}
    # "non" meant « non indiqué par la brochure » until unknown became a value of its own.
    renamed_values = {"apprentissage": {"non": "non-precise"}}

    def get_queryset(self):
        return Diploma.objects.published()


class DiplomaDetailView(LowercaseSlugMixin, DraftPreviewMixin, DetailView):
    """A diploma, and the first DIPLOMA_PAGE_JOBS jobs it leads to: with more, their total
    and a link to the job list filtered by the diploma (`/metiers/?formation=<slug>`)."""

    model = Diploma
    preview_permission = "diplomas.view_diploma"
    template_name = "diplomas/diploma_detail.html"
    context_object_name = "diploma"

    def get_queryset(self):
        diplomas = super().get_queryset()
        return diplomas.annotate(career_total=self.rows().career_count_of_diploma())

    def rows(self):
        """The published job↔diploma rows; an editor's preview widens them to its draft
        diploma, the public gets the plain rules (cheaper to build than a subquery)."""
        widened = super().get_queryset() if self.may_preview() else None
        return Pathway.objects.published(diplomas=widened)

    def pathways(self):
        """The rows of the diploma's first DIPLOMA_PAGE_JOBS jobs, in the brochure's order,
        from one query however many jobs the diploma leads to.

        A job has at most one row per speciality of the diploma and one without (the unique
        constraints of careers.Pathway), so the first N jobs' rows are among the first
        N × (specialities + 1) rows. A LIMIT is cheaper to build than a subquery picking the
        first N jobs (1.9 against 3.4 ms, profiled on 2026-11-30).
        """
        per_job = len(self.object.specialities.all()) + 1
        rows = (
            self.rows()
            .filter(diploma=self.object)
            .select_related("career", "speciality")
            .order_by("career__family__position", "career__position", "career_id")
        )
        shown, careers = [], set()
        for row in rows[: DIPLOMA_PAGE_JOBS * per_job]:
            if row.career_id not in careers:
                if len(careers) == DIPLOMA_PAGE_JOBS:
                    break
                careers.add(row.career_id)
            shown.append(row)
        return shown

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # One job may come through two specialities of the same diploma: list it once.
        pathways = self.pathways()
        careers = {}
        for pathway in pathways:
            careers.setdefault(pathway.career, []).append(pathway)
        context["careers"] = careers
        context["more_careers"] = self.object.career_total > len(careers)
        context["pathways"] = pathways
        context["routes"] = routes_of(self.object)
        context["structured_data"] = credential(self.object, self.request)
        return context


class SchemaView(TemplateView):
    """The brochure's diagram of pathways, as an ordered ladder of levels.

    Each rung, the dated changes and the diplomas without a level show their first
    SCHEMA_SHOWN diplomas and, with more, their total and a link to the diploma list: the
    drawing and the page stay readable however many diplomas the guide holds.
    """

    template_name = "diplomas/schema.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        diplomas = list(Diploma.objects.published())
        rungs = []
        for level in Level:
            on_rung = [d for d in diplomas if d.level == level]
            rungs.append(
                {
                    "level": level,
                    "label": level_label(level),
                    "national": NATIONAL_LEVEL[level],
                    "diplomas": on_rung[:SCHEMA_SHOWN],
                    "total": len(on_rung),
                }
            )
        context["rungs"] = rungs
        # Every diploma counts for the page's review date, the drawn ones only for the drawing.
        context["diplomas"] = diplomas
        context["diagram"] = build_diagram([d for rung in rungs for d in rung["diplomas"]])
        context["unlevelled"] = first_of([d for d in diplomas if d.level is None])
        context["changes"] = first_of([d for d in diplomas if d.since_2009])
        context["national_levels"] = {
            "anchor": NATIONAL_LEVELS_ANCHOR,
            "source": NATIONAL_LEVELS_SOURCE,
            "url": NATIONAL_LEVELS_URL,
        }
        return context


def first_of(diplomas):
    """{"shown": the first SCHEMA_SHOWN of `diplomas` (a list), "total": how many}."""
    return {"shown": diplomas[:SCHEMA_SHOWN], "total": len(diplomas)}
