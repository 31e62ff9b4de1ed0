"""The NDJSON deserializer the test command gives Schemathesis: every line is checked."""

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemathesis"))
import ndjson_hooks  # noqa: E402  (needs schemathesis, which requirements.txt installs)

ROW = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}},
       "additionalProperties": False}
TRAILER = {"oneOf": [
    {"type": "object", "required": ["end"], "properties": {"end": {"type": "object"}}},
    {"type": "object", "required": ["error"], "properties": {"error": {"type": "object"}}},
]}
LINE = {"oneOf": [{"$ref": "#/components/schemas/Row"}, {"$ref": "#/components/schemas/Trailer"}]}


def ctx():
    raw = {"components": {"schemas": {"Row": ROW, "Trailer": TRAILER}}}
    definition = {"responses": {"200": {"content": {"application/x-ndjson": {"schema": LINE}}}}}
    operation = SimpleNamespace(schema=SimpleNamespace(raw_schema=raw),
                                definition=SimpleNamespace(raw=definition))
    return SimpleNamespace(operation=operation, case=None)


def response(text):
    return SimpleNamespace(content=text.encode(), status_code=200)


def test_when_every_line_fits_and_the_trailer_is_last_then_the_trailer_is_returned():
    body = '{"name": "a"}\n{"name": "b"}\n{"end": {"count": 2}}\n'
    assert ndjson_hooks.ndjson_lines(ctx(), response(body)) == {"end": {"count": 2}}


@pytest.mark.parametrize("body, problem", [
    ('{"name": "a"}\n{"name": 3}\n{"end": {"count": 2}}\n', "line 2 does not match"),
    ('{"name": "a"}\nnot json\n{"end": {"count": 2}}\n', "line 2 is not JSON"),
    ('{"name": "a"}\n{"name": "b"}\n', "last line is not the stream trailer"),
    ('{"end": {"count": 0}}\n{"name": "a"}\n{"end": {"count": 1}}\n', "trailer appears before"),
    ('{"name": "a"}\n{"end": {"count": 1}}', "does not end with a newline"),
])
def test_when_a_line_is_wrong_then_it_is_reported(body, problem):
    with pytest.raises(ValueError, match=problem):
        ndjson_hooks.ndjson_lines(ctx(), response(body))
