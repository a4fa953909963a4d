"""The line passes on the body's edges (`warta.classify.body_lines`): near misses, split fragments, captions."""

import random

from warta.classify.body_lines import _HASHTAG_LINE, mark_hashtag_lines
from warta.classify.labels import label_blocks
from warta.lexicon import load_lexicon
from warta.model import Block, Label
from warta.segment.text import segment_text

LEX = load_lexicon()


def test_fragments_before_a_mid_sentence_body_line_join_the_body():
    text = "Menu\nJAKARTA, KOMPAS.com -\nHarga cabai rawit merah di\nPasar Induk\n, Jakarta Timur, melonjak tajam."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.1, 0.3, 0.4, 0.3, 0.9], LEX)
    assert labels[1:] == [Label.BODY] * 4


def test_full_paragraph_just_under_the_threshold_next_to_the_body_is_body() -> None:
    lede = (
        "The son of a former president was stabbed to death on Tuesday evening, while another man "
        "was critically injured in an attempt to stop the assailant, police said."
    )
    text = f"By STAFF\n{lede}\nThe stabbing occurred during a lecture at the clinic where he worked.\nTeaser title"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.05, 0.42, 0.66, 0.14], LEX)
    assert labels[1:3] == [Label.BODY, Label.BODY]
    # far from the body, or not a full sentence, it stays out
    assert label_blocks(blocks, [0.05, 0.42, 0.1, 0.66], LEX)[1] is not Label.BODY
    assert label_blocks(blocks, [0.05, 0.2, 0.66, 0.14], LEX)[1] is not Label.BODY


def test_short_closing_paragraph_right_above_the_share_row_is_body() -> None:
    paragraph = "We ended up treating every story as a small bundle of evidence, which beat any single field."
    closing = "The other lesson is humility about duplicates. Wire stories appear dozens of times."
    blocks = segment_text(f"{paragraph}\n{closing}\nShare\n12 Likes")
    assert label_blocks(blocks, [0.8, 0.45, 0.05, 0.1], LEX)[1] is Label.BODY
    # one sentence of that length, or no share row under it: it stays out
    single = "The other lesson is humility about duplicates in the wire, which we learned."
    blocks = segment_text(f"{paragraph}\n{single}\nShare\n12 Likes")
    assert label_blocks(blocks, [0.8, 0.45, 0.05, 0.1], LEX)[1] is not Label.BODY
    blocks = segment_text(f"{paragraph}\n{closing}\nNo spam, we promise\n12 Likes")
    assert label_blocks(blocks, [0.8, 0.45, 0.05, 0.1], LEX)[1] is not Label.BODY


def test_screen_reader_caption_labels_mark_captions(article, confident_labels):
    # "Image caption …" / "Media caption …": the hidden label a flattener prints before a caption.
    text = (
        article
        + "Image caption The old bridge seen from the river bank\nMedia caption Drivers queue at the detour\n"
    )
    labels = confident_labels(text)
    assert labels == [Label.BODY, Label.BODY, Label.CAPTION, Label.CAPTION]


def test_credit_lines_naming_a_picture_agency_are_captions(article, confident_labels):
    # A photographer and an agency split by "|" or "/", alone on a line under the photo.
    text = (
        "Jane Doe | Bloomberg | Getty Images\n"
        + article
        + "(AP Photo/John Roe, File)\nBudi Santoso / Shutterstock\nWarga antre di halte / ANTARA FOTO\n"
    )
    labels = confident_labels(text)
    assert labels == [Label.CAPTION, Label.BODY, Label.BODY, Label.CAPTION, Label.CAPTION, Label.CAPTION]


def test_lines_with_slashes_but_no_agency_are_not_credits():
    from warta.classify.body_lines import is_agency_credit

    assert is_agency_credit("Jane Doe | Getty Images", LEX)
    assert not is_agency_credit("Input / output | design notes", LEX)
    assert not is_agency_credit(
        "Reuters reported that the deal / merger had stalled | sources said so today", LEX
    )


def test_gallery_slide_counters_and_their_captions_are_captions(article, confident_labels):
    # A gallery flattened slide by slide: the counter, the slide's caption under it.
    text = (
        article
        + "Image 1 of 2\nThe old bridge seen from the river bank at dawn.\n"
        + "Foto 2 dari 2\nAntrean kendaraan di jalan alternatif.\n"
        + "Work on the new piers is due to start in the spring, the council said.\n"
    )
    labels = confident_labels(text)
    assert labels == [Label.BODY, Label.BODY] + [Label.CAPTION] * 4 + [Label.BODY]


def test_slide_counter_shape():
    from warta.classify.body_lines import is_slide_counter

    assert is_slide_counter("image 3 of 12", LEX)
    assert is_slide_counter("3 of 12", LEX)
    assert not is_slide_counter("13 of 12", LEX)
    assert not is_slide_counter("one of 12", LEX)
    assert not is_slide_counter("chapter 3 of 12", LEX)


