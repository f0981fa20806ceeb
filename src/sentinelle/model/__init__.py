"""The triage model: features, artefact, training."""
