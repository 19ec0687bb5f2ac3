"""Locations: a point (WGS84) on an initiative, budget project or process, how the public sees it (rounded),
and the pluggable geocoders that turn an address into a point (ADR 0026)."""
