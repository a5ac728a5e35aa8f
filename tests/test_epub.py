"""The EPUB writer: validity, structure, metadata, reproducibility."""

from __future__ import annotations

import re
import zipfile

from conftest import SEED_FILES, assert_valid_epub, epub_files
from lxml import etree

from bookmaker.build import build

XHTML = {"x": "http://www.w3.org/1999/xhtml"}
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def _xhtml(files: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(files[f"EPUB/{name}"])


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _opf(files: dict[str, bytes]) -> etree._Element:
    return etree.fromstring(files["EPUB/content.opf"])


def test_seed_books_are_the_three_expected(seed_books):
    assert sorted(seed_books) == ["a-stream-of-silent-love", "coming-for-her", "seed-stories"]


def test_every_content_document_starts_with_the_xml_declaration(seed_books):
    for path in seed_books.values():
        for name, data in epub_files(path).items():
            if name.endswith((".xhtml", ".opf", ".ncx")):
                assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), name


def test_every_page_declares_its_language(seed_books):
    for path in seed_books.values():
        for name, data in epub_files(path).items():
            if name.endswith(".xhtml"):
                root = etree.fromstring(data)
                assert root.get("lang") == "en", name
                assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en", name


def test_mimetype_is_first_and_stored(seed_books):
    with zipfile.ZipFile(seed_books["coming-for-her"]) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"


def test_title_page_shows_declared_fields_and_computed_words(seed_books):
    files = epub_files(seed_books["coming-for-her"])
    page = _xhtml(files, "titlepage.xhtml")
    assert _text(page.find(".//x:h1", XHTML)) == "Coming For Her"
    assert _text(page.find(".//x:p[@class='byline']", XHTML)) == "by Kat Lee"
    fields = dict(
        zip(
            [_text(e) for e in page.findall(".//x:dt", XHTML)],
            [e for e in page.findall(".//x:dd", XHTML)],
            strict=True,
        )
    )
    assert _text(fields["Fandom"]) == "Buffy the Vampire Slayer"
    assert _text(fields["Characters/Pairing"]) == "Spike, Spike/Buffy"
    assert _text(fields["Rating"]) == "PG-13/T"
    assert _text(fields["Warnings"]) == "AU"
    assert _text(fields["Prompt"]) == "nekid_spike: Spike\u2026 the Punk Rocker!"
    assert _text(fields["Date"]) == "9 October 2018"
    tags = [_text(li) for li in fields["Tags"].findall(".//x:li", XHTML)]
    assert tags == ["btvs: spike", "btvs: spike/buffy"]
    words = int(_text(fields["Words"]).replace(",", ""))
    assert abs(words - 1943) / 1943 < 0.02  # the author's own count, within counting style


def test_title_page_omits_absent_fields(seed_books):
    page = _xhtml(epub_files(seed_books["a-stream-of-silent-love"]), "titlepage.xhtml")
    labels = [_text(e) for e in page.findall(".//x:dt", XHTML)]
    assert labels == ["Words"]
    assert page.find(".//x:p[@class='byline']", XHTML) is None


def test_disclaimer_page_uses_the_source_disclaimer_or_a_default(seed_books):
    own = _text(_xhtml(epub_files(seed_books["coming-for-her"]), "disclaimer.xhtml"))
    assert "All characters within belong to Whedon, not the author" in own
    default = _text(_xhtml(epub_files(seed_books["a-stream-of-silent-love"]), "disclaimer.xhtml"))
    assert "fan fiction" in default and "no infringement is intended" in default


