"""Benchmarks: scripts that print speed, memory and correctness figures (see README.md)."""
