"""The `paptools` command line: one module per command group, all registered on `main`.

Each command module parses options, calls the library (`paptools.api`) and prints; adding a
command is adding a module here that decorates it with `@main.command()`, and naming it in
`paptools.cli.app.COMMANDS`, which loads the module when the command is first asked for.
"""
from paptools.cli.app import main

__all__ = ["main"]
