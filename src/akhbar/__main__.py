"""``python -m akhbar``: the same as the ``akhbar`` command."""

from .cli import main

# Guarded: worker processes (forkserver) import the main module as __mp_main__, and must not
# run the command line again.
if __name__ == "__main__":
    main()
