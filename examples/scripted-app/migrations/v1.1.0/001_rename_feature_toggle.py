"""Renames legacy_feature_toggle to feature_toggle in example_config.json.

Written as for the reference Python runner: the home is Path.home() / ".scripted-app" (the last segment
of telec.yaml's home:); telec runs it with HOME set to a directory whose .scripted-app links to the home it migrates.
"""
import json
from pathlib import Path

CONFIG = Path.home() / ".scripted-app" / "example_config.json"


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
