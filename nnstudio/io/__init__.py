"""File formats: model and project JSON (validated against JSON Schemas), CSV, examples. Never imports Qt."""
