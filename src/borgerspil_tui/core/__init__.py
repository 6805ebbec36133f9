"""Core of borgerspil: method data, project model, storage. Never imports Textual."""
