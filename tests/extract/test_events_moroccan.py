"""Event rules from the hand-check of Moroccan articles (MArSum / Goud.ma, ``event_sample.py
--corpus marsum``, sample e8a), on sentences written by us: a body's own session (a party's
general secretariat, a committee of one chamber), press interviews, and the Darija relative اللي
ending a conference name."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events
from marsad.ingest import process

PEOPLE = {"سعد الدين العثماني": "PERSON", "عزيز أخنوش": "PERSON", "مدريد": "GPE", "المحمدية": "GPE", "عبد الوافي لفتيت": "PERSON", "خالد آيت الطالب": "PERSON",
          "ناصر بوريطة": "PERSON", "المغرب": "GPE", "مراكش": "GPE", "سينوفارم": "ORG", "ليديك": "ORG",
          "البرلمان الأوروبي": "ORG"}


def _events(text):
    doc = make_doc(text, {k: v for k, v in PEOPLE.items() if k in text})
    return [(e.label, e.attrs["args"]) for e in extract_events(doc)]


def _labels(text):
    return [label for label, _ in _events(text)]


def test_a_committee_of_one_chamber_holds_its_own_session():
    assert _labels("وأوضح خالد آيت الطالب، خلال لقاء لجنة القطاعات الإنتاجية بمجلس النواب اليوم، "
                   "أن المغرب تعاقد مع شركة سينوفارم.") == []
    assert _labels("وقال عبد الوافي لفتيت، خلال اجتماع لجنة الداخلية بمجلس المستشارين، "
                   "إن الوزارة تنسق مع شركة ليديك.") == []


def test_a_party_secretariat_holds_its_own_session_but_a_later_meeting_stays():
    assert _labels("وكشف سعد الدين العثماني في لقاء الأمانة العامة للحزب أن الحزب يتواصل مع شركة ليديك.") == []
    got = _labels("وكشف سعد الدين العثماني في لقاء الأمانة العامة للحزب أمس عن معطيات جديدة، "
                  "بعد أسبوع من لقائه مع شركة ليديك.")
    assert got == ["MEETING"]


def test_a_meeting_with_a_committee_or_a_delegation_is_still_a_meeting():
    got = _events("والتقى ناصر بوريطة خلال لقاء بمجلس النواب مع وفد من البرلمان الأوروبي.")
    assert [label for label, _ in got] == ["MEETING"]


def test_a_meeting_with_the_press_is_an_interview():
    got = _events("قال ناصر بوريطة في لقاء مع الصحافة الخميس الماضي إن المؤتمر سيعقد في مراكش.")
    assert [label for label, _ in got] == ["CONFERENCE"]
    assert _labels("وقال ناصر بوريطة في لقاء مع وسائل الإعلام إن الزيارة ناجحة.") == []


def test_the_darija_relative_ends_a_conference_name():
    got = _events("وتحتضن مراكش مؤتمر الهجرة الكبير اللي غادي يكون فدجنبر.")
    assert got[0][0] == "CONFERENCE" and got[0][1]["name"] == "مؤتمر الهجرة الكبير"


def test_darija_words_tagged_as_names_are_no_participants():
    doc = make_doc("النجم العالمي لي تصنف من بين المشاهير كيستغل أي فرصة باش يعبر على الحب ديالو لبلادو "
                   "سواء في اللقاءات أو حتى من خلال منصات التواصل.", {"لي تصنف": "PERSON", "ديالو": "PERSON"})
    assert extract_events(doc) == []
    doc = make_doc("وذكرت الصحيفة أن كيم سافر إلى بكين للقاء الرئيس الصيني شي جين بينغ أمس.",
                   {"كيم": "PERSON", "شي جين بينغ": "PERSON", "بكين": "GPE"})
    assert [e.attrs["args"]["participants"] for e in extract_events(doc)] == [["كيم", "شي جين بينغ"]]


def test_darija_wishes_and_requests_hold_no_conference():
    assert _labels("البي جي دي عندو مشكل داخلي مع الأعضاء لي باغي مؤتمر استثنائي قبل الانتخابات.") == []
    assert _labels("وقال عزيز أخنوش إنه بغا يدير لقاء مع رجال الأعمال الإسبان.") == []
    assert _labels("ودعا الحزب المكتب السياسي إلى تقديم مقترحات، وطلب بعد ذلك عقد دورة استثنائية للمؤتمر في الربيع.") == []
    assert _labels("وعقد عزيز أخنوش لقاء مع رجال الأعمال الإسبان بمدريد.") == ["MEETING"]


def test_a_meeting_of_ones_own_party_and_a_count_of_patients():
    assert _labels("وقال عزيز أخنوش فلقاء حزبو بالمحمدية اللي حضرو 4000 واحد إن رئيس الحكومة "
                   "سعد الدين العثماني خاصو يخدم.") == []
    doc = make_doc("وقالت المديرة إن المستشفى استقبل أزيد من 130 مريض من جميع العمالات.", {"أزيد": "PERSON"})
    assert extract_events(doc) == []


def test_li_is_a_name_in_modern_standard_arabic():
    # written by us: لي drops a participant only in a text with Darija
    doc = process("والتقى رئيس مجلس الدولة الصيني لي كه تشيانغ رئيس الوزراء الياباني شينزو آبي في طوكيو.")
    meetings = [e for e in doc.spans("events") if e.label == "MEETING"]
    assert meetings and "لي كه تشيانغ" in meetings[0].attrs["args"]["participants"]
