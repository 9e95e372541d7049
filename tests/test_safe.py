"""JSON text printed as it is, or with the characters a terminal would act on escaped.

json_safe decides from the text's UTF-8 bytes whether anything needs escaping (the quick
answer for megabytes of `show --json`); these pin both answers, with the text written out.
"""
from __future__ import annotations

from paptools.write.safe import json_safe, json_safe_utf8


def test_text_without_c1_controls_or_lone_surrogates_is_returned_unchanged():
    text = '{"text": "£120k – agreed\xa0with SENCOs ✓ ½ é", "n": 1}'  # C2 A3, C2 A0, C2 BD: not controls
    assert json_safe(text) is text


def test_c1_controls_and_del_are_escaped():
    assert json_safe('{"a": "x\x85y\x9bz\x7f"}') == '{"a": "x\\u0085y\\u009bz\\u007f"}'
    assert json_safe('"\x80"') == '"\\u0080"'
    assert json_safe('"\x9f\xa0"') == '"\\u009f\xa0"'


def test_lone_surrogates_are_escaped_with_everything_else():
    assert json_safe('{"source": "plan-\udcff.xlsx", "t": "\x85 £"}') == (
        '{"source": "plan-\\udcff.xlsx", "t": "\\u0085 £"}')


def test_utf8_json_is_escaped_only_where_a_c1_control_or_del_is():
    plain = '{"t": "Agreed \u2013 on time"}'.encode()  # no C2 byte at all: the quick answer
    assert json_safe_utf8(plain) is plain
    pounds = '{"t": "\u00a3120k agreed"}'.encode()  # C2 A3: not a control
    assert json_safe_utf8(pounds) is pounds
    assert json_safe_utf8('{"t": "\u00a3120k\x85 agreed\x7f"}'.encode()) == b'{"t": "\xc2\xa3120k\\u0085 agreed\\u007f"}'
