"""File writers behind ``kg.export``: one module per family of formats."""