def test_a_caption_closed_by_an_agency_credit_is_a_caption(article, confident_labels):
    # The flattener joins the caption and its credit: "… river bank. Jane Doe / Reuters file".
    text = (
        article
        + "The old bridge seen from the river bank on Monday. Jane Doe / Reuters file\n"
        + "Work on the new piers is due to start in the spring. Officials / the council said so.\n"
    )
    assert confident_labels(text) == [Label.BODY, Label.BODY, Label.CAPTION, Label.BODY]


def test_a_caption_closed_by_a_credit_after_a_slash_is_a_caption(article, confident_labels):
    # The Spanish papers' way: "… del río. / LVS" (the paper's initials), "… / Ana Gil".
    text = (
        article
        + "Vecinos cruzan el puente viejo sobre el río Segura. / LVS\n"
        + "La obra costará dos millones de euros, dijo el alcalde a/c de obras / y otros.\n"
    )
    assert confident_labels(text) == [Label.BODY, Label.BODY, Label.CAPTION, Label.BODY]


def test_a_caption_closed_by_a_site_s_domain_credit_is_a_caption(article, confident_labels):
    # "(KABARKITA.com/NAMA FOTOGRAFER)": the outlet's domain-style name, then the photographer.
    text = (
        article
        + "Bus listrik melintas di Jalan Asia Afrika, Bandung, Selasa (17/6/2025). (KABARKITA.com/DEWI SARTIKA)\n"
    )
    assert confident_labels(text) == [Label.BODY, Label.BODY, Label.CAPTION]


def test_a_credit_split_over_lines_is_a_caption_but_not_an_agency_named_in_a_sentence(
    article, confident_labels
):
    # "Photo:" and "Getty Images" each alone under a caption; "Reuters" split out of a sentence stays.
    text = (
        article
        + "Photo:\nGetty Images\n"
        + "The works were first reported by\nReuters\n, which cited two officials.\n"
    )
    labels = confident_labels(text)
    assert labels[2:4] == [Label.CAPTION, Label.CAPTION]
    assert labels[4:] == [Label.BODY] * 3


def test_a_labelled_photo_credit_takes_its_short_caption_along(article, confident_labels):
    text = article + "Gedung Merah Putih KPK\nPhoto :\nVIVA/M Ali Wafa\n" + article
    labels = confident_labels(text)
    assert labels[2:5] == [Label.CAPTION, Label.CAPTION, Label.CAPTION]


def test_the_next_page_under_a_pagination_link_goes_on_with_the_article(article):
    text = (
        article
        + "Halaman Selanjutnya\nPara tersangka disangkakan melanggar Pasal 2 ayat 1 undang-undang itu.\n"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.1, 0.1], LEX)
    assert labels[3] is Label.BODY


def test_the_story_going_on_after_a_gallery_s_counter_is_no_slide_caption() -> None:
    # HTML: "1 of 3" closes the gallery's <section>; the paragraph after it, shallower in the
    # page, is the story again, not the last slide's caption.
    from warta.classify.body_lines import mark_slide_captions
    from warta.lexicon import normalise_lines
    from warta.model import Block, BlockStructure

    texts = ["1 of 3", '"We have tried everything," Mr Wren said of the bakery on Castle Street.']
    blocks = [
        Block(0, texts[0], BlockStructure(tag="p", dom_depth=9)),
        Block(1, texts[1], BlockStructure(tag="p", dom_depth=7)),
    ]
    labels = [Label.BODY, Label.BODY]
    mark_slide_captions(blocks, labels, LEX, normalise_lines(texts))
    assert labels == [Label.CAPTION, Label.BODY]


def test_paragraphs_under_an_inline_read_also_box_near_the_end_stay_body() -> None:
    # The model doubts the two paragraphs after the second "Baca juga:" box (0.42, 0.44): they
    # are finished paragraphs right under the box's one link, so the article goes on there.
    first = "Kepala dinas mengatakan bantuan mesin perahu akan dibagikan kepada enam puluh nelayan di tiga kelurahan pesisir kota."
    second = (
        "Menanggapi keluhan itu, dinas sudah berkoordinasi dengan pemerintah kota untuk menambah satu pangkalan gas "
        "di kelurahan tersebut, yang ditargetkan beroperasi bulan depan."
    )
    third = (
        "Program konversi ini akan dievaluasi pada akhir tahun, dan jika hasilnya baik dinas berencana mengusulkan "
        "tambahan seribu unit mesin untuk tahun depan. (*/S-01)"
    )
    text = f"{first}\n{first}\nBaca juga:\nPantai Padang Dipadati Wisatawan, Pedagang Raup Untung\n{second}\n{third}\nTags"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.26, 0.41, 0.42, 0.44, 0.1], LEX)
    assert labels[2:6] == [Label.READ_ALSO, Label.READ_ALSO, Label.BODY, Label.BODY]
    # far below the threshold the paragraphs are no near misses: they stay out
    labels = label_blocks(blocks, [0.9, 0.9, 0.26, 0.1, 0.1, 0.1, 0.1], LEX)
    assert Label.BODY not in labels[4:]


