"""The pipeline version a stored document records changes with the annotating code, not only
with models and data (a re-ingest after an upgrade of the rules re-annotates)."""
import os

from marsad.ingest.runner import resources_digest


def _tree(root):
    (root / "models" / "ner").mkdir(parents=True)
    (root / "models" / "ner" / "meta.json").write_text("{}", encoding="utf-8")
    (root / "extract" / "data").mkdir(parents=True)
    (root / "extract" / "data" / "titles.json").write_text("[]", encoding="utf-8")
    (root / "extract" / "roles.py").write_text("RULE = 1\n", encoding="utf-8")
    (root / "qa").mkdir()
    (root / "qa" / "answer.py").write_text("X = 1\n", encoding="utf-8")


def test_a_changed_rule_changes_the_digest_and_question_code_does_not(tmp_path):
    _tree(tmp_path)
    first = resources_digest(tmp_path)
    assert resources_digest(tmp_path) == first
    (tmp_path / "qa" / "answer.py").write_text("X = 2\n", encoding="utf-8")        # answering, not annotating
    assert resources_digest(tmp_path) == first
    rule = tmp_path / "extract" / "roles.py"
    rule.write_text("RULE = 2\n", encoding="utf-8")
    os.utime(rule, (1, 1))   # same size, another time: read again
    assert resources_digest(tmp_path) != first
    (tmp_path / "extract" / "data" / "titles.json").write_text("[1]", encoding="utf-8")
    assert resources_digest(tmp_path) not in (first,)
