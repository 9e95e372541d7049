"""paptools: the SEND Priority Action Plan workbook, reconciled and reported."""

__version__ = "0.1.0"
