"""Plain serializers with declared fields: what the API publishes, field by field (no ModelSerializer)."""
