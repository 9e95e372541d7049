"""The JSON text printed by --json: the same text whichever encoder writes it, and safe on a terminal."""
from __future__ import annotations

from paptools.write.jsondoc import json_bytes


def json_text(document: object) -> str:
    """What --json prints, as text."""
    return json_bytes(document).decode("utf-8")


def test_a_document_is_written_indented_with_its_characters_as_written():
    document = {"ref": "PAP 1.1", "entries": [{"text": "Nov23: SL: “done” – café ✓", "n": 3}], "empty": [], "none": {},
                "pct": 82.5, "pap": True, "date": None}
    assert json_text(document) == (
        '{\n'
        '  "ref": "PAP 1.1",\n'
        '  "entries": [\n'
        '    {\n'
        '      "text": "Nov23: SL: “done” – café ✓",\n'
        '      "n": 3\n'
        '    }\n'
        '  ],\n'
        '  "empty": [],\n'
        '  "none": {},\n'
        '  "pct": 82.5,\n'
        '  "pap": true,\n'
        '  "date": null\n'
        '}'
    )


def test_control_characters_from_a_cell_are_escaped():
    assert json_text(["a\x1b[2Jb", "c\x85d", "e\x7ff", "tab\there"]) == (
        '[\n  "a\\u001b[2Jb",\n  "c\\u0085d",\n  "e\\u007ff",\n  "tab\\there"\n]'
    )


def test_a_lone_surrogate_the_fast_encoder_refuses_is_still_written():
    assert json_text({"text": "bad \ud800 half"}) == '{\n  "text": "bad \\ud800 half"\n}'


def test_an_integer_over_64_bits_is_still_written():
    assert json_text({"n": 2**70}) == '{\n  "n": 1180591620717411303424\n}'
