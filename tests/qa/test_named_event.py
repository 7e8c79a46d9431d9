"""Where/when about a named event, and titles with a definite head (marsad.qa; sentences written by us)."""
from marsad.qa import anchor
from marsad.qa.question import fold_term
from marsad.qa.verify import check, other_event
from marsad.search.analyzer import analyze
from qa_helpers import question as _q
from qa_helpers import span as _span


def test_the_place_of_another_named_event_is_not_the_asked_ones():
    q = _q("أين عقدت قمة الرباط للتحول الرقمي؟", ("قمة الرباط للتحول الرقمي", "EVENT"))
    text = "ومن المقرر أن يعقد المنتدى الإفريقي للبيانات في داكار خلال الخريف المقبل."
    events = [(0, len(text), "CONFERENCE", {"args": {"name": "المنتدى الإفريقي للبيانات"}})]
    assert other_event(q, text, (0, len(text)), events) == "المنتدى الإفريقي للبيانات"
    layers = {"sentences": [(0, len(text), "SENT", {})], "entities": [], "events": events}
    assert check(q, text, layers, *_span(text, "داكار"), "داكار", only={"other_event"}).startswith("other_event")
    # the sentence that names the asked summit, or an event of the same name, passes
    text2 = "وعقدت قمة الرباط للتحول الرقمي في قصر المؤتمرات بحضور وزراء من عشرين دولة."
    ev2 = [(0, len(text2), "CONFERENCE", {"args": {"name": "قمة الرباط للتحول الرقمي"}})]
    assert other_event(q, text2, (0, len(text2)), ev2) is None
    assert other_event(q, text, (0, len(text)), [(0, len(text), "CONFERENCE", {"args": {"name": "قمة الرباط"}})]) is None
    # a who-question, or one naming no event, is not concerned
    assert other_event(_q("من نظم المنتدى؟"), text, (0, len(text)), events) is None


def test_held_is_one_term_as_verb_and_participle():
    def terms(w):
        return {fold_term(t.term) for t in analyze(w)}
    assert terms("عقدت") == terms("المنعقدة") == terms("انعقدت")


def test_a_definite_title_head_takes_adjectives_between_it_and_the_asked_words():
    q = _q("من هي الوزيرة المكلفة بالتعليم العالي؟")
    text = "استقبلت الوزيرة التونسية المكلفة بالتعليم العالي، السيدة هند الزعبي، وفدا من الجامعات."
    assert not anchor.titled(q, text, (0, len(text)), *_span(text, "هند الزعبي"))
    # a construct title still needs its complement next to the answer
    q = _q("من هو رئيس البرلمان الليبي؟")
    text = "وقال الرئيس الليبي سالم الورفلي إن الانتخابات ستجرى في موعدها."
    assert anchor.titled(q, text, (0, len(text)), *_span(text, "سالم الورفلي"))


def test_the_named_events_own_date_answers_when_it_was_held_though_the_sentence_says_organised():
    # written by us: «نظمت … المنتدى … يومي 3 و4 أبريل 2024» for «متى عقد المنتدى …»
    from marsad.qa.verify import named_event_date

    q = _q("متى عقد المنتدى المغاربي للبيانات؟", ("المنتدى المغاربي للبيانات", "EVENT"))
    q.relation = "CONFERENCE"
    text = "ونظمت الوزارة المنتدى المغاربي للبيانات يومي 3 و4 أبريل 2024 بمدينة وجدة."
    a, b = _span(text, "يومي 3 و4 أبريل 2024")
    dates = [(a, b, "DATE", {"value": "2024-04-03/2024-04-04"})]
    ev = (0, len(text), "CONFERENCE", {"date": "2024-04-03/2024-04-04", "args": {"name": "المنتدى المغاربي للبيانات"}})
    layers = {"sentences": [(0, len(text), "SENT", {})], "entities": [], "events": [ev], "dates": dates}
    assert named_event_date(q, layers, (0, len(text)), a, b)
    assert check(q, text, layers, a, b, text[a:b], only={"attached"}) is None
    # an event of another name, or another date, does not vouch for it
    other = (0, len(text), "CONFERENCE", {"date": "2024-04-03/2024-04-04", "args": {"name": "الملتقى الوطني للتشغيل"}})
    assert not named_event_date(q, {**layers, "events": [other]}, (0, len(text)), a, b)
    assert check(q, text, {**layers, "events": [other]}, a, b, text[a:b], only={"attached"}) is not None
    shifted = (0, len(text), "CONFERENCE", {"date": "2024-05-01", "args": {"name": "المنتدى المغاربي للبيانات"}})
    assert not named_event_date(q, {**layers, "events": [shifted]}, (0, len(text)), a, b)