def test_a_sentence_split_at_links_above_the_first_body_line_joins_it_though_boxed() -> None:
    # bs4 flattening: "El tranvía ya llega a <b>Las Huertas</b>. El primer …"; a "Suscríbete"
    # header at the page's top made every line down to the body a sidebar line
    text = (
        "Suscríbete\nPortada\nFoto: Diario del Valle / Marcos Gil\nEl tranvía ya llega a\nLas Huertas\n"
        ". El primer convoy con viajeros salió este viernes de la plaza de la Estación y tardó doce minutos.\n"
        "La alcaldesa viajó en el primer convoy junto a los vecinos del barrio, que llevaban años esperando.\n"
        "Las obras, adjudicadas en febrero de 2023, debían terminar el verano pasado según el contrato."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.1, 0.1, 0.2, 0.3, 0.3, 0.9, 0.9, 0.9], LEX)
    assert labels[3:5] == [Label.BODY, Label.BODY]
    assert labels[2] is not Label.BODY  # the credit above ends in a name: no sentence goes on from it


def test_the_last_piece_of_a_sentence_split_at_a_link_joins_the_body() -> None:
    text = (
        "La segunda fase, que llevará el tranvía hasta el polígono, está pendiente de la\n"
        "financiación europea\ny no comenzará antes de 2027.\nTemas\nTranvía"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.6, 0.3, 0.1, 0.1], LEX)
    assert labels[:3] == [Label.BODY] * 3


def test_hashtag_lines_right_under_the_body_are_tags() -> None:
    body = "Pemerintah kabupaten berencana mempercepat pembangunan tanggul laut sepanjang satu kilometer."
    blocks = segment_text(f"{body}\n#banjir rob\n#gresik\n#bpbd gresik\nBagikan")
    labels = label_blocks(blocks, [0.9, 0.1, 0.1, 0.1, 0.1], LEX)
    assert labels[1:4] == [Label.TAGS] * 3
    # one hashtag alone, or a run of them away from the body, is no tag list
    blocks = segment_text(f"{body}\nMenu\n#banjir rob\n#gresik")
    assert Label.TAGS not in label_blocks(blocks, [0.9, 0.1, 0.1, 0.1], LEX)


def _hashtag_lines_line_by_line(blocks: list[Block], labels: list[Label]) -> None:
    """`mark_hashtag_lines` as a walk over every line (its reference)."""
    n, i = len(blocks), 0
    while i < n:
        j = i
        while (
            j < n
            and labels[j] in (Label.OTHER, Label.NAV)
            and _HASHTAG_LINE.fullmatch(blocks[j].text.strip())
        ):
            j += 1
        if j - i >= 2 and i > 0 and labels[i - 1] is Label.BODY:
            labels[i:j] = [Label.TAGS] * (j - i)
        i = max(j, i + 1)


def test_hashtag_runs_agree_with_a_walk_over_every_line() -> None:
    rng = random.Random(24)
    texts = ["#banjir rob", " #gresik ", "#1 hit", "Bagikan #x", "Menu", "#a b c d e", "#bpbd-gresik"]
    kinds = [Label.BODY, Label.OTHER, Label.NAV, Label.SIDEBAR]
    for _ in range(3000):
        n = rng.randint(0, 9)
        blocks = [Block(index=k, text=rng.choice(texts)) for k in range(n)]
        labels = [rng.choice(kinds) for _ in range(n)]
        expected = list(labels)
        _hashtag_lines_line_by_line(blocks, expected)
        mark_hashtag_lines(blocks, labels)
        assert labels == expected


def test_short_closing_paragraph_right_above_the_tag_box_is_body() -> None:
    # a French page's last paragraph, a quote of two sentences, over "Sujets :" and its tags
    paragraph = "Chaque balise coûte 45 euros, financés cette année par la Région et par des fonds européens."
    closing = (
        "Le pêcheur, lui, est déjà convaincu depuis le printemps. « Maintenant, on sait enfin où aller. »"
    )
    blocks = segment_text(f"{paragraph}\n{closing}\nSujets :\nRoscoff\nPêche")
    labels = label_blocks(blocks, [0.8, 0.4, 0.05, 0.05, 0.05], LEX)
    assert labels[2] is Label.TAGS
    assert labels[1] is Label.BODY


def test_one_long_closing_sentence_right_above_the_share_row_is_body() -> None:
    paragraph = "Councillor Rhys Bevan said the council would review flood defences along Station Road."
    closing = (
        "The library is open Monday to Saturday from 9am to 5pm, with late opening until 7pm on Thursdays."
    )
    blocks = segment_text(f"{paragraph}\n{closing}\nShare this article\nFacebook\nX")
    labels = label_blocks(blocks, [0.8, 0.32, 0.03, 0.01, 0.01], LEX)
    assert labels[2] is Label.NAV
    assert labels[1] is Label.BODY
    # a labelled note ('Note: …') over the share row is no close of the article
    note = "Note: we are temporarily moderating all comments submitted to deal with a surge in spam."
    blocks = segment_text(f"{paragraph}\n{note}\nShare this article\nFacebook\nX")
    labels = label_blocks(blocks, [0.8, 0.32, 0.03, 0.01, 0.01], LEX)
    assert labels[1] is not Label.BODY
