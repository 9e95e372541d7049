"""Status words of many scales mapped onto the five statuses, by meaning, with the reason shown."""
from __future__ import annotations

import pytest

from paptools.model import Status
from paptools.read.statuses import key_status, status_from_text
from paptools.read.vocabulary import Vocabulary, WordMapping, map_status_word

C, G, V, R, N = Status.COMPLETE, Status.ON_TRACK, Status.VULNERABLE, Status.AT_RISK, Status.NOT_STARTED

# The word as a plan writes it -> the status a careful reader would count it as.
WORDS = [
    # RAG and BRAG, as words and letters
    ("Blue", C), ("B", C), ("Green", G), ("G", G), ("Amber", V), ("A", V), ("Red", R), ("R", R),
    ("Complete and embedded", C), ("Green - progressing well", G),
    ("GREEN", G), (" amber ", V), ("White", N), ("White - not yet started", N), ("White: not started yet", N),
    # finished
    ("Complete", C), ("Completed", C), ("Achieved", C), ("Done", C), ("Closed", C), ("Met", C),
    ("Validated", C), ("Archived", C), ("Fully implemented", C), ("Implemented", C), ("Implemented fully", C), ("Resolved", C),
    # the status now, and the one it was
    ("Amber (was Green)", V), ("Red - previously Amber", R), ("Amber (Jan 25) - was Green", V),
    ("Green (up from Amber)", G), ("Red, was Amber in Oct", R),
    # done, and now how the service works
    ("Embedded", C), ("Business as usual", C), ("BAU", C), ("Moved to business as usual", C), ("Mainstreamed", C),
    # moving
    ("On track", G), ("On Track", G), ("On-track", G), ("In progress", G), ("Ongoing", G),
    ("Progressing well", G), ("Partially implemented", G), ("Partially", G), ("Started", G), ("A/G", G), ("Amber/Green", G),
    ("amber - green", G), ("Amber Green", G), ("Green/Amber", G), ("Red-Amber", R),
    # behind
    ("Some slippage", V), ("Slipping", V), ("Delayed", V), ("Behind", V), ("Behind schedule", V), ("Vulnerable", V),
    # in trouble
    ("Off track", R), ("At risk", R), ("A/R", R), ("Amber/Red", R), ("Significant issues", R), ("Escalated", R),
    ("Off target", R), ("Not on target", R), ("Ahead of schedule", G), ("WIP", G),
    # not begun
    ("Not started", N), ("Not yet started", N), ("Not due", N), ("Planned", N), ("Pending", N),
    ("Not implemented", N),
    # the delivery confidence words
    ("Highly likely", G), ("Probable", G), ("Feasible", V), ("In doubt", R), ("Unachievable", R),
    # written with more words around them
    ("Complete - agreed at LIP EB May 25", C), ("Green (on track)", G), ("Status: Green (on track)", G),
    ("RAG status - Amber", V),
    # spelling slips and word order
    ("Compelte", C), ("Some slipage", V), ("Implemented partially", G), ("Not yet strated", N),
    # a scale of slippage: another word is not a slip of the keys ("Major" is not "Minor")
    ("Minor slippage", V), ("Slight slippage", V), ("Major slippage", R), ("Major slipage", R),
]


@pytest.mark.parametrize("word, status", WORDS)
def test_a_status_word_is_mapped_by_meaning(word, status):
    mapping = map_status_word(word)
    assert mapping.word == word
    assert mapping.status is status
    assert mapping.reason.endswith(f"-> {status}")


@pytest.mark.parametrize(
    "word, reason",
    [
        ("Open", "says the item is open, not how it is going: fits no status"),
        ("On hold", "says the work is paused: fits no status"),
        ("Cancelled", "says the action no longer applies: fits no status"),
        ("TBC", "says the status is not known: fits no status"),
        ("Incomplete", "says it is not finished, not how it is going: fits no status"),
        ("Purple", "a colour with no status meaning: fits no status"),
        ("0", "a number, not a status word (often a placeholder for not assessed): fits no status"),
        ("3", "a number, not a status word (often a placeholder for not assessed): fits no status"),
        ("see note", "fits no status"),
        ("Risk accepted", "fits no status"),
        ("Started late", "fits no status"),
        ("Complete agreed at board", "fits no status"),
        ("Overdue", "says it is late, not whether it will recover: fits no status"),
        ("Green (at risk)", "names two statuses (On track and At risk): fits no status"),
        ("Closed - not implemented", "names two statuses (Complete and Not yet started): fits no status"),
        ("In progress - slight delay", "starts with 'in progress' but also says 'delay': fits no status"),
        ("Complete - some concerns", "names two statuses (Complete and Vulnerable): fits no status"),
        ("Amber and Red", "names two statuses (Vulnerable and At risk): fits no status"),
        ("Closed - merged into 2.3", "starts with 'closed' but also says 'merged': fits no status"),
        ("Closed (superseded by 4.1)", "starts with 'closed' but also says 'superseded': fits no status"),
        ("Embedding", "fits no status"),
        ("Amber (was not Green)", "names two statuses (Vulnerable and On track): fits no status"),  # still being embedded: not done, and not said how it is going
        ("Not embedded", "fits no status"),
    ],
)
def test_a_word_that_fits_no_status_is_never_guessed(word, reason):
    assert map_status_word(word) == WordMapping(word, None, reason)


