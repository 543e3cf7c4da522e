"""Scoring the fact extractors on the labelled corpus: see monitor/evaluation/labelled.py."""
