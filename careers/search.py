"""What the jobs and testimonials put in the search index, and the job list's keyword filter.

Registered from CareersConfig.ready(); search/ knows nothing of this app.
"""

from django.db.models import CharField, Prefetch, Value
from django.db.models.functions import Cast, Concat, StrIndex

from diplomas.levels import LEVEL_CHOICES, NATIONAL_LEVEL, Level
from diplomas.models import CQP, Diploma, Speciality
from search import levels
from search.documents import Document, join
from search.engine import ranked
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
    # And how they are prepared (diplomas/routes.py): "alternance" finds the jobs reached by
    # an apprenticeship, as /metiers/?voie=apprentissage lists them.
    routes = [
        " ".join(
            filter(
                None,
                [p.diploma.short_name, p.diploma.name, p.label, p.condition]
                + [fact.route.label for fact in p.routes],
            )
        )
        for p in career.pathways.all()
    ]
    keywords = "métier"
    if career.level_min == Level.BAC:
        keywords += " accessible avec le bac"
    return Document(
        title=career.title,
        meta=f"{career.family.name} · {career.level_label}",
        lead=career.lead,
        body=join(career.body, career.entry_note),
        hidden=join(career.family.name, *routes),
        keywords=keywords,
        level=career.level_min,
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
        # The story is told on the job page: the hit leads to it, where its words show.
        url=f"{testimonial.career.get_absolute_url()}#temoignage-titre",
    )


def _pks(model, **lookups):
    return model.objects.filter(**lookups).values_list("pk", flat=True)


def _careers_through(**pathway):
    # A job's document lists the diplomas (and specialities) that lead to it.
    return Pathway.objects.filter(**pathway).values_list("career_id", flat=True)


def register_documents():
    # The search page reads levels typed in a query on the scale the job list filters by.
    levels.configure(dict(LEVEL_CHOICES), {level.value: n for level, n in NATIONAL_LEVEL.items()})
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


def filter_careers(queryset, raw, exact=False):
    """The jobs of `queryset` that the search page finds for `raw`, in the search page's
    order, and the parsed query, whose reading the list shows: (queryset, query).

    A level named in `raw` ("bac+2", "niveau 5") narrows the list to the jobs open at that
    level, as it narrows the search page's jobs. All of `queryset`, unordered, when `raw`
    holds nothing usable.
    """
    query, ids = ranked(raw, DocumentKind.CAREER, exact=exact)
    if ids is None:
        return queryset, query
    level = query.level
    if level and not level.searched and not query.terms:
        # A level alone ("bac+2"): the jobs open at that level, as the search page lists.
        if level.years is None:
            return queryset.none(), query
        return queryset.accessible_with(level.years), query
    # The jobs found, in the engine's order, as one string parameter: ",12,3,57,". A job's
    # position is where ",<its id>," starts in it (0: not found). One expression however
    # many jobs are found; a CASE of one WHEN per job took 80 ms to build and compile with
    # 1,500 jobs found (100 times the brochure, profiled on 2026-11-30).
    found = "," + ",".join(str(pk) for pk in ids) + ","
    position = StrIndex(Value(found), Concat(Value(","), Cast("pk", CharField()), Value(",")))
    return queryset.annotate(search_position=position).filter(search_position__gt=0), query
