from marsad.resolve import names


def test_country_names_fold_to_iso_codes():
    assert names.country_iso("المغرب") == "MA"
    assert names.country_iso("المملكة المغربية") == "MA"
    assert names.country_iso("الولايات المتحدة الأميركية") == "US"
    assert names.country_iso("الولايات المتحدة الأمريكية") == "US"
    assert names.country_iso("صربيا") == "RS"
    assert names.country_iso("وزارة الخارجية") is None


def test_demonyms_give_the_country():
    assert names.demonym_iso("الأمريكية") == names.demonym_iso("الأميركي") == "US"
    assert names.demonym_iso("المغربية") == "MA"


def test_spelling_variants_share_a_key():
    assert names.name_key("إفريقيا") == names.name_key("أفريقيا")
    assert names.name_key("الأمريكية") == names.name_key("الأميركية")
    assert names.name_key("توماس-غرينفيلد") == names.name_key("توماس غرينفيلد")


def test_person_tokens_drop_honorifics_and_blessings():
    assert names.person_tokens("السيدة أمل الفلاح السغروشني") == ("امل", "الفلاح", "السغروشني")
    assert names.person_tokens("محمد السادس نصره الله") == ("محمد", "السادس")
    assert names.person_display("محمد السادس نصره") == "محمد السادس"
    assert names.surname(names.person_tokens("محمد بن عبد الله")) == "عبد الله"
