"""A job page's schema.org Occupation, built from what the page shows (see
mutuelles_site.structured_data for the serialiser and the shared blocks)."""

from diplomas.levels import range_label


def occupation(career, request):
    """The Occupation of a job page: its `career` must come from `for_detail()`, whose
    published rows are the page's « Comment y accéder » table."""
    data = {
        "@type": "Occupation",
        "name": career.title_masculine,
        "description": career.lead,
        "url": request.build_absolute_uri(career.get_absolute_url()),
        "occupationLocation": [{"@type": "Country", "name": "France"}],
        "qualifications": career.entry_note or f"Niveau d’accès : {career.level_label}",
        "educationRequirements": [
            credential(pathway, request) for pathway in career.pathways.all()
        ],
    }
    if career.title_feminine != career.title_masculine:
        data["alternateName"] = career.title_feminine
    if career.rome_code:
        data["occupationalCategory"] = {
            "@type": "CategoryCode",
            "codeValue": career.rome_code,
            "inCodeSet": {"@type": "CategoryCodeSet", "name": "ROME 4.0"},
        }
    return data


def credential(pathway, request):
    """One diploma that leads to the job, at the level the fiche gives it for this job."""
    diploma = pathway.diploma
    name = diploma.full_name
    if pathway.speciality_id:
        name = f"{name} : {pathway.speciality.name}"
    national = diploma.in_national_framework
    if pathway.level is not None:
        level = range_label(pathway.level, None, national=national)
    else:
        level = range_label(diploma.level, diploma.level_max, national=national)
    return {
        "@type": "EducationalOccupationalCredential",
        "name": name,
        "credentialCategory": diploma.get_diploma_type_display(),
        "educationalLevel": level,
        "url": request.build_absolute_uri(diploma.get_absolute_url()),
    }
