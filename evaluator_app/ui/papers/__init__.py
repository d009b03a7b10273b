"""Papers: the report preview, printing, batch printing and the report dialog."""
