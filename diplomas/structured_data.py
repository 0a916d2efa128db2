"""A diploma page's schema.org EducationalOccupationalCredential."""


def credential(diploma, request):
    data = {
        "@type": "EducationalOccupationalCredential",
        "name": diploma.full_name,
        "alternateName": diploma.short_name,
        "description": diploma.summary,
        "credentialCategory": diploma.get_diploma_type_display(),
        "educationalLevel": diploma.level_label,
        "url": request.build_absolute_uri(diploma.get_absolute_url()),
    }
    if diploma.rncp_code:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "RNCP",
            "value": diploma.rncp_code,
        }
    return data
