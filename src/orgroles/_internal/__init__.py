"""Helpers that orgroles' modules share and that are not part of its public API.

Nothing here is exported from `orgroles`; names may change without notice. A test
checks that no public `__all__` lists a name defined here.
"""
