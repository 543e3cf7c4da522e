"""The language tools every fact kind reads with: a sentence, its parse, and what its words say
whatever the fact.

Sentences and their parse (`text`; `nlp`, with the faster attribute ruler of `attribute_rules`),
the configured names in them (`mentions`) and whose a noun phrase is (`owners`), amounts and
whether they count fighters (`numbers`, `units`), what the parse says about a word and whether a
verb tells something that happened (`grammar`, `frame_base`), who says it and how surely
(`attribution`, `hearsay`), the verbs that state a fact (`fact_verbs`), another era (`history`),
where a fact happened (`where`), whether a figure is a count of people at all (`counts`), and a
side named by a kin of its name (`kin`). Nothing here imports a kind, the reference resolution
or the review (the import contract in pyproject.toml); each user imports the module it reads
with.
"""