def test_author_notes_are_labelled_asides_outside_the_prose(seed_books):
    files = epub_files(seed_books["a-stream-of-silent-love"])
    chapter = _xhtml(files, "chapter-001.xhtml")
    asides = chapter.findall(".//x:aside", XHTML)
    assert [a.get("aria-label") for a in asides] == ["Notes", "End Notes"]
    assert _text(asides[0]).startswith("Notes Just some quick thoughts")
    assert _text(asides[1]).startswith("End Notes Unbeta\u2019d and I\u2019m probably")
    prose = chapter.find(".//x:div[@class='prose']", XHTML)
    paragraphs = prose.findall("x:p", XHTML)
    assert _text(paragraphs[0]).startswith("Spike stood on the streets")
    assert _text(paragraphs[-1]).endswith("He had to get to work.")
    nav = files["EPUB/nav.xhtml"].decode()
    assert "quick thoughts" not in nav and "Unbeta" not in nav


def test_chapter_heading_and_title(seed_books):
    chapter = _xhtml(epub_files(seed_books["a-stream-of-silent-love"]), "chapter-001.xhtml")
    heading = chapter.find(".//x:h2", XHTML)
    assert _text(heading.find("x:span[@class='chapter-number']", XHTML)) == "Chapter 1"
    assert _text(heading.find("x:span[@class='chapter-title']", XHTML)) == (
        "A Stream of Silent Love, No Longer a River of Blood"
    )


def test_end_mark_is_not_prose(seed_books):
    chapter = _xhtml(epub_files(seed_books["coming-for-her"]), "chapter-001.xhtml")
    prose = _text(chapter.find(".//x:div[@class='prose']", XHTML))
    assert "The End" not in prose
    assert _text(chapter.find(".//x:p[@class='end-mark']", XHTML)) == "The End"


def test_opf_metadata(seed_books):
    opf = _opf(epub_files(seed_books["coming-for-her"]))
    meta = opf.find("opf:metadata", OPF)
    assert meta.findtext("dc:title", namespaces=OPF) == "Coming For Her"
    assert meta.findtext("dc:language", namespaces=OPF) == "en"
    assert [e.text for e in meta.findall("dc:creator", OPF)] == ["Kat Lee"]
    subjects = [e.text for e in meta.findall("dc:subject", OPF)]
    assert subjects == ["Buffy the Vampire Slayer", "btvs: spike", "btvs: spike/buffy"]
    assert meta.findtext("dc:date", namespaces=OPF) == "2018-10-09"
    identifier = meta.findtext("dc:identifier", namespaces=OPF)
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    modified = meta.find("opf:meta[@property='dcterms:modified']", OPF).text
    assert modified == "2000-01-01T00:00:00Z"
    props = {e.get("property") for e in meta.findall("opf:meta", OPF)}
    assert {
        "schema:accessMode",
        "schema:accessModeSufficient",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
    } <= props


def test_anthology_creators_have_distinct_ids(seed_books):
    meta = _opf(epub_files(seed_books["seed-stories"])).find("opf:metadata", OPF)
    creators = meta.findall("dc:creator", OPF)
    ids = [c.get("id") for c in creators]
    assert len(ids) == len(set(ids)) == 2  # Kat Lee and the editor
    assert [c.text for c in creators] == ["Kat Lee", "bookmaker"]


def test_anthology_has_nested_contents_and_story_front_matter(seed_books):
    files = epub_files(seed_books["seed-stories"])
    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    toc = nav.find(".//x:nav/x:ol", XHTML)
    stories = toc.findall("x:li", XHTML)
    assert [_text(li.find("x:a", XHTML)) for li in stories] == [
        "A Stream of Silent Love, No Longer a River of Blood",
        "Coming For Her",
    ]
    for li in stories:  # one-chapter stories are a single entry
        assert li.findall("x:ol/x:li", XHTML) == []
    names = set(files)
    for prefix in ("s01", "s02"):
        for page in ("titlepage", "disclaimer", "chapter-001"):
            assert f"EPUB/{prefix}-{page}.xhtml" in names
    contents = _text(_xhtml(files, "contents.xhtml"))
    assert "Coming For Her" in contents and "A Stream of Silent Love" in contents
    spine = [i.get("idref") for i in _opf(files).iter("{http://www.idpf.org/2007/opf}itemref")]
    assert spine[:3] == ["titlepage", "disclaimer", "contents"]
    assert spine[3:6] == ["s01-titlepage", "s01-disclaimer", "s01-chapter-001"]


