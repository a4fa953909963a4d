"""Every bundled lexicon loads, and adding languages does not change what the others mean."""

from importlib import resources

import pytest

from warta.classify.labels import label_blocks
from warta.classify.markers import section_header
from warta.lexicon import DEFAULT_LANGUAGES, load_lexicon, normalise_marker
from warta.meta.datetext import parse_date
from warta.model import Label
from warta.segment.text import segment_text

BUNDLED = sorted(
    p.name.removesuffix(".toml")
    for p in (resources.files("warta.lexicon") / "data").iterdir()
    if p.name.endswith(".toml") and p.name != "html.toml"
)


def test_every_bundled_language_is_loaded_by_default() -> None:
    assert sorted(DEFAULT_LANGUAGES) == BUNDLED
    assert load_lexicon().languages == DEFAULT_LANGUAGES


@pytest.mark.parametrize("language", BUNDLED)
def test_each_lexicon_loads_alone_with_markers_and_stopwords(language: str) -> None:
    # (for a page in its language: hi.toml and ar.toml put every section under [page_language])
    lexicon = load_lexicon((language,), page_language=language)
    assert lexicon.stopwords
    assert lexicon.related_header and lexicon.comment_header and lexicon.promo_line


@pytest.mark.parametrize(
    ("header", "section"),
    [
        ("Você pode gostar...", Label.RELATED),
        ("Notícias relacionadas", Label.RELATED),
        ("Te puede interesar", Label.RELATED),
        ("Das könnte Sie auch interessieren", Label.RELATED),
        ("Articles similaires", Label.RELATED),
        ("Deixe um comentário", Label.COMMENTS),
        ("12 comentarios", Label.COMMENTS),
        ("Les plus lus", Label.SIDEBAR),
        ("Вам также может быть интересно", Label.RELATED),
        ("Добавить комментарий", Label.COMMENTS),
        ("15 комментариев", Label.COMMENTS),
        ("Свежие записи", Label.SIDEBAR),
        ("Articoli correlati", Label.RELATED),
        ("Potrebbe interessarti", Label.RELATED),
        ("I più letti", Label.SIDEBAR),
        ("Lascia un commento", Label.COMMENTS),
        ("More Local News", Label.RELATED),
        ("Mga kaugnay na balita", Label.RELATED),
        ("Pinakabinabasa", Label.SIDEBAR),
        ("Zobacz również", Label.RELATED),
        ("Najczęściej czytane", Label.SIDEBAR),
        ("관련기사", Label.RELATED),
        ("많이 본 뉴스", Label.SIDEBAR),
    ],
)
def test_headers_of_other_languages_open_their_sections(header: str, section: Label) -> None:
    assert section_header(normalise_marker(header), load_lexicon()) is section


def test_related_list_in_portuguese_stays_out_of_the_body() -> None:
    text = (
        "Primeiro parágrafo do artigo, com texto suficiente.\nSegundo parágrafo do artigo.\n"
        "Você pode gostar...\nOutra mensagem longa sobre a vida e o amor que não é deste artigo.\n"
        "Mais uma mensagem longa de outra página do mesmo site."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.1, 0.8, 0.8], load_lexicon())
    assert labels == [Label.BODY, Label.BODY, Label.RELATED, Label.RELATED, Label.RELATED]


