"""Renames legacy_feature_toggle to feature_toggle in example_config.json.

Written exactly as for the reference Python runner: the home is Path.home() / ".teleclaude";
telec runs it unchanged with HOME pointing at a directory whose .teleclaude links to the home it migrates.
"""
import json
from pathlib import Path

CONFIG = Path.home() / ".teleclaude" / "example_config.json"


def _load():
    if not CONFIG.exists():
        return {}
    return json.loads(CONFIG.read_text())


def check():
    return "legacy_feature_toggle" not in _load()


def migrate():
    config = _load()
    config["feature_toggle"] = config.pop("legacy_feature_toggle")
    CONFIG.write_text(json.dumps(config, indent=2) + "\n")
    return True
