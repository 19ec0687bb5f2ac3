"""Locations and maps (ADR 0026): the geocoder, how coarse the public sees a place, the map's background."""

from urllib.parse import urlsplit

from ..env import env_int, env_str
from .security import CONTENT_SECURITY_POLICY

# Which geocoder turns an address into a point: "" (none: residents pick the buurt or the place on the map),
# "pdok" (the PDOK Locatieserver, for production) or the dotted path of a class (zwerm.locations.geocoders).
ZWERM_GEOCODER = env_str("ZWERM_GEOCODER", "")
ZWERM_GEOCODER_PDOK_URL = env_str("ZWERM_GEOCODER_PDOK_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free")
ZWERM_GEOCODER_TIMEOUT_SECONDS = env_int("ZWERM_GEOCODER_TIMEOUT_SECONDS", 3)
# The public sees a place snapped to the centre of a grid cell this many metres wide (never the point chosen).
ZWERM_LOCATION_PUBLIC_GRID_METRES = max(env_int("ZWERM_LOCATION_PUBLIC_GRID_METRES", 100), 25)
# The interactive map's background: a tile URL template ({z}/{x}/{y}) and its attribution; empty: no
# background, only the wijken and buurten (the demo and the tests). PDOK's BRT-Achtergrondkaart in production:
# https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png
ZWERM_MAP_TILES_URL = env_str("ZWERM_MAP_TILES_URL", "")
ZWERM_MAP_TILES_ATTRIBUTION = env_str(
    "ZWERM_MAP_TILES_ATTRIBUTION", "Kaartgegevens © Kadaster" if ZWERM_MAP_TILES_URL else ""
)
if ZWERM_MAP_TILES_URL:
    # The browser fetches the tiles itself: their host (only that one) is allowed as an image source.
    _tiles = urlsplit(ZWERM_MAP_TILES_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] = [
        *CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
        f"{_tiles.scheme}://{_tiles.netloc}",
    ]
