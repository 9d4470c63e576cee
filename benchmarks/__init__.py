"""Benchmarks: what the typed layer costs next to plain ``json`` and ``requests`` (``benchmarks/run.py``)."""