def test_russian_comment_form_and_sidebar_stay_out_of_the_body() -> None:
    text = (
        "Первый абзац статьи, в котором достаточно текста для тела.\nВторой абзац статьи.\n"
        "Добавить комментарий\nОтменить ответ\n"
        "Сохранить моё имя, email и адрес сайта в этом браузере для последующих моих комментариев.\n"
        "Свежие записи\nКакой мировой рекорд по планке и как его побили в этом году\n"
        "Где находится самое почетное место в традиционном доме"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.6, 0.6, 0.7, 0.4, 0.8, 0.8], load_lexicon())
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 days ago", "2025-05-03"),  # 'ago' is no month abbreviation here (agosto)
        ("out 5 players", None),  # nor 'out' (outubro)
        ("5 de outubro de 2024", "2024-10-05"),
        ("12 de marzo de 2023", "2023-03-12"),
        ("3. März 2022", "2022-03-03"),
        ("14 juillet 2021", "2021-07-14"),
        ("12 марта 2019", "2019-03-12"),
        ("12 marzo 2025 alle 14:05", "2025-03-12"),
        ("due to 3 Sep", "2024-09-03"),  # 'due' is no Italian number, 'set' no month (settembre)
        ("Next-Gen 5", None),  # nor 'gen' (gennaio)
        ("Inilathala noong Marso 12, 2025", "2025-03-12"),
        ("12 marca 2025, 14:05", "2025-03-12"),
        ("2 tablespoons mayo", None),  # 'mayo' is a month only beside a date's numbers
    ],
)
def test_merged_calendars_keep_each_language_meaning(text: str, expected: str | None) -> None:
    from datetime import datetime

    found = parse_date(text, datetime(2025, 5, 6, 12, 0), load_lexicon())
    assert (found.value.date().isoformat() if found else None) == expected


@pytest.mark.parametrize("name", ["Trevor Jackins", "Horace Vorster", "Ilya Sutskever", "Shahid Khan"])
def test_junk_words_of_other_languages_do_not_reject_names(name: str) -> None:
    from warta.meta.byline import is_plausible_name

    assert is_plausible_name(name, load_lexicon())


def test_a_channel_subscription_pitch_to_the_reader_is_a_promo() -> None:
    from warta.classify.markers import marker_of

    lex = load_lexicon()
    norm = normalise_marker("Sekarang kamu bisa berlangganan kanal berita ini lewat WhatsApp. Klik di sini.")
    assert marker_of(norm, lex) is Label.AD


@pytest.mark.parametrize("language", ["id", "en", "pt", "es", "fr", "de"])
def test_every_language_knows_its_reading_time_line(language: str) -> None:
    lines = {
        "id": "waktu baca 3 menit",
        "en": "5 min read",
        "pt": "Tempo de leitura: 4 min",
        "es": "Tiempo de lectura: 4 minutos",
        "fr": "Temps de lecture : 4 min",
        "de": "Lesezeit: 4 Minuten",
    }
    assert load_lexicon((language,)).is_reading_time(lines[language])


def test_a_language_is_added_by_adding_its_file() -> None:
    from warta.lexicon import bundled_languages

    # The first languages keep their merge order; every other lexicon file follows by name.
    names = ["ru.toml", "it.toml", "en.toml", "html.toml", "README", "id.toml", "ca.toml"]
    assert bundled_languages(names, ("id", "en", "ru")) == ("id", "en", "ru", "ca", "it")


def test_an_italian_read_also_line_and_a_local_tv_sign_off_are_markers() -> None:
    from warta.classify.markers import marker_of

    lex = load_lexicon()
    read_also = normalise_marker("Leggi anche: Il mercato coperto riapre dopo il restauro")
    assert marker_of(read_also, lex) is Label.READ_ALSO
    sign_off = normalise_marker("For the latest news, weather, sports, and streaming video, head to KXYZ 4.")
    assert marker_of(sign_off, lex) is Label.AD


def test_a_lexicon_is_loaded_once_per_set_of_languages() -> None:
    # Every Extractor and every `warta.extract` call asks for the lexicon: reading the TOML files and
    # building the date grammar again each time costs tens of milliseconds.
    from warta.lexicon import load_lexicon

    assert load_lexicon() is load_lexicon()
    assert load_lexicon(("en",)) is load_lexicon(("en",))


