"""What the diplomas and CQP put in the search index. Registered from DiplomasConfig.ready();
search/ knows nothing of this app."""

from django.db.models import Prefetch

from search.documents import Document, join
from search.models import DocumentKind
from search.registry import register

from .models import CQP, Diploma, Speciality


def diplomas():
    return Diploma.objects.published().prefetch_related(
        Prefetch("specialities", Speciality.objects.published())
    )


def diploma_document(diploma):
    title = diploma.name
    if not diploma.name.startswith(diploma.short_name):
        title = f"{diploma.short_name} ({diploma.name})"
    specialities = [s.name for s in diploma.specialities.all()]
    return Document(
        title=title,
        meta=f"{diploma.get_diploma_type_display()} · {diploma.level_label}",
        lead=diploma.summary,
        body=join(
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


def register_documents():
    register(
        DocumentKind.DIPLOMA,
        published=diplomas,
        build=diploma_document,
        follows={
            Diploma: lambda diploma: [diploma.pk],
            # The CQP admin saves through the proxy model, which sends its own signals.
            CQP: lambda diploma: [diploma.pk],
            Speciality: lambda speciality: [speciality.diploma_id],
        },
    )
