"""Additions to the generated OpenAPI document: the problem+json errors and the API-Version header.

Every operation documents the errors it can answer with (schemathesis checks that nothing else comes
back), and every response documents the API-Version header (NL API-57)."""

from django.conf import settings

PROBLEM_JSON = "application/problem+json"

# status -> description; each is a components/responses entry with the Problem body.
PROBLEMS = {
    "400": "Invalid request: a parameter or the body is wrong (field errors under invalid-params).",
    "401": "No valid token: missing, unknown, revoked, or of another municipality.",
    "403": "The token's role does not allow this operation.",
    "404": "Not found, not public, or of another municipality.",
    "406": "The Accept header asks for a format the API cannot answer with.",
    "429": "Too many requests; try again after Retry-After seconds.",
}
WRITE_PROBLEMS = {
    "415": "The body is not application/json.",
    "422": "The Idempotency-Key was used before with another request.",
}
WRITE_METHODS = {"post", "put", "patch"}


def _problem_schema() -> dict:
    return {
        "type": "object",
        "description": "An error as RFC 9457 problem details.",
        "required": ["type", "title", "status", "detail", "instance"],
        "properties": {
            "type": {"type": "string", "description": "What kind of problem, as urn:zwerm:problem:<code>."},
            "title": {"type": "string", "description": "Short title of the kind of problem (Dutch)."},
            "status": {"type": "integer", "description": "The HTTP status code."},
            "detail": {"type": "string", "description": "What went wrong in this case (Dutch)."},
            "instance": {"type": "string", "description": "The path of the request that failed."},
            "invalid-params": {
                "type": "array",
                "description": "Per field that is wrong: its name (dotted for nested fields) and why.",
                "items": {"$ref": "#/components/schemas/InvalidParam"},
            },
        },
    }


def _version_header() -> dict:
    return {
        "description": "The full version of the API that answered (semantic versioning).",
        "required": True,
        "schema": {"type": "string", "example": settings.ZWERM_API_VERSION},
    }


def _problem_response(status: str, description: str) -> dict:
    response = {
        "description": description,
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    if status == "401":
        response["headers"]["WWW-Authenticate"] = {"schema": {"type": "string"}, "description": "Bearer."}
    if status == "429":
        response["headers"]["Retry-After"] = {"schema": {"type": "integer"}, "description": "Seconds to wait."}
    return response


def add_problems_and_version_header(result, generator, request, public):
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["Problem"] = _problem_schema()
    schemas["InvalidParam"] = {
        "type": "object",
        "required": ["name", "reason"],
        "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
    }
    components["headers"] = {"API-Version": _version_header()}
    responses = components.setdefault("responses", {})
    for status, description in {**PROBLEMS, **WRITE_PROBLEMS}.items():
        responses[f"Problem{status}"] = _problem_response(status, description)
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            answers = operation.setdefault("responses", {})
            wanted = {**PROBLEMS, **(WRITE_PROBLEMS if method in WRITE_METHODS else {})}
            for status in wanted:
                answers.setdefault(status, {"$ref": f"#/components/responses/Problem{status}"})
            for answer in answers.values():
                if "$ref" not in answer:
                    answer.setdefault("headers", {})["API-Version"] = {"$ref": "#/components/headers/API-Version"}
            operation["responses"] = dict(sorted(answers.items()))
    return result
