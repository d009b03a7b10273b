"""Printed papers: Thai typesetting on reportlab (fonts, line breaking, furniture, signatures) and the reports."""
