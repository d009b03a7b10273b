"""The merge writes its rating entries' texts itself: they are what audit_text makes of the same dicts."""

from hypothesis import given
from hypothesis import strategies as st

from evaluator_app.store.audit import audit_text
from evaluator_app.store.panel_merge import merged_values_text

texts = st.none() | st.text()


@given(texts, texts, texts, texts, st.integers(1, 2**31 - 1), st.text(), st.text(), st.text())
def test_merged_values_text_is_audit_text(result, adjusted, reason, comment, edit_version, edited_at, actor,
                                          package):
    values = {"result": result, "adjusted_score": adjusted, "adjust_reason": reason, "comment": comment}
    assert merged_values_text(values) == audit_text(values)
    imported = f'"imported_by": {audit_text(actor)}, "package": {audit_text(package)}, '
    after = {**values, "edit_version": edit_version, "edited_at": edited_at, "package": package,
             "imported_by": actor}
    assert merged_values_text(values, edit_version, edited_at, imported) == audit_text(after)
