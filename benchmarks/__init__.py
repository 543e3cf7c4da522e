"""Benchmarks for monitor: `make bench` or `python -m benchmarks.bench_polling`."""
