"""Every output format, each rendering the changes and figures it is given; decides nothing."""
