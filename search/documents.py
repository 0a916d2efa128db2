"""What each published job, diploma and testimonial contributes to the index."""

from django.db.models import Prefetch

from careers.models import Career, Pathway, Testimonial
from diplomas.levels import Level
from diplomas.models import Diploma, Speciality

from .models import DocumentKind, SearchDocument
from .synonyms import expansions
from .text import stems


def _join(*parts):
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _document(kind, obj, *, title, meta, lead, body, keywords=""):
    # Keywords weigh like the title: "métier avec le bac" is about jobs open to bac holders.
    title_extra = f"{keywords} {expansions(title)}".strip()
    body_extra = expansions(f"{lead}\n{body}")
    return SearchDocument(
        kind=kind,
        object_id=obj.pk,
        url=obj.get_absolute_url(),
        title=title[:300],
        meta=meta[:300],
        lead=lead,
        body=body,
        title_extra=title_extra[:300],
        body_extra=body_extra,
        title_stems=stems(f"{title} {title_extra}"),
        lead_stems=stems(lead),
        body_stems=stems(f"{body} {body_extra}"),
    )


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
    return _document(
        DocumentKind.CAREER,
        career,
        title=career.title,
        meta=f"{career.family.name} · {career.level_label}",
        lead=career.lead,
        body=_join(career.body, career.entry_note, career.family.name, *routes),
        keywords=keywords,
    )


def diplomas():
    return Diploma.objects.published().prefetch_related(
        Prefetch("specialities", Speciality.objects.published())
    )


def diploma_document(diploma):
    title = diploma.name
    if not diploma.name.startswith(diploma.short_name):
        title = f"{diploma.short_name} ({diploma.name})"
    specialities = [s.name for s in diploma.specialities.all()]
    return _document(
        DocumentKind.DIPLOMA,
        diploma,
        title=title,
        meta=f"{diploma.get_diploma_type_display()} · {diploma.level_label}",
        lead=diploma.summary,
        body=_join(
            diploma.duration,
            diploma.place,
            diploma.admission,
            diploma.programme,
            diploma.after,
            diploma.cqp_objective,
            diploma.cqp_method,
            diploma.cqp_profile,
            diploma.since_2009,
            "Spécialités : " + ", ".join(specialities) if specialities else "",
        ),
        keywords="formation diplôme",
    )


def testimonials():
    return Testimonial.objects.published().select_related("career")


def testimonial_document(testimonial):
    # Employer, town and job weigh like the title, so that "Vincennes" or "MGEN" ranks them
    # first; the page shows them in the meta line rather than in the excerpt.
    where = f"{testimonial.employer}, {testimonial.place}"
    return _document(
        DocumentKind.TESTIMONIAL,
        testimonial,
        title=f"{testimonial.first_name}, {testimonial.job_title}",
        meta=f"{where} · {testimonial.career.title}",
        lead=_join(testimonial.headline, testimonial.quote),
        body=testimonial.story,
        keywords=f"témoignage {where} {testimonial.career.title}",
    )


# kind -> (published queryset with what the document needs, builder)
SOURCES = {
    DocumentKind.CAREER: (careers, career_document),
    DocumentKind.DIPLOMA: (diplomas, diploma_document),
    DocumentKind.TESTIMONIAL: (testimonials, testimonial_document),
}
