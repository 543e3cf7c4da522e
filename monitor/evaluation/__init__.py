"""Scoring the fact extractors on the labelled corpus: see monitor/evaluate.py."""