def test_the_reason_says_what_the_word_means():
    assert map_status_word("Some slippage").reason == "means behind schedule -> Vulnerable"
    assert map_status_word("A/G").reason == "amber/green in a confidence scale means success is probable -> On track"
    assert map_status_word("Compelte").reason == "read as 'complete' (spelling or word order): means finished -> Complete"
    assert map_status_word("Pending").reason == "means waiting to start -> Not yet started"


def test_a_five_point_confidence_scale():
    scale = Vocabulary.from_words(["G", "A/G", "A", "A/R", "R"], "drop-down list on F5:F60")
    assert [(m.word, m.status) for m in scale.words] == [("G", G), ("A/G", G), ("A", V), ("A/R", R), ("R", R)]
    assert scale.source == "drop-down list on F5:F60"


def test_an_implementation_scale_and_a_register_lifecycle():
    scale = Vocabulary.from_words(["Fully implemented", "Partially implemented", "Not implemented", "Ongoing"],
                                  "words used in column E")
    assert [m.status for m in scale.words] == [C, G, N, G]
    register = Vocabulary.from_words(["Open", "Closed", "Escalated", "Met", "Validated", "Pending"],
                                     "words used in column G")
    assert [(m.word, m.status) for m in register.words] == [
        ("Open", None), ("Closed", C), ("Escalated", R), ("Met", C), ("Validated", C), ("Pending", N)
    ]


def test_a_plans_own_scale_keeps_its_words_once_and_the_house_style_wins():
    scale = Vocabulary.from_words(
        ["Completed", "On track", "Some slippage", "some slippage ", "Off track", "Not started", "Open", ""],
        "key on sheet Guidance A4:B8",
        overrides={"open": Status.ON_TRACK, "Parked": Status.VULNERABLE, "Not started": None},
    )
    assert scale.words == (
        WordMapping("Completed", C, "means finished -> Complete"),
        WordMapping("On track", G, "means on track -> On track"),
        WordMapping("Some slippage", V, "means behind schedule -> Vulnerable"),
        WordMapping("Off track", R, "means off track -> At risk"),
        WordMapping("Not started", None, "from the house-style file"),
        WordMapping("Open", G, "from the house-style file"),
        WordMapping("Parked", V, "from the house-style file"),
    )


@pytest.mark.parametrize(
    "text, word",
    [
        ("Some slippage", "Some slippage"),
        ("SOME SLIPPAGE", "Some slippage"),
        ("  some   slippage. ", "Some slippage"),
        ("Status: Some Slippage (see note)", "Some slippage"),
        ("Completed - signed off at board", "Completed"),
        ("Off-track - escalated", "Off track"),
        ("Some slipage", "Some slippage"),
        ("Not started yet", "Not started"),
    ],
)
def test_a_cell_is_looked_up_in_the_plans_scale(text, word):
    scale = Vocabulary.from_words(["Completed", "On track", "Some slippage", "Off track", "Not started"], "key")
    found = scale.lookup(text)
    assert found is not None and found.word == word


@pytest.mark.parametrize("text", ["Green", "Closed", "", "Slippage expected", "Incomplete"])
def test_a_cell_outside_the_plans_scale_is_not_found(text):
    scale = Vocabulary.from_words(["Completed", "On track", "Some slippage", "Off track", "Not started"], "key")
    assert scale.lookup(text) is None


def test_the_standard_scale_is_the_five_statuses():
    scale = Vocabulary.standard()
    assert [(m.word, m.status) for m in scale.words] == [
        ("Not yet started", N), ("On track", G), ("Vulnerable", V), ("At risk", R), ("Complete", C)
    ]
    found = scale.lookup("on track")
    assert found is not None and found.status is G


def test_the_readers_helpers_use_the_same_words():
    assert status_from_text("Some slippage") == (V, True)
    assert status_from_text("Open") == (None, False)
    assert status_from_text("  ") == (None, True)
    assert key_status("Some slippage: the action is behind its timescale") is V
    assert key_status("Open") is None
    assert key_status("Completed actions") is None
    assert key_status("In progress - delayed: behind schedule, recovery plan in place") is V
    assert key_status("In progress: work has begun") is G


