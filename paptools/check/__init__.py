"""Checks before the board: a draft report against the plan (draft.py), and the workbook itself (lint.py)."""