def test_ncx_is_present_for_older_readers(seed_books):
    files = epub_files(seed_books["seed-stories"])
    ncx = etree.fromstring(files["EPUB/toc.ncx"])
    labels = [_text(e) for e in ncx.iter("{http://www.daisy.org/z3986/2005/ncx/}text")]
    assert "Coming For Her" in labels


def test_builds_are_byte_identical(tmp_path):
    first = build(SEED_FILES, tmp_path / "a")
    second = build(SEED_FILES, tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()


def test_anthology_nests_the_chapters_of_longer_stories(tmp_path):
    long_story = tmp_path / "long.txt"
    long_story.write_text(
        "Title: Long\nAuthor: Ann\n\nChapter 1: Start\n\nOne.\n\nChapter 2: End\n\nTwo.\n",
        encoding="utf-8",
    )
    (book,) = build([long_story, SEED_FILES[0]], tmp_path / "out", anthology="Mixed")
    assert_valid_epub(book)
    nav = etree.fromstring(epub_files(book)["EPUB/nav.xhtml"])
    first = nav.find(".//x:nav/x:ol/x:li", XHTML)
    assert _text(first.find("x:a", XHTML)) == "Long"
    assert [_text(a) for a in first.findall("x:ol/x:li/x:a", XHTML)] == [
        "Chapter 1: Start",
        "Chapter 2: End",
    ]


def test_multi_chapter_story_features(tmp_path):
    source = tmp_path / "multi.txt"
    source.write_text(
        "Title: Multi\nAuthor: Ann & Bob\nSummary: Two chapters of rain.\n"
        "Notes: For my beta.\n\n"
        "Chapter 1: Rain\n\nIt rained.\n\n* * *\n\nIt rained more.\n\n"
        "A/N: Thanks for reading!\n\nChapter 2\n\nThe sun came out.\n",
        encoding="utf-8",
    )
    (book,) = build([source], tmp_path / "out")
    assert_valid_epub(book)
    files = epub_files(book)
    opf = _opf(files).find("opf:metadata", OPF)
    assert opf.findtext("dc:description", namespaces=OPF) == "Two chapters of rain."
    creators = opf.findall("dc:creator", OPF)
    assert [c.text for c in creators] == ["Ann", "Bob"]
    assert len({c.get("id") for c in creators}) == 2
    title = _xhtml(files, "titlepage.xhtml")
    assert _text(title.find(".//x:section[@class='summary']", XHTML)).endswith(
        "Two chapters of rain."
    )
    assert _text(title.find(".//x:aside", XHTML)) == "Notes For my beta."
    contents = _xhtml(files, "contents.xhtml")
    assert [_text(a) for a in contents.findall(".//x:a", XHTML)] == ["Chapter 1: Rain", "Chapter 2"]
    first = _xhtml(files, "chapter-001.xhtml")
    prose = first.find(".//x:div[@class='prose']", XHTML)
    assert [child.tag.split("}")[1] for child in prose] == ["p", "hr", "p"]
    assert prose[1].get("class") == "scene-break"
    assert prose[2].get("class") == "first"  # no indent after a break
    assert _text(first.find(".//x:aside", XHTML)) == "End Notes A/N: Thanks for reading!"
    assert "chapter-002.xhtml" in files["EPUB/toc.ncx"].decode()


def test_scene_break_has_a_visible_ornament():
    from bookmaker.resources import read_style

    css = read_style("epub.css")
    rule = re.search(r"hr\.scene-break::after\s*\{([^}]*)\}", css)
    assert rule and "content:" in rule.group(1) and "*" in rule.group(1)