@pytest.mark.parametrize("word, status, reason", [
    ("✓", "Complete", "a tick means done -> Complete"),
    ("✔️", "Complete", "a tick means done -> Complete"),
    ("✅", "Complete", "a tick means done -> Complete"),
    ("🔵", "Complete", "a blue circle in a BRAG scale means complete -> Complete"),
    ("🟢", "On track", "a green circle in a RAG scale means on track -> On track"),
    ("🟠", "Vulnerable", "an amber or yellow circle in a RAG scale means vulnerable -> Vulnerable"),
    ("🟡", "Vulnerable", "an amber or yellow circle in a RAG scale means vulnerable -> Vulnerable"),
    ("🔴", "At risk", "a red circle in a RAG scale means at risk -> At risk"),
    ("🔴 Off track", "At risk", "means off track -> At risk"),
])
def test_a_tick_or_a_coloured_circle_is_a_status(word, status, reason):
    mapping = map_status_word(word)
    assert (mapping.status.value, mapping.reason) == (status, reason)


@pytest.mark.parametrize("word", ["✗", "❌", "⚪", "★"])
def test_a_symbol_with_no_agreed_meaning_fits_no_status(word):
    assert map_status_word(word).status is None


@pytest.mark.parametrize("word, status, reason", [
    ("G - On track", "On track", "the words after its letter, 'On track': means on track -> On track"),
    ("A: Some slippage", "Vulnerable",
     "the words after its letter, 'Some slippage': means behind schedule -> Vulnerable"),
    ("R (Off track)", "At risk", "the words after its letter, 'Off track': means off track -> At risk"),
    ("G - see note", "On track",
     "read as 'g' (its letter, before 'see note'): green in a RAG scale means on track -> On track"),
])
def test_a_rag_letter_with_its_meaning_written_after_it(word, status, reason):
    mapping = map_status_word(word)
    assert (mapping.status.value, mapping.reason) == (status, reason)


def test_a_rag_letter_before_words_that_say_no_status_is_not_read_by_the_letter():
    assert map_status_word("A - on hold").status is None


def test_a_word_one_real_word_away_from_a_known_phrase_is_not_read_as_it():
    assert map_status_word("Minor slipping").status is None  # not 'minor slippage': 'slipping' is another word
    assert map_status_word("Major slipage").reason == (
        "read as 'major slippage' (spelling or word order): means off track -> At risk")


@pytest.mark.parametrize("word, status, reason", [
    ("In Progress - Behind", "Vulnerable", "'in progress' says it is under way; 'Behind' says how: means behind "
                                           "schedule -> Vulnerable"),
    ("In Progress - At Risk", "At risk", "'in progress' says it is under way; 'At Risk' says how: means at risk "
                                         "-> At risk"),
    ("In progress - delayed", "Vulnerable", "'in progress' says it is under way; 'delayed' says how: means behind "
                                            "schedule -> Vulnerable"),
    ("In Progress - On Track", "On track", "means on track -> On track"),
    ("Ongoing (off track)", "At risk", "'ongoing' says it is under way; 'off track' says how: means off track -> "
                                       "At risk"),
    ("Started - some slippage", "Vulnerable", "'started' says it is under way; 'some slippage' says how: means "
                                              "behind schedule -> Vulnerable"),
])
def test_under_way_with_a_qualifier_that_names_a_status_is_that_status(word, status, reason):
    """A word that says only that the work is under way ("In progress") and a qualifier that says how
    it is going ("Behind", "At risk"): the qualifier is the status, as "Behind" alone would be."""
    mapping = map_status_word(word)
    assert (mapping.status.value if mapping.status else None, mapping.reason) == (status, reason)


@pytest.mark.parametrize("word", [
    "In progress - complete",  # under way and finished: two statuses, neither picked
    "In progress - not started",
    "In progress - slight delay",  # says something is wrong, but not how wrong
    "Green - behind",  # a rating, not "under way": the two disagree
])
def test_under_way_with_a_qualifier_that_is_not_how_it_is_going_fits_no_status(word):
    assert map_status_word(word).status is None


def test_a_status_written_in_two_languages_is_read_by_its_known_half():
    assert [(w, map_status_word(w).status) for w in ("Gwyrdd / Green", "Coch / Red", "Heb ddechrau / Not started")] == [
        ("Gwyrdd / Green", Status.ON_TRACK), ("Coch / Red", Status.AT_RISK),
        ("Heb ddechrau / Not started", Status.NOT_STARTED)]
    assert map_status_word("Gwyrdd / Green").reason == (
        "its half 'Green': green in a RAG scale means on track -> On track")
    assert map_status_word("On track / At risk").status is None  # two statuses: never one picked


@pytest.mark.parametrize("description, status", [
    ("action complete and now part of business as usual", C),
    ("work under way and on schedule", G),
    ("behind schedule, recovery plan in place", V),
    ("not yet due to start", N),
    ("past its target date", None),  # names no status
    ("action completed or superseded", None),  # a word that fits no status beside it
    ("work paused for now, not complete", None),  # "not" of a status
    ("complete, but not yet signed off", None),  # "not" outside the status word
    ("started but at risk of slipping", None),  # two statuses
])
def test_a_keys_description_names_one_status_or_none(description, status):
    from paptools.read.vocabulary import described_status

    assert described_status(description) is status