def test_a_malay_page_s_related_header_date_line_and_tags() -> None:
    # Malay (ms.toml): "Artikel Berkaitan" heads related posts, "Isnin, 14 April 2025 | 4:35 petang"
    # is a date line (not a heading above the lead), and the topic list ends at the related header.
    import warta

    paragraph = (
        "Kerajaan negeri memperuntukkan RM12 juta tahun ini untuk membaik pulih jalan kampung di lapan "
        "daerah, terutama laluan yang rosak teruk akibat banjir pada hujung tahun lalu, katanya."
    )
    html = (
        "<html lang='ms'><body><article><h1>Kerajaan negeri peruntuk RM12 juta baik pulih jalan kampung</h1>"
        "<div class='meta'><div class='byline'>Oleh Nur Aisyah Kamarudin</div>"
        "<div class='date'>Isnin, 14 April 2025 | 4:35 petang</div></div>"
        f"<div class='body'><p>{paragraph}</p><p>{paragraph} Lagi.</p><p>{paragraph} Juga.</p></div>"
        "<div class='topik'><div>Topik</div><div><a href='/topik/banjir'>Banjir</a></div>"
        "<div><a href='/topik/terengganu'>Terengganu</a></div></div></article>"
        "<div class='blok'><h2>Artikel Berkaitan</h2>"
        "<div><a href='/a'>JKR Terengganu sedia pelan pembaikan jalan selepas banjir</a></div>"
        "<div><a href='/b'>Peruntukan jalan luar bandar ditambah RM500 juta</a></div></div></body></html>"
    )
    article = warta.extract(html, url="https://example.test/berita/a")
    assert [i.title for i in article.related] == [
        "JKR Terengganu sedia pelan pembaikan jalan selepas banjir",
        "Peruntukan jalan luar bandar ditambah RM500 juta",
    ]
    assert article.headings == []
    assert article.body[0].text.startswith("Kerajaan negeri")
    assert "Artikel Berkaitan" not in article.tags


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Isnin, 14 April 2025 | 4:35 petang", "2025-04-14T16:35:00"), ("14 Ogos 2025", "2025-08-14")],
)
def test_malay_dates_are_read(text: str, iso: str) -> None:
    from datetime import datetime

    found = parse_date(text, datetime(2025, 9, 1), load_lexicon())
    assert found is not None and found.iso() == iso


def test_a_site_account_is_no_author() -> None:
    from warta.meta.byline import is_plausible_name

    assert not is_plausible_name("Admin Diskominfo", load_lexicon())
    assert is_plausible_name("Juan Dela Cruz", load_lexicon())


def test_a_dutch_page_s_byline_read_also_tags_and_lists() -> None:
    # nl.toml as data only: "Door" (an English word) is a byline prefix on a Dutch page alone.
    import warta

    paragraphs = [
        "BRAKEL - De eerste overtocht werd gemaakt door een handvol fietsers en twee tractoren. "
        "Schipper Henk Verhoef stond zelf aan het roer en was blij dat de pont weer vaart.",
        "De pont raakte begin januari beschadigd toen een drijvende boomstam tegen de schroef sloeg. "
        "Bij onderzoek op de werf bleek dat ook de as vervangen moest worden.",
        "Voor scholieren en forenzen uit de Bommelerwaard betekende de stilstand flink omrijden. "
        "De gemeente zette in februari een pendelbus in, maar daar maakten weinig mensen gebruik van.",
        "De reparatie kostte ruim 180.000 euro, bijna twee keer zoveel als begroot. De gemeenten "
        "betalen elk de helft en willen onderzoeken of de pont op termijn elektrisch kan varen.",
    ]
    text = "\n\n".join(
        [
            "Veerpont Brakel vaart weer na maanden stilstand",
            "Door Marleen van Dijk",
            "14 mei 2025, 09:12",
            paragraphs[0],
            paragraphs[1],
            "Lees ook: Pendelbus tijdens stilstand veerpont nauwelijks gebruikt",
            paragraphs[2],
            paragraphs[3],
            "Meer over",
            "Brakel\nveerpont\nBommelerwaard",
            "Gerelateerde artikelen",
            "Nieuwe fietsbrug bij Gorinchem een jaar later klaar\nElektrische pont Millingen bespaart veel op kosten",
            "Meest gelezen",
            "Grote brand in schuur in Haaften, rookwolk tot ver zichtbaar\nVV Brakel kampioen na zege in laatste minuut",
        ]
    )
    article = warta.extract(text, kind="text")
    assert [p.name for p in article.authors] == ["Marleen van Dijk"]
    assert [i.title for i in article.read_also] == [
        "Pendelbus tijdens stilstand veerpont nauwelijks gebruikt"
    ]
    assert article.tags == ["Brakel", "veerpont", "Bommelerwaard"]
    assert [i.title for i in article.related][:1] == ["Nieuwe fietsbrug bij Gorinchem een jaar later klaar"]
    assert "Meest gelezen" not in article.text and "Lees ook" not in article.text
    assert article.published is not None and article.published.iso().startswith("2025-05-14T09:12")
    # on an English page "Door" is a door
    assert not any(p.strip(" :") == "door" for p in load_lexicon().author_prefix)
    assert any(p.strip(" :") == "door" for p in load_lexicon(page_language="nl").author_prefix)


