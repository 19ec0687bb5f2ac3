"""Models without a personal-data provider of their own, and what erasure does to them (or why they hold
nothing about a person). Declared with `zwerm.core.personal_data.registry` in PrivacyConfig.ready(), so
that the registry's inventory covers every model (tests/privacy/test_registry_complete.py)."""

from zwerm.core.personal_data import IN_OFFICE

OTHER_MODELS = {
    "auth.Permission": "no personal data: Django's permission names",
    "auth.Group": "no personal data: group names (the account's memberships are cleared)",
    "contenttypes.ContentType": "no personal data: model names",
    "django_tasks_database.DBTaskResult": "no personal data: tasks take ids, never texts or addresses",
    "core.Municipality": "no personal data: the municipality's name, codes and texts",
    "core.MunicipalityHost": "no personal data: host names",
    "places.District": "no personal data: wijk names",
    "places.Neighbourhood": "no personal data: buurt names",
    "places.DistrictShape": "no personal data: the outline of a wijk (public map data)",
    "places.NeighbourhoodShape": "no personal data: the outline of a buurt (public map data)",
    "values.Value": "no personal data: the municipality's values",
    "api.ApiToken": IN_OFFICE + " (a hash of the token, never the token)",
    "privacy.PersonalDataAccess": "kept: staff access to personal data, in office (append-only accountability)",
    "privacy.AccountErasure": "no personal data: counts only, never whose",
    "privacy.RetentionRun": "no personal data: processes and counts",
    "privacy.PrivacySettings": "no personal data: the municipality's setting",
}
