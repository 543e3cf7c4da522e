"""`[extract] spacy_model` names the pipeline the extractors parse with, checked before it is
loaded; `[[entities]] affiliation` ties a person to a configured group."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_config

from monitor.cli import main
from monitor.config import ConfigError, load_config
from monitor.config.service import DEFAULT_SPACY_MODEL
from monitor.extract import extract_claims
from monitor.extract.language.nlp import DEFAULT_MODEL, load
from monitor.records import ForceSize

pytestmark = pytest.mark.store_free

FEEDS = {"wire": "https://wire.example.com/rss"}
RESISTANCE = "National Resistance Front"


def test_the_default_pipeline_is_the_one_the_extractors_load() -> None:
    assert DEFAULT_SPACY_MODEL == DEFAULT_MODEL


def test_an_uninstalled_pipeline_stops_check_config_naming_the_key(tmp_path: Path) -> None:
    config = write_config(tmp_path, FEEDS, extra='[extract]\nspacy_model = "en_core_web_nope"\n')
    result = CliRunner().invoke(main, ["--config", str(config), "check-config", "--offline"])
    assert result.exit_code == 2
    assert "extract.spacy_model: the spaCy pipeline 'en_core_web_nope' is not installed" in (
        result.output
    )


def test_a_missing_pipeline_directory_is_named(tmp_path: Path) -> None:
    config = write_config(tmp_path, FEEDS, extra='[extract]\nspacy_model = "./models/mine"\n')
    result = CliRunner().invoke(main, ["--config", str(config), "check-config", "--offline"])
    assert result.exit_code == 2
    assert f"no spaCy pipeline directory at {tmp_path / 'models' / 'mine'}" in result.output


def test_a_pipeline_saved_to_a_directory_parses_for_the_extractors(tmp_path: Path) -> None:
    """Another installed pipeline: here the default one saved to disk, as a user's own would be."""
    folder = tmp_path / "pipeline"
    load().to_disk(folder)
    config = write_config(tmp_path, FEEDS, extra=f'[extract]\nspacy_model = "{folder}"\n')
    loaded = load_config(config)
    assert loaded.extract.model_problem(loaded.base_dir) is None
    entities = loaded.entity_refs()
    text = "The National Resistance Front says it has about 9,000 fighters."
    facts = [c.value for c in extract_claims(text, entities, model=str(folder), year=2021)]
    assert facts == [ForceSize(RESISTANCE, 9000, 9000, "approx", "fighters")]


def _with_commander(tmp_path: Path, affiliation: str, kind: str = "person") -> Path:
    extra = f'[[entities]]\nname = "Ali Nazar"\nkind = "{kind}"\naffiliation = "{affiliation}"\n'
    return write_config(tmp_path, FEEDS, extra=extra)


def test_an_affiliation_names_a_configured_group(tmp_path: Path) -> None:
    loaded = load_config(_with_commander(tmp_path, RESISTANCE))
    nazar = next(e for e in loaded.entity_refs() if e.name == "Ali Nazar")
    assert nazar.affiliation == RESISTANCE
    with pytest.raises(ConfigError, match="affiliation: no group in \\[\\[entities\\]\\] named"):
        load_config(_with_commander(tmp_path, "Panjshir"))


def test_only_a_person_has_an_affiliation(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="only a person has one"):
        load_config(_with_commander(tmp_path, RESISTANCE, kind="group"))
