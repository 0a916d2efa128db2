from django.db.models import Prefetch
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
    model = Diploma
    preview_permission = "diplomas.view_diploma"
    template_name = "diplomas/diploma_detail.html"
    context_object_name = "diploma"

    def get_queryset(self):
        diplomas = super().get_queryset()
        # Only a preview widens the rows to its draft diploma; the public rules otherwise.
        pathways = (
            Pathway.objects.published(diplomas=diplomas if self.may_preview() else None)
            .select_related("career", "speciality")
            .order_by("career__family__position", "career__position")
        )
        return diplomas.prefetch_related(Prefetch("pathways", pathways))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # One job may come through two specialities of the same diploma: list it once.
        careers = {}
        for pathway in self.object.pathways.all():
            careers.setdefault(pathway.career, []).append(pathway)
        context["careers"] = careers
        context["pathways"] = self.object.pathways.all()
        context["routes"] = routes_of(self.object)
        context["structured_data"] = credential(self.object, self.request)
        return context


class SchemaView(TemplateView):
    """The brochure's diagram of pathways, as an ordered ladder of levels."""

    template_name = "diplomas/schema.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        diplomas = list(Diploma.objects.published())
        rungs = []
        for level in Level:
            rungs.append(
                {
                    "level": level,
                    "label": level_label(level),
                    "national": NATIONAL_LEVEL[level],
                    "diplomas": [d for d in diplomas if d.level == level],
                }
            )
        context["rungs"] = rungs
        context["diplomas"] = diplomas
        context["diagram"] = build_diagram(diplomas)
        context["unlevelled"] = [d for d in diplomas if d.level is None]
        context["changes"] = [d for d in diplomas if d.since_2009]
        context["national_levels"] = {
            "anchor": NATIONAL_LEVELS_ANCHOR,
            "source": NATIONAL_LEVELS_SOURCE,
            "url": NATIONAL_LEVELS_URL,
        }
        return context
