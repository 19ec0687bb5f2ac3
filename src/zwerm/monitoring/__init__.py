"""Running Zwerm in production: health and readiness, Prometheus metrics, request ids and log records.

No domain app is imported here; domain services call `metrics.vote_counted` and friends, nothing more."""
