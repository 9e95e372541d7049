"""Owner cells split into the people and roles they name: a comma or "and" inside one job title
("Assistant Director, Education and Skills") and one role written in Welsh and English keep it
one owner; two people's names are two owners. Expected values are written out as an officer
reads them."""
from __future__ import annotations

import openpyxl
import pytest

from paptools.read.people import split_owners
from paptools.read.plan import read_plan

OWNERS = {
    "3.1": ("Head of SEND / Parent Carer Forum Chair", ("Head of SEND", "Parent Carer Forum Chair")),
    "3.2": ("Designated Clinical Officer / Deputy Chief Nurse, ICB",
            ("Designated Clinical Officer", "Deputy Chief Nurse, ICB")),
    "3.3": ("Assistant Director, Education and Skills", ("Assistant Director, Education and Skills",)),
    "3.4": ("Head of SEND/Principal EP/Head of Performance", ("Head of SEND", "Principal EP", "Head of Performance")),
    "3.5": ("Pennaeth ADY / Head of ALN", ("Pennaeth ADY / Head of ALN",)),
    "3.6": ("Jane Smith, Bob Jones", ("Jane Smith", "Bob Jones")),
    "3.7": ("Jane Smith and Bob Jones", ("Jane Smith", "Bob Jones")),
    "3.8": ("J Smith / B Jones", ("J Smith", "B Jones")),
    "3.9": ("Head of SEND, Children's Services & Ann Lee", ("Head of SEND, Children's Services", "Ann Lee")),
}


def test_the_owners_of_each_action(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PAP"
    sheet.append(["Ref", "Action", "Accountable lead(s)", "Target date", "RAG"])
    for ref, (owner, _) in OWNERS.items():
        sheet.append([ref, f"Action {ref}", owner, "Mar 2025", "Green"])
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert {a.ref: (a.owner, a.owners) for a in plan.actions} == OWNERS


@pytest.mark.parametrize("owner, owners", [
    ("Head of Education and Skills", ("Head of Education and Skills",)),
    ("Head of SEND and Parent Carer Forum", ("Head of SEND", "Parent Carer Forum")),
    ("Head of SEND, Early Help Team", ("Head of SEND", "Early Help Team")),
    ("Head of SEND, Jane Smith", ("Head of SEND", "Jane Smith")),
    ("Director of Education and Head of SEND", ("Director of Education", "Head of SEND")),
    ("Pennaeth ADY / Head of ALN / Rheolwr Gwybodaeth / Information Manager",
     ("Pennaeth ADY / Head of ALN", "Rheolwr Gwybodaeth / Information Manager")),
    ("Kate McKenna & Heather Martin-Netherwood", ("Kate McKenna", "Heather Martin-Netherwood")),
    (" SL ;  AB\nCD", ("SL", "AB", "CD")),
])
def test_a_part_that_names_a_department_stays_with_its_job_title(owner, owners):
    assert split_owners(owner) == owners
