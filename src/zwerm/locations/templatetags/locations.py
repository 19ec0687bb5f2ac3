from django import template

from ..maps import map_config as _map_config

register = template.Library()


@register.simple_tag(takes_context=True)
def map_config(context) -> dict:
    """The settings for locations.js; the template writes them with `json_script`."""
    request = context.get("request")
    return _map_config(municipality=getattr(request, "municipality", None))
