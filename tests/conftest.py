"""Hypothesis settings profiles: ``dev`` (the default, quick) and ``ci`` (what .ci/run selects
with HYPOTHESIS_PROFILE=ci: enough examples for more than 10,000 in all)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.register_profile("dev", max_examples=120, **_COMMON)
settings.register_profile("ci", max_examples=1200, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
