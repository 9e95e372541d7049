"""Plan, Plan -> one typed list of changes, and the figures computed once."""
