from django.conf import settings

from .models import Municipality, MunicipalityHost


def municipality_for_host(*, host: str) -> Municipality | None:
    """The municipality that serves `host`, else the configured default, else the first one."""
    hostname = host.split(":")[0].lower()
    match = MunicipalityHost.objects.select_related("municipality").filter(hostname=hostname).first()
    if match:
        return match.municipality
    default_slug = settings.ZWERM_DEFAULT_MUNICIPALITY
    if default_slug:
        found = Municipality.objects.filter(slug=default_slug).first()
        if found:
            return found
    return Municipality.objects.order_by("pk").first()


def municipality_list() -> list[Municipality]:
    return list(Municipality.objects.order_by("name"))
