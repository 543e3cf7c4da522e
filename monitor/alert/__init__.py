"""The alert stage: compose alerts, render them per channel format, deliver them via apprise."""
