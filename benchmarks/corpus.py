"""Deterministic news-like prose for the feed farm: generic stories, and a few that mention the
watch terms (Panjshir, the Taliban, Ahmad Massoud, force sizes) so that matching and extraction
do real work.

Sentences are generated once into a pool from templates; an article is a random draw of 12-25
sentences from the pool (cheap: 60,000 articles take about a second)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
SUBJECTS = (
    "The finance ministry", "Officials in the capital", "The central bank",
    "A spokesman for the regional government", "Local residents", "Opposition lawmakers",
    "The company", "Analysts at a Frankfurt bank", "The national health agency",
    "Union leaders", "The city council", "Police", "Emergency services",
    "The prime minister's office", "Investors", "Farmers in the north", "The transport authority",
    "A group of scientists", "The electoral commission", "Environmental campaigners",
    "The defence ministry", "Hospital administrators", "The weather service", "Port officials",
    "A senior diplomat", "The state broadcaster", "School inspectors", "The airline",
)  # fmt: skip
REPORTING = (
    "said on {day} that", "warned that", "told reporters that", "confirmed that",
    "said in a statement that", "estimated that", "acknowledged that", "argued that",
    "said late on {day} that", "announced that",
)  # fmt: skip
CLAUSES = (
    "inflation had eased to {pct} percent in {month}",
    "the new budget would raise spending on {sector} by {pct} percent",
    "talks with {partner} would resume next week",
    "the bridge would remain closed until {month}",
    "{num} people had been evacuated after heavy rain",
    "exports had fallen for the {ordinal} month in a row",
    "the plan would create about {num} jobs over five years",
    "the strike had disrupted services across {region}",
    "the results of the inquiry would be published in {month}",
    "demand for {sector} services had risen sharply since {month}",
    "the reform would need the approval of parliament",
    "prices for {commodity} were likely to stay high through the winter",
    "{num} homes were still without power in {region}",
    "the agreement with {partner} covered trade, energy and fisheries",
    "the project was running {pct} percent over budget",
    "vaccination rates in {region} had reached {pct} percent",
)  # fmt: skip
PLAIN = (
    "The measure still needs the approval of the upper house.",
    "Critics say the plan does little to address the shortage of housing.",
    "Markets were little changed after the announcement.",
    "The figures are provisional and may be revised next month.",
    "No one was reported injured.",
    "The talks are expected to continue into the weekend.",
    "Similar proposals were rejected twice in the past decade.",
    "The decision was welcomed by business groups but criticised by unions.",
    "Further details were not immediately available.",
    "The government has not said how the programme will be paid for.",
    "Traffic was diverted for several hours while crews cleared the road.",
    "The report was commissioned after a series of complaints last year.",
)  # fmt: skip
SECTORS = ("health", "education", "defence", "housing", "transport", "energy", "agriculture")
PARTNERS = ("the European Union", "neighbouring states", "the lenders", "the unions", "Japan")
REGIONS = ("the southern provinces", "the coastal districts", "the capital", "three counties")
COMMODITIES = ("wheat", "natural gas", "diesel", "fertiliser", "rice", "copper")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")

# Sentences that make an article match the watch (entities, aliases, and a `require` term) and
# give the extractors something to read: force sizes, leadership claims, places held.
WATCH = (
    "The National Resistance Front has about {forces} fighters in the Panjshir valley and the "
    "surrounding mountains, its spokesman said.",
    "Taliban fighters have surrounded the Panjshir valley, a Taliban spokesman said on {day}.",
    "Ahmad Massoud said in an interview that the resistance would not surrender to the Taliban.",
    "The anti-Taliban resistance now counts several thousand fighters, drawn from former army "
    "and special forces units, according to two people in contact with its commanders.",
    "Residents of Bazarak, the provincial capital of Panjshir, said fighting continued overnight.",
    "Officials in Kabul said talks with elders from Panjshir had broken down on {day}.",
    "Amrullah Saleh, who has declared himself caretaker president of Afghanistan, is believed to "
    "be in the Panjshir valley.",
    "The Taliban said it had sent hundreds of fighters towards Panjshir, where the National "
    "Resistance Front has more than {forces} men under arms.",
    "A commander of the Panjshir resistance said about {forces} fighters had joined the front "
    "since the fall of Kabul.",
)


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]


class Corpus:
    """A pool of sentences and headlines; `article()` draws one article from it."""

    def __init__(self, seed: int, pool_size: int = 4000) -> None:
        self.rng = random.Random(seed)
        self.pool = [self._sentence() for _ in range(pool_size)]
        self.watch_pool = [self._fill(self.rng.choice(WATCH)) for _ in range(pool_size // 10)]

    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            day=rng.choice(DAYS),
            month=rng.choice(MONTHS),
            pct=f"{rng.uniform(0.5, 40):.1f}",
            num=f"{rng.choice((12, 40, 150, 800, 2_300, 12_000, 45_000)) + rng.randrange(10):,}",
            sector=rng.choice(SECTORS),
            partner=rng.choice(PARTNERS),
            region=rng.choice(REGIONS),
            commodity=rng.choice(COMMODITIES),
            ordinal=rng.choice(ORDINALS),
            forces=f"{rng.choice((2, 3, 5, 6, 7, 8, 9, 10, 12)) * 1000:,}",
        )

    def _sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return rng.choice(PLAIN)
        clause = self._fill(f"{rng.choice(SUBJECTS)} {rng.choice(REPORTING)} {rng.choice(CLAUSES)}")
        return clause + "."

    def headline(self, watched: bool) -> str:
        rng = self.rng
        if watched:
            return rng.choice(
                (
                    "Resistance in Panjshir vows to fight on",
                    "Taliban tighten grip around Panjshir valley",
                    "Ahmad Massoud rejects Taliban offer of talks",
                    "Fighting reported near Bazarak in Afghanistan",
                )
            )
        subject = rng.choice(SUBJECTS).removeprefix("The ").removeprefix("A ")
        verb = rng.choice(("warns on", "backs", "delays", "rejects", "reviews", "expands"))
        topic = rng.choice(SECTORS + COMMODITIES)
        return f"{subject[0].upper()}{subject[1:]} {verb} {topic} plan"

    def article(self, watched: bool) -> Article:
        """12-25 sentences in 2-4 paragraphs (roughly 200-450 words); a watched article carries
        two or three sentences about the Panjshir story among the generic ones."""
        rng = self.rng
        sentences: list[str] = rng.choices(self.pool, k=rng.randint(12, 25))
        if watched:
            for sentence in rng.sample(self.watch_pool, k=rng.randint(2, 3)):
                sentences.insert(rng.randrange(len(sentences) + 1), sentence)
        return Article(self.headline(watched), _paragraphs(rng, sentences))


def _paragraphs(rng: random.Random, sentences: Sequence[str]) -> tuple[str, ...]:
    count = rng.randint(2, 4)
    size = -(-len(sentences) // count)
    return tuple(" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size))
