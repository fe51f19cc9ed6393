"""The seeded demo generator: a realistic system of PLCs with a planted, known effect.

``generate_wales`` builds on the real schools of Wales; ``generate_synthetic``
on a synthetic system for benchmarks (``SYSTEMS``: England-sized, United
States-sized), ``generate_england`` being the England one. docs/demo.md
describes what is generated and the planted effect; each run writes the same
in ``demo_truth.json`` beside its files.
"""

from etl.demo.england import generate_england
from etl.demo.synthetic import SYSTEMS, generate_synthetic
from etl.demo.wales import generate_wales

__all__ = ["SYSTEMS", "generate_england", "generate_synthetic", "generate_wales"]
