"""workbook -> cell records -> layout -> Plan. Knows nothing of compare, content or write."""
