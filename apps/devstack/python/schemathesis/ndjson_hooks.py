"""Schemathesis hooks for the BFF: NDJSON responses are validated line by line.

OpenAPI 3.1 cannot describe a sequence of JSON values, so the BFF documents one line of an
`application/x-ndjson` response (a row or the closing trailer). This deserializer parses every
line, validates each against that documented line schema, and insists that the last line is
the trailer (`{"end": …}` or `{"error": …}`) and no other line is. It returns the trailer, which
Schemathesis then validates against the same schema once more.
"""
import json

import jsonschema
import schemathesis

NDJSON = "application/x-ndjson"


def _line_validator(ctx, status):
    raw = ctx.operation.schema.raw_schema
    responses = ctx.operation.definition.raw.get("responses", {})
    line_schema = responses[str(status)]["content"][NDJSON]["schema"]
    # `#/components/...` references resolve against a root that carries the components.
    root = {**line_schema, "components": raw.get("components", {})}
    return jsonschema.Draft202012Validator(root)


def _is_trailer(value):
    return isinstance(value, dict) and set(value) in ({"end"}, {"error"})


@schemathesis.deserializer(NDJSON)
def ndjson_lines(ctx, response):
    text = response.content.decode("utf-8")
    if not text.endswith("\n"):
        raise ValueError("the NDJSON stream does not end with a newline (cut off?)")
    lines = text[:-1].split("\n")
    validator = _line_validator(ctx, response.status_code)
    values = []
    for number, line in enumerate(lines, start=1):
        try:
            value = json.loads(line)
        except ValueError as error:
            raise ValueError(f"line {number} is not JSON: {error}") from error
        problems = sorted(validator.iter_errors(value), key=str)
        if problems:
            raise ValueError(f"line {number} does not match the schema: {problems[0].message}")
        values.append(value)
    if not values or not _is_trailer(values[-1]):
        raise ValueError("the last line is not the stream trailer ({end} or {error})")
    if any(_is_trailer(v) for v in values[:-1]):
        raise ValueError("a trailer appears before the last line")
    return values[-1]
