"""Shipped templates: present, real Word documents, and copied into a group's library intact."""

from __future__ import annotations

import docx
import pytest

from interface_desktop.services.documents import files
from interface_desktop.services.people import groups
from interface_desktop.services.documents import templates
from interface_desktop.services.core.errors import NotFoundError


def test_both_templates_ship_and_read_as_word_documents():
    shipped = templates.list_shipped_templates()
    assert [t.name for t in shipped] == ["terms-of-reference.docx", "interface-issue-reporting-form.docx"]
    tor = "\n".join(p.text for p in docx.Document(str(shipped[0].path)).paragraphs)
    assert "Terms of Reference" in tor and "Quorum" in tor
    form = docx.Document(str(shipped[1].path))
    text = "\n".join(p.text for p in form.paragraphs) + "\n".join(
        c.text for t in form.tables for row in t.rows for c in row.cells)
    assert "Interface Issue Reporting Form" in text and "Do not include" in text
    assert "CHI" in text  # the form warns against patient identifiers rather than asking for them


def test_add_to_library_copies_the_bytes(session):
    g = groups.create_group(session, name="Fife Interface Group", board="FF")
    added = templates.add_template_to_library(session, name="terms-of-reference.docx", group_id=g.id)
    assert added.kind == "terms_of_reference" and added.group_id == g.id
    filename, data = files.read_resource(session, added.id)
    assert filename == "terms-of-reference.docx"
    assert data == templates.shipped_template("terms-of-reference.docx").path.read_bytes()
    with pytest.raises(NotFoundError):
        templates.add_template_to_library(session, name="missing.docx", group_id=g.id)
