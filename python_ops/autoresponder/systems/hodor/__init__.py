"""Hodor: written only through Prospect Import files (DESIGN §2)."""

from autoresponder.systems.hodor.prospect_import import TEMPLATE_COLUMNS, HodorProspectImport

__all__ = ["TEMPLATE_COLUMNS", "HodorProspectImport"]
