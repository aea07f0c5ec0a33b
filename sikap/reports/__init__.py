"""Rendering of documents: HTML → PDF (WeasyPrint) and rows → XLSX (openpyxl)."""
