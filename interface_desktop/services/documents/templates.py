"""Documents shipped with the app (terms-of-reference template, issue reporting form) for groups to adapt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from interface_desktop.paths import resource
from interface_desktop.services.core.errors import NotFoundError
from interface_desktop.services.documents.files import ResourceDTO, add_resource


@dataclass(frozen=True)
class ShippedTemplateDTO:
    name: str  # file name under resources/templates
    title: str
    kind: str  # a resource kind
    description: str

    @property
    def path(self) -> Path:
        return resource("templates", self.name)


SHIPPED_TEMPLATES = (
    ShippedTemplateDTO("terms-of-reference.docx", "Terms of reference (template)", "terms_of_reference",
                       "Generic terms of reference for a primary/secondary care Interface Group: purpose, "
                       "membership, quorum, meetings, reporting and review. Fill in the highlighted parts."),
    ShippedTemplateDTO("interface-issue-reporting-form.docx", "Interface issue reporting form", "template",
                       "A form for GPs and hospital colleagues to report an interface issue or significant event, "
                       "with no patient identifiers."),
)


def list_shipped_templates() -> list[ShippedTemplateDTO]:
    """The templates that are present in this installation."""
    return [t for t in SHIPPED_TEMPLATES if t.path.is_file()]


def shipped_template(name: str) -> ShippedTemplateDTO:
    found = next((t for t in list_shipped_templates() if t.name == name), None)
    if found is None:
        raise NotFoundError("shipped template", name)
    return found


def add_template_to_library(session: Session, *, name: str, group_id: int | None) -> ResourceDTO:
    """A copy of the shipped template in the group's library (None: shared by every group), to adapt there."""
    template = shipped_template(name)
    return add_resource(session, kind=template.kind, filename=template.name, data=template.path.read_bytes(),
                        title=template.title, description=template.description, group_id=group_id)
