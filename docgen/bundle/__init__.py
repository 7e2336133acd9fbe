"""The court filing bundle: cover, complaint, evidence list and exhibits in one PDF."""
