"""The rules of the job in pure Python: no Qt, no SQL, nothing else of the app."""
