from django.conf import settings
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from diplomas.levels import LEVEL_CHOICES
from mutuelles_site.addresses import LowercaseSlugMixin
from mutuelles_site.filtering import FilteredListView, results_url
from mutuelles_site.pagination import ForgivingPaginationMixin
from mutuelles_site.preview import DraftPreviewMixin
from mutuelles_site.structured_data import website

from .compare import MAX_JOBS, MIN_JOBS, Comparison
from .filters import CareerFilter
from .models import Career, Family, Testimonial
from .structured_data import occupation

# However many jobs a family grows to, its page and a job's "other jobs" stay short: the
# rest are one link away, in the job list filtered by the family.
FAMILY_PAGE_JOBS = 24
RELATED_JOBS = 12
# The jobs the comparison's « Ajouter un métier » offers, in the brochure's order: the others
# are ticked in the job list (its « Choisir d’autres métiers à comparer » link).
COMPARE_CHOICES = 60


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        families = list(Family.objects.with_career_counts())
        context["families"] = families
        context["career_total"] = sum(family.career_count for family in families)
        context["levels"] = LEVEL_CHOICES
        context["structured_data"] = website(self.request)
        return context


class FamilyListView(ListView):
    """Every published family with its job count: the way back from any job."""

    template_name = "careers/family_list.html"
    context_object_name = "families"

    def get_queryset(self):
        return Family.objects.with_career_counts()


class FamilyDetailView(LowercaseSlugMixin, DetailView):
    template_name = "careers/family_detail.html"
    context_object_name = "family"

    def get_queryset(self):
        return Family.objects.with_career_counts()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["careers"] = list(
            Career.objects.for_list().filter(family=self.object)[:FAMILY_PAGE_JOBS]
        )
        return context


class CareerListView(FilteredListView):
    template_name = "careers/career_list.html"
    filterset_class = CareerFilter
    context_object_name = "careers"
    renamed_parameters = {"type": "type_diplome"}
    extra_parameters = ("exact",)

    def get_queryset(self):
        return Career.objects.for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The keyword's corrections link to the same list searched with the words as typed.
        exact = self.request.GET.copy()
        exact["exact"] = "1"
        exact.pop(self.page_kwarg, None)
        context["exact_url"] = "?" + exact.urlencode()
        return context


class CareerDetailView(LowercaseSlugMixin, DraftPreviewMixin, DetailView):
    model = Career
    preview_permission = "careers.view_career"
    template_name = "careers/career_detail.html"
    context_object_name = "career"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        career = self.object
        # Prefetched through Testimonial.objects.published(): absent when the public can't see it.
        context["testimonial"] = getattr(career, "testimonial", None)
        # Where the fiche gives a diploma no level, the page shows the diploma's own, whose
        # provenance note (if it is an addition) the page must then carry.
        context["pathway_diplomas"] = [
            pathway.diploma for pathway in career.pathways.all() if pathway.level is None
        ]
        # One more than shown, to know whether to link to the rest.
        siblings = list(
            Career.objects.for_links()
            .filter(family=career.family)
            .exclude(pk=career.pk)[: RELATED_JOBS + 1]
        )
        context["siblings"] = siblings[:RELATED_JOBS]
        context["more_siblings"] = len(siblings) > RELATED_JOBS
        # Reached from a filtered list: a link back to the same results. The page itself
        # stays one page, whose canonical address has no parameter.
        context["results_url"] = results_url(
            self.request, reverse("careers:list"), CareerListView.parameters()
        )
        context["structured_data"] = occupation(career, self.request)
        return context


class CompareView(TemplateView):
    """2 to 4 jobs side by side, named by repeated `m` parameters (careers.compare)."""

    template_name = "careers/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comparison = Comparison.from_query(self.request.GET)
        chosen = [career.pk for career in comparison.careers]
        context.update(
            comparison=comparison,
            careers=comparison.careers,
            # The jobs one more can be chosen from, whatever page of the list they are on (the
            # first COMPARE_CHOICES: a select of thousands would outweigh the comparison).
            addable=Career.objects.for_list().exclude(pk__in=chosen)[:COMPARE_CHOICES],
            min_jobs=MIN_JOBS,
            max_jobs=MAX_JOBS,
            # Printed on a landscape page, whose width holds at most 4 columns.
            page_name="compare",
        )
        return context


class TestimonialListView(ForgivingPaginationMixin, ListView):
    """The published testimonials, a page at a time as the job list."""

    template_name = "careers/testimonial_list.html"
    context_object_name = "testimonials"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        # Copies of a job share its position: the pk keeps each page's share fixed.
        return (
            Testimonial.objects.published()
            .select_related("career")
            .order_by("career__family__position", "career__position", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A testimonial is part of its job's content, checked with it.
        context["careers"] = [testimonial.career for testimonial in context["testimonials"]]
        return context
