import pytest

from marsad import pipeline
from marsad.doc import Document
from marsad.errors import PipelineError


@pytest.fixture
def fake_stages(monkeypatch):
    pipeline.registered()  # load the built-in stages into the real registry first
    reg = dict(pipeline._REGISTRY)
    monkeypatch.setattr(pipeline, "_REGISTRY", reg)

    @pipeline.register("t.upper", provides=("upper",))
    def make_upper(**config):
        def stage(doc):
            doc.add("upper", 0, len(doc.text), "U")
        return stage

    @pipeline.register("t.needs", requires=("upper", "tokens_x"), provides=("x",))
    def make_needs(**config):
        return lambda doc: None

    return reg


def test_build_runs_stages_in_order(fake_stages):
    p = pipeline.build(["t.upper"])
    doc = p(Document.from_text("abc"))
    assert [s.label for s in doc.spans("upper")] == ["U"]
    assert "upper" in p.provides()


def test_missing_requirement_is_named(fake_stages):
    with pytest.raises(PipelineError) as err:
        pipeline.build(["t.upper", "t.needs"])
    assert "tokens_x" in str(err.value) and "upper" not in str(err.value).split("requires")[1].split(",")[0]


def test_unknown_stage_lists_registered(fake_stages):
    with pytest.raises(PipelineError) as err:
        pipeline.build(["nope"])
    assert "t.upper" in str(err.value)


def test_default_pipeline_builds():
    p = pipeline.default()
    assert all(name in pipeline.DEFAULT_STAGES for name in p.names)
