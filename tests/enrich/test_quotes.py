"""Quotes and speakers: table-driven cases in Indonesian and English.

DEV_CASES are what the rules were tuned on (each must pass); HELDOUT_CASES were written before
any quote code and never tuned on: they are scored (bench/bench_quotes.py), with a floor here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from warta.enrich import EnrichContext
from warta.enrich.quotes import find_quotes
from warta.enrich.types import Quote

Gold = tuple[int, str, str | None]  # (paragraph, quoted words, speaker)


@dataclass(frozen=True)
class Case:
    language: str
    paragraphs: tuple[str, ...]
    quotes: tuple[Gold, ...]


DEV_CASES: tuple[Case, ...] = (
    Case(
        "id",
        ("“Kami siap membantu warga yang terdampak,” kata Menteri Sosial Saifullah Yusuf di Bekasi.",),
        ((0, "Kami siap membantu warga yang terdampak", "Saifullah Yusuf"),),
    ),
    Case(
        "id",
        ("“Pemeriksaan saksi akan dilanjutkan pekan depan,” ujar Kapolri Jenderal Listyo Sigit Prabowo.",),
        ((0, "Pemeriksaan saksi akan dilanjutkan pekan depan", "Listyo Sigit Prabowo"),),
    ),
    Case(
        "id",
        ('"Inflasi masih terkendali," ujar Menteri Keuangan Sri Mulyani Indrawati.',),
        ((0, "Inflasi masih terkendali", "Sri Mulyani Indrawati"),),
    ),
    Case(
        "id",
        ("Kepala Dinas Pendidikan DKI Jakarta Purwosusilo mengatakan, “Sekolah tetap buka seperti biasa.”",),
        ((0, "Sekolah tetap buka seperti biasa", "Purwosusilo"),),
    ),
    Case(
        "id",
        (
            "Anies Baswedan hadir dalam acara itu bersama ribuan pendukungnya.",
            "“Perjuangan ini belum selesai,” katanya.",
        ),
        ((1, "Perjuangan ini belum selesai", "Anies Baswedan"),),
    ),
    Case(
        "id",
        (
            "“Kami sudah berkoordinasi dengan Basarnas,” ungkap Kepala Basarnas Marsekal Madya Kusworo.",
            "“Pencarian dilanjutkan besok pagi,” ungkapnya.",
        ),
        (
            (0, "Kami sudah berkoordinasi dengan Basarnas", "Kusworo"),
            (1, "Pencarian dilanjutkan besok pagi", "Kusworo"),
        ),
    ),
    Case(
        "id",
        ("“Tidak ada korban jiwa dalam kejadian ini,” tambah Kapolsek Cempaka Putih Kompol Agus Sudarsono.",),
        ((0, "Tidak ada korban jiwa dalam kejadian ini", "Agus Sudarsono"),),
    ),
    Case(
        "id",
        ("“Pasokan beras aman hingga Lebaran,” sebut Direktur Utama Perum Bulog Wahyu Suparyono.",),
        ((0, "Pasokan beras aman hingga Lebaran", "Wahyu Suparyono"),),
    ),
    Case(
        "id",
        ("Ketua DPR Puan Maharani menegaskan, “DPR akan mengawal pembahasan anggaran ini.”",),
        ((0, "DPR akan mengawal pembahasan anggaran ini", "Puan Maharani"),),
    ),
    Case(
        "id",
        (
            "“Jalan ini rusak sejak tiga tahun lalu dan belum pernah diperbaiki.",
            "“Kami sudah melapor ke kelurahan berkali-kali,” tutur Ahmad Yani, warga setempat.",
        ),
        (
            (0, "Jalan ini rusak sejak tiga tahun lalu dan belum pernah diperbaiki", "Ahmad Yani"),
            (1, "Kami sudah melapor ke kelurahan berkali-kali", "Ahmad Yani"),
        ),
    ),
    Case("id", ("Gempa itu disebut warga sebagai “yang terkuat” dalam sepuluh tahun.",), ()),
    Case("id", ("Pemerintah menyatakan bahwa harga BBM tidak akan naik tahun ini.",), ()),
    Case(
        "id",
        (
            "“Kita harus bekerja lebih keras,” tegas Wakil Presiden Gibran Rakabuming Raka. “Rakyat menunggu hasilnya.”",
        ),
        (
            (0, "Kita harus bekerja lebih keras", "Gibran Rakabuming Raka"),
            (0, "Rakyat menunggu hasilnya", "Gibran Rakabuming Raka"),
        ),
    ),
    Case(
        "id",
        ("“Mereka yang bertempur demi keadilan adalah pahlawan,” kata Kim seperti dikutip KCNA.",),
        ((0, "Mereka yang bertempur demi keadilan adalah pahlawan", "Kim"),),
    ),
    Case(
        "id",
        ("Menurut Kepala BMKG Dwikorita Karnawati, “Cuaca ekstrem masih akan terjadi hingga akhir bulan.”",),
        ((0, "Cuaca ekstrem masih akan terjadi hingga akhir bulan", "Dwikorita Karnawati"),),
    ),
    Case(
        "en",
        ("“We expect growth to slow next year,” said Federal Reserve Chair Jerome Powell.",),
        ((0, "We expect growth to slow next year", "Jerome Powell"),),
    ),
    Case(
        "en",
        ('"This is not over," President Joe Biden said at the White House.',),
        ((0, "This is not over", "Joe Biden"),),
    ),
    Case(
        "en",
        ("Chancellor Rachel Reeves said: “The numbers speak for themselves.”",),
        ((0, "The numbers speak for themselves", "Rachel Reeves"),),
    ),
    Case(
        "en",
        ("Maria Lopez runs a bakery on Main Street.", "“Business has never been this hard,” she said."),
        ((1, "Business has never been this hard", "Maria Lopez"),),
    ),
    Case(
        "en",
        ("“The investigation is ongoing,” a spokesperson for the Department of Justice said.",),
        ((0, "The investigation is ongoing", "a spokesperson for the Department of Justice"),),
    ),
    Case(
        "en",
        ("“We had a plan and we stuck to it,” he said.",),
        ((0, "We had a plan and we stuck to it", None),),
    ),
    Case("en", ("The report called the policy “a costly mistake” for taxpayers.",), ()),
    Case(
        "en",
        ("“Prices have gone up again,” said Mr. David Chen, a shop owner. “People are buying less.”",),
        ((0, "Prices have gone up again", "David Chen"), (0, "People are buying less", "David Chen")),
    ),
    Case(
        "en",
        (
            "“The storm knocked out power to half the county overnight.",
            "“Crews are working around the clock to restore it,” said Linda Park, a utility spokeswoman.",
        ),
        (
            (0, "The storm knocked out power to half the county overnight", "Linda Park"),
            (1, "Crews are working around the clock to restore it", "Linda Park"),
        ),
    ),
    Case("en", ("Police said the driver had been arrested.",), ()),
    Case(
        "en",
        ("‘We won’t stop now,’ said Sarah Jones, the team captain.",),
        ((0, "We won’t stop now", "Sarah Jones"),),
    ),
    Case(
        "en",
        ("«Nous sommes prêts,» said French President Emmanuel Macron.",),
        ((0, "Nous sommes prêts", "Emmanuel Macron"),),
    ),
    Case(
        "en",
        ("Health Secretary Wes Streeting told the BBC: “Waiting lists are finally falling.”",),
        ((0, "Waiting lists are finally falling", "Wes Streeting"),),
    ),
    Case("en", ("“I think we can win this,” Smith added.",), ((0, "I think we can win this", "Smith"),)),
    # Whom a pronoun names: an apposition in the sentence's opening, not a pronoun subject, a
    # one-word subject only where the article names it in full.
    Case(
        "id",
        (
            "Ketua RT 05, Budi Santoso (47), mengaku rumahnya kebanjiran sejak subuh.",
            "“Air naik cepat sekali, kami tidak sempat menyelamatkan apa pun,” katanya.",
        ),
        ((1, "Air naik cepat sekali, kami tidak sempat menyelamatkan apa pun", "Budi Santoso"),),
    ),
    Case(
        "id",
        (
            "Rina Marlina lulus tahun ini dengan nilai terbaik. Ia ingin menjadi guru.",
            "“Saya ingin mengajar di desa,” ujarnya.",
        ),
        ((1, "Saya ingin mengajar di desa", "Rina Marlina"),),
    ),
    Case(
        "id",
        (
            "Dimas Pratama membuka kedai kopi pertamanya pada 2019.",
            "Dimas kini mempekerjakan delapan orang.",
            "“Awalnya saya sendirian,” katanya.",
        ),
        ((2, "Awalnya saya sendirian", "Dimas"),),
    ),
    Case(
        "id",
        ("Hujan turun sejak pagi.", "“Kami khawatir sekali,” katanya."),
        ((1, "Kami khawatir sekali", None),),
    ),
    Case(
        "en",
        ("Governor Gavin Newsom toured the burned neighbourhood.", "He said, “We will rebuild every home.”"),
        ((1, "We will rebuild every home", "Gavin Newsom"),),
    ),
)

HELDOUT_CASES: tuple[Case, ...] = (
    Case(
        "id",
        (
            "“Kami akan menindak tegas setiap pelanggaran,” kata Kapolda Metro Jaya Irjen Karyoto di Jakarta, Senin (12/5/2025).",
        ),
        ((0, "Kami akan menindak tegas setiap pelanggaran", "Karyoto"),),
    ),
    Case(
        "id",
        (
            "Wali Kota Surabaya Eri Cahyadi mengatakan, “Pembangunan saluran ini harus selesai sebelum musim hujan.”",
        ),
        ((0, "Pembangunan saluran ini harus selesai sebelum musim hujan", "Eri Cahyadi"),),
    ),
    Case(
        "id",
        (
            "Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit itu pada Selasa pagi.",
            "“Stok obat masih cukup untuk tiga bulan ke depan,” ujarnya.",
        ),
        ((1, "Stok obat masih cukup untuk tiga bulan ke depan", "Budi Gunadi Sadikin"),),
    ),
    Case(
        "id",
        (
            '"Harga cabai naik karena pasokan dari petani berkurang," tutur Siti Aminah, pedagang di Pasar Johar.',
        ),
        ((0, "Harga cabai naik karena pasokan dari petani berkurang", "Siti Aminah"),),
    ),
    Case(
        "id",
        (
            "“Kami belum menerima laporan resmi,” ungkap Juru Bicara Kementerian Luar Negeri Rolliansyah Soemirat.",
        ),
        ((0, "Kami belum menerima laporan resmi", "Rolliansyah Soemirat"),),
    ),
    Case(
        "id",
        ("Ketua KPU Mochammad Afifuddin menegaskan bahwa seluruh tahapan pemilu berjalan sesuai jadwal.",),
        (),
    ),
    Case("id", ("Warga menyebut jalan itu sebagai “jalan tikus” karena sempit.",), ()),
    Case(
        "id",
        (
            "“Kami sudah menyiapkan 200 personel untuk mengamankan jalur mudik. Semua pos akan dijaga selama 24 jam.",
            "“Masyarakat diimbau untuk tidak memaksakan diri berkendara saat lelah,” kata Kasatlantas Polres Bogor AKP Rizky Guntama.",
        ),
        (
            (
                0,
                "Kami sudah menyiapkan 200 personel untuk mengamankan jalur mudik. Semua pos akan dijaga selama 24 jam",
                "Rizky Guntama",
            ),
            (1, "Masyarakat diimbau untuk tidak memaksakan diri berkendara saat lelah", "Rizky Guntama"),
        ),
    ),
    Case(
        "id",
        (
            "“Ini adalah langkah awal,” imbuh Sri Mulyani. “Kami akan terus memantau dampaknya terhadap daya beli.”",
        ),
        (
            (0, "Ini adalah langkah awal", "Sri Mulyani"),
            (0, "Kami akan terus memantau dampaknya terhadap daya beli", "Sri Mulyani"),
        ),
    ),
    Case(
        "id",
        ("Presiden Prabowo Subianto menyampaikan, “Tidak boleh ada anak Indonesia yang kelaparan.”",),
        ((0, "Tidak boleh ada anak Indonesia yang kelaparan", "Prabowo Subianto"),),
    ),
    Case(
        "id",
        ("“Saya tidak tahu apa-apa soal itu,” kata seorang sopir angkot yang enggan disebut namanya.",),
        ((0, "Saya tidak tahu apa-apa soal itu", "seorang sopir angkot"),),
    ),
    Case(
        "id",
        ("Gubernur Jawa Tengah Ahmad Luthfi: “Semua sekolah wajib menyediakan air bersih.”",),
        ((0, "Semua sekolah wajib menyediakan air bersih", "Ahmad Luthfi"),),
    ),
    Case(
        "id",
        ("“Mohon bersabar, petugas kami sedang bekerja,” jelas Kepala BPBD Kabupaten Garut Satria Budi.",),
        ((0, "Mohon bersabar, petugas kami sedang bekerja", "Satria Budi"),),
    ),
    Case(
        "id",
        (
            "Bupati Sleman Harda Kiswaya meninjau lokasi longsor pada Rabu.",
            "Ia menambahkan, “Bantuan akan disalurkan lewat posko di setiap desa.”",
        ),
        ((1, "Bantuan akan disalurkan lewat posko di setiap desa", "Harda Kiswaya"),),
    ),
    Case(
        "id",
        ("«Kami menolak rencana itu,» tegas Said Iqbal, Presiden KSPI.",),
        ((0, "Kami menolak rencana itu", "Said Iqbal"),),
    ),
    Case(
        "en",
        ("“We will not back down,” Prime Minister Keir Starmer said on Tuesday.",),
        ((0, "We will not back down", "Keir Starmer"),),
    ),
    Case(
        "en",
        ('"The market has already priced in a rate cut," said Jane Foster, chief economist at Harbor Bank.',),
        ((0, "The market has already priced in a rate cut", "Jane Foster"),),
    ),
    Case(
        "en",
        ("Senator Elizabeth Warren said: “This is a giveaway to the banks.”",),
        ((0, "This is a giveaway to the banks", "Elizabeth Warren"),),
    ),
    Case(
        "en",
        (
            "Mayor Karen Bass visited the site on Friday.",
            "“Every family that lost a home will get help,” she said.",
        ),
        ((1, "Every family that lost a home will get help", "Karen Bass"),),
    ),
    Case(
        "en",
        ("“We are reviewing the footage,” a spokesperson for the Metropolitan Police said.",),
        ((0, "We are reviewing the footage", "a spokesperson for the Metropolitan Police"),),
    ),
    Case("en", ("The company described the results as “disappointing”.",), ()),
    Case(
        "en",
        ("“The first half was slow. We fixed it at the break,” coach Mikel Arteta told reporters.",),
        ((0, "The first half was slow. We fixed it at the break", "Mikel Arteta"),),
    ),
    Case(
        "en",
        (
            "“I have been working on this for ten years,” said Dr. Amara Okafor, who led the study. “It is a relief to finally see the results.”",
        ),
        (
            (0, "I have been working on this for ten years", "Amara Okafor"),
            (0, "It is a relief to finally see the results", "Amara Okafor"),
        ),
    ),
    Case(
        "en",
        (
            "“The bridge was closed at 6 a.m. after inspectors found cracks in two supports.",
            "“Traffic will be diverted through the city centre until further notice,” the transport department said in a statement.",
        ),
        (
            (
                0,
                "The bridge was closed at 6 a.m. after inspectors found cracks in two supports",
                "the transport department",
            ),
            (
                1,
                "Traffic will be diverted through the city centre until further notice",
                "the transport department",
            ),
        ),
    ),
    Case("en", ("Officials said the fire was contained by midnight.",), ()),
    Case(
        "en",
        ("‘It’s a difficult decision,’ Ms. Rivera said.",),
        ((0, "It’s a difficult decision", "Rivera"),),
    ),
    Case("en", ("Apple chief executive Tim Cook said the company was “very excited” about the launch.",), ()),
    Case(
        "en",
        (
            "Captain Harry Kane led the squad onto the pitch.",
            "“We are ready,” he said, adding that the team had trained for months.",
        ),
        ((1, "We are ready", "Harry Kane"),),
    ),
    Case(
        "en",
        ('The minister, Penny Wong, said: "Australia stands with its partners in the region."',),
        ((0, "Australia stands with its partners in the region", "Penny Wong"),),
    ),
    Case(
        "en",
        ("“Nobody expected this,” says Tom Lee, a farmer in Iowa. “The rain just would not stop.”",),
        ((0, "Nobody expected this", "Tom Lee"), (0, "The rain just would not stop", "Tom Lee")),
    ),
)

_CONTEXT = EnrichContext(("id", "en"), None, None)


def _norm(text: str) -> str:
    return text.strip().rstrip(",.;:!? ").strip()


def run_case(case: Case) -> list[Quote]:
    return find_quotes(case.paragraphs, _CONTEXT, [])


def score(cases: tuple[Case, ...]) -> dict[str, float]:
    """Precision and recall of quote text (paragraph and words, trailing punctuation aside), and
    speaker accuracy over the quotes found."""
    found = gold = matched = right = 0
    for case in cases:
        predicted = [(q.paragraph, _norm(q.text), q.speaker) for q in run_case(case)]
        expected = [(p, _norm(text), speaker) for p, text, speaker in case.quotes]
        found += len(predicted)
        gold += len(expected)
        keys = {(p, text): speaker for p, text, speaker in predicted}
        for p, text, speaker in expected:
            if (p, text) in keys:
                matched += 1
                right += keys[(p, text)] == speaker
    return {
        "quotes": gold,
        "found": found,
        "precision": matched / found if found else 1.0,
        "recall": matched / gold if gold else 1.0,
        "speaker_accuracy": right / matched if matched else 0.0,
    }


@pytest.mark.parametrize("case", DEV_CASES, ids=lambda case: case.paragraphs[0][:40])
def test_dev_case(case: Case) -> None:
    got = [(q.paragraph, _norm(q.text), q.speaker) for q in run_case(case)]
    assert got == [(p, _norm(text), speaker) for p, text, speaker in case.quotes]


@pytest.mark.parametrize("case", DEV_CASES + HELDOUT_CASES, ids=lambda case: case.paragraphs[0][:40])
def test_offsets_point_at_the_quoted_words(case: Case) -> None:
    for quote in run_case(case):
        assert case.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
        assert quote.text and quote.text[0] not in '“”"‘’«»' and quote.text[-1] not in '“”"‘’«»'
