"""Namespaces and IRI templates of the product contract (DESIGN.md)."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD

FKG = Namespace("https://w3id.org/fashion-kg/ontology#")
ID = "https://w3id.org/fashion-kg/id/"
ONTOLOGY_IRI = "https://w3id.org/fashion-kg/ontology"

ENTITY_TYPES = ("Brand", "Person", "Product", "Campaign")
RELATIONS = ("ambassadorOf", "photographedBy", "features", "brand", "creativeDirectorOf", "parentCompany")

PREFIXES = {
    "fkg": str(FKG),
    "schema": str(SDO),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "prov": str(PROV),
    "id": ID,
}

__all__ = ["FKG", "ID", "ONTOLOGY_IRI", "ENTITY_TYPES", "RELATIONS", "PREFIXES",
           "RDF", "RDFS", "SDO", "SKOS", "XSD", "PROV"]
