"""What the jobs and testimonials put in the search index, and the job list's keyword filter.

Registered from CareersConfig.ready(); search/ knows nothing of this app.
"""

from django.db.models import Prefetch

from diplomas.levels import Level
from diplomas.models import CQP, Diploma, Speciality
from search.documents import Document, join
from search.engine import matching_ids
from search.models import DocumentKind
from search.registry import register

from .models import Career, Family, Pathway, Testimonial


def careers():
    pathways = Pathway.objects.published().select_related("diploma", "speciality")
    return (
        Career.objects.published()
        .select_related("family")
        .prefetch_related(Prefetch("pathways", pathways))
    )


def career_document(career):
    # The diplomas that lead to the job are searchable from it: "métier BTS" finds it.
    routes = [
        " ".join(filter(None, [p.diploma.short_name, p.diploma.name, p.label, p.condition]))
        for p in career.pathways.all()
    ]
    keywords = "métier"
    if career.level_min == Level.BAC:
        keywords += " accessible avec le bac"
    return Document(
        title=career.title,
        meta=f"{career.family.name} · {career.level_label}",
        lead=career.lead,
        body=join(career.body, career.entry_note, career.family.name, *routes),
        keywords=keywords,
    )


def testimonials():
    return Testimonial.objects.published().select_related("career")


def testimonial_document(testimonial):
    # Employer, town and job weigh like the title, so that "Vincennes" or "MGEN" ranks them
    # first; the page shows them in the meta line rather than in the excerpt.
    where = f"{testimonial.employer}, {testimonial.place}"
    return Document(
        title=f"{testimonial.first_name}, {testimonial.job_title}",
        meta=f"{where} · {testimonial.career.title}",
        lead=join(testimonial.headline, testimonial.quote),
        body=testimonial.story,
        keywords=f"témoignage {where} {testimonial.career.title}",
    )


def _pks(model, **lookups):
    return model.objects.filter(**lookups).values_list("pk", flat=True)


def _careers_through(**pathway):
    # A job's document lists the diplomas (and specialities) that lead to it.
    return Pathway.objects.filter(**pathway).values_list("career_id", flat=True)


def register_documents():
    register(
        DocumentKind.CAREER,
        published=careers,
        build=career_document,
        follows={
            Family: lambda family: _pks(Career, family_id=family.pk),
            Career: lambda career: [career.pk],
            Pathway: lambda pathway: [pathway.career_id],
            Diploma: lambda diploma: _careers_through(diploma_id=diploma.pk),
            # The CQP admin saves through the proxy model, which sends its own signals.
            CQP: lambda diploma: _careers_through(diploma_id=diploma.pk),
            Speciality: lambda speciality: _careers_through(speciality_id=speciality.pk),
        },
    )
    # A testimonial's document shows its job's title and follows its publication.
    register(
        DocumentKind.TESTIMONIAL,
        published=testimonials,
        build=testimonial_document,
        follows={
            Family: lambda family: _pks(Testimonial, career__family_id=family.pk),
            Career: lambda career: _pks(Testimonial, career_id=career.pk),
            Testimonial: lambda testimonial: [testimonial.pk],
        },
    )


def filter_careers(queryset, raw):
    """The jobs of `queryset` that the search page finds for `raw`; all of them when `raw`
    holds nothing usable to search for."""
    ids = matching_ids(raw, DocumentKind.CAREER)
    return queryset if ids is None else queryset.filter(pk__in=ids)
