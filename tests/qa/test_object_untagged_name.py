"""The 'object' check (qa.evidence.other_object) and a name the question writes but its tagger
left untagged (engineer N8): once the entity layer tags a lone surname in the article
(``ner_consistency.surnames``), that name must not read as another object. Sentences written by us."""
from marsad.qa import evidence
from qa_helpers import question, span


def test_a_name_the_question_writes_untagged_is_no_other_object():
    q = question("متى يتوقع أن يلتقي مينديتا بالرئيس كارلوس فالدير؟", ("كارلوس فالدير", "PERSON"))
    text = "ويتوقع أن يلتقي مينديتا بفالدير في شهر مارس المقبل."
    a, b = span(text, "مينديتا")
    ents = [(a, b, "PERSON", {})]
    assert evidence.other_object(q, text, (0, len(text)), span(text, "شهر مارس")[0], ents) is None
    # a third person between the predicate and the date is still another object
    text = "ويتوقع أن يلتقي مينديتا بالوزير خوان بيريث في شهر مارس المقبل."
    a, b = span(text, "خوان بيريث")
    ents = [(a, b, "PERSON", {})]
    assert evidence.other_object(q, text, (0, len(text)), span(text, "شهر مارس")[0], ents) == "خوان بيريث"
