"""The seeded demo generator: a realistic system of PLCs with a planted, known effect.

``generate_wales`` builds on the real schools of Wales; ``generate_england``
on an England-sized synthetic system for benchmarks. docs/demo.md describes
what is generated and the planted effect; each run writes the same in
``demo_truth.json`` beside its files.
"""

from etl.demo.england import generate_england
from etl.demo.wales import generate_wales

__all__ = ["generate_england", "generate_wales"]
