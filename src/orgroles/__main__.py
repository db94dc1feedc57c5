"""`python -m orgroles` runs the command line."""

try:
    from orgroles.cli import main
except MemoryError:  # not even room to start: say so rather than print a traceback
    import sys

    sys.stderr.write("orgroles: out of memory while starting\n")
    sys.exit(2)

main()