def test_merged_calendar_keeps_the_ascii_date_search() -> None:
    # A letter the regex engine matches to an ASCII one case-blind (Turkish dotless "ı" to "I")
    # in the merged calendar turns off the date search's ASCII fast path for every page: such
    # names live in their file's [page_language] table, read on that language's pages only.
    grammar = load_lexicon().date_grammar
    assert grammar is not None and grammar.ascii_gated
    found = parse_date("12 Mayıs 2025 14:05", None, load_lexicon(page_language="tr"))
    assert found is not None and (found.value.month, found.value.day) == (5, 12)


def test_a_swedish_page_s_byline_date_read_also_tags_and_lists() -> None:
    # sv.toml as data only: "Av" opens the byline on a Swedish page alone; "kl. 14.05" is a time.
    import warta

    paragraphs = [
        "Biblioteket i Ljusdal håller stängt i sex veckor i sommar medan taket byts. Under tiden "
        "flyttar en del av verksamheten till skolans matsal, som står tom under lovet.",
        "Kommunen har fått tre anbud på arbetet, och det billigaste ligger på drygt fyra miljoner "
        "kronor. Enligt kulturchefen Eva Lund var det inte möjligt att vänta ett år till.",
        "Låntagare kan hämta reserverade böcker i matsalen tre dagar i veckan. Bokbussen kommer "
        "också att köra extra turer till byarna norr om sjön.",
        "Biblioteket väntas öppna igen den 18 augusti, i tid till skolstarten.",
    ]
    text = "\n\n".join(
        [
            "Biblioteket i Ljusdal stänger för takbyte",
            "Av Karin Berg",
            "Publicerad 3 juni 2025 kl. 09.30",
            paragraphs[0],
            paragraphs[1],
            "Läs också: Ny bokbuss rullar i Hälsingland",
            paragraphs[2],
            paragraphs[3],
            "Ämnen",
            "Ljusdal\nBibliotek\nTakbyte",
            "Mer om ämnet",
            "Skolans matsal blir sommarbibliotek i juli\nBokbussen får nya hållplatser i byarna",
            "Mest läst",
            "Älg på vägen orsakade kö vid Färila\nLjusdals IF vann derbyt efter straffar",
        ]
    )
    article = warta.extract(text, kind="text")
    assert [p.name for p in article.authors] == ["Karin Berg"]
    assert [i.title for i in article.read_also] == ["Ny bokbuss rullar i Hälsingland"]
    assert article.tags == ["Ljusdal", "Bibliotek", "Takbyte"]
    assert [i.title for i in article.related][:1] == ["Skolans matsal blir sommarbibliotek i juli"]
    assert "Mest läst" not in article.text and "Läs också" not in article.text
    assert article.published is not None and article.published.iso().startswith("2025-06-03T09:30")
