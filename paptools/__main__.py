from paptools.cli import main

main()
