"""Tests of orgroles.catalog: the built-in catalogue and job titles to kinds."""
