"""``--param NAME=VALUE`` to a typed RDF term, never to query text.

A value becomes an IRI (``<...>``, ``http(s)://...`` or ``fkg:term``), a typed literal
(integer, decimal, ``YYYY-MM-DD`` date, true/false, a ``"quoted"`` string) or, failing
those, the name of an entity, looked up by ``rdfs:label`` or ``skos:altLabel`` with case
and accents folded. A query's ``# param: NAME TYPE`` header forces the reading.
Terms are handed to the store as bindings, so quotes, braces or ``} ; DROP ALL`` in a
value are only ever data.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pyoxigraph as ox

from .digest import DIGEST
from .errors import ParamError
from .ids import entity_iri, fold
from .store import Store, Term
from .vocab import ENTITY_TYPES, PREFIXES

XSD = PREFIXES["xsd"]
FKG = PREFIXES["fkg"]
LITERAL_TYPES = ("literal", "integer", "decimal", "date", "boolean")
PARAM_TYPES = ("auto", "entity", "iri", *LITERAL_TYPES, *ENTITY_TYPES)

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRI_BAD = re.compile(r'[\s<>"{}|^`\\\x00-\x1f\x7f]')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_CURIE = re.compile(r"([A-Za-z][\w-]*):([\w.-]*)")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ParamSpec:
    """A parameter a named query declares: ``# param: NAME TYPE [optional] description``."""

    name: str
    type: str = "auto"
    required: bool = True
    description: str = ""

    def __str__(self) -> str:
        flags = ([] if self.type == "auto" else [self.type]) + ([] if self.required else ["optional"])
        return f"{self.name} ({', '.join(flags)})" if flags else self.name


def parse_spec(line: str) -> ParamSpec:
    """A ``# param:`` header line's text (after the colon) as a ``ParamSpec``."""
    parts = line.split(None, 3)
    if not parts or not _NAME.fullmatch(parts[0]):
        raise ParamError(f"bad '# param:' header {line!r}: expected NAME TYPE [optional] description")
    name, rest = parts[0], parts[1:]
    kind = "auto"
    if rest and rest[0] in PARAM_TYPES:
        kind = rest.pop(0)
    required = True
    if rest and rest[0] == "optional":
        required = False
        rest.pop(0)
    return ParamSpec(name, kind, required, " ".join(rest))


def split_assignment(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` as (name, value); the name must be a SPARQL variable name."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _NAME.fullmatch(name):
        raise ParamError(f"--param {text!r}: expected NAME=VALUE, NAME a query variable "
                         "(letters, digits, _)")
    return name, value


def iri_term(value: str) -> ox.NamedNode:
    """An absolute IRI, with none of the characters that could end an IRI in SPARQL."""
    inner = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    if m := _CURIE.fullmatch(inner):
        if m.group(1) in PREFIXES:
            inner = PREFIXES[m.group(1)] + m.group(2)
    if bad := _IRI_BAD.search(inner):
        raise ParamError(f"{value!r} is not a valid IRI: it contains {bad.group(0)!r}")
    if not _SCHEME.match(inner):
        raise ParamError(f"{value!r} is not a valid IRI: it needs a scheme such as https:")
    try:
        return ox.NamedNode(inner)
    except ValueError as exc:
        raise ParamError(f"{value!r} is not a valid IRI: {exc}") from None


def literal_term(value: str, kind: str) -> ox.Literal:
    """``value`` as a literal of ``kind`` (literal, integer, decimal, date, boolean)."""
    if kind == "literal":
        return ox.Literal(value)
    if kind == "integer" and _INTEGER.fullmatch(value):
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
    if kind == "decimal" and (_DECIMAL.fullmatch(value) or _INTEGER.fullmatch(value)):
        return ox.Literal(str(Decimal(value)), datatype=ox.NamedNode(XSD + "decimal"))
    if kind == "boolean" and value.lower() in ("true", "false"):
        return ox.Literal(value.lower(), datatype=ox.NamedNode(XSD + "boolean"))
    if kind == "date" and _DATE.fullmatch(value):
        try:
            return ox.Literal(date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        except ValueError:
            raise ParamError(f"{value!r} is not a valid date") from None
    hint = " (expected YYYY-MM-DD)" if kind == "date" else ""
    raise ParamError(f"{value!r} is not a valid {kind}{hint}")


def python_term(value: object) -> Term | None:
    """A Python value (int, float, Decimal, date, bool) as a typed literal, else None."""
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if isinstance(value, bool):
        return literal_term("true" if value else "false", "boolean")
    if isinstance(value, int):
        return literal_term(str(value), "integer")
    if isinstance(value, float | Decimal):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + ("decimal" if isinstance(value, Decimal)
                                                                      else "double")))
    if isinstance(value, date):
        return literal_term(value.isoformat(), "date")
    return None


def infer_kind(value: str) -> str:
    """What an untyped value reads as: iri, literal, integer, decimal, date, boolean or entity."""
    if value.startswith("<") or value.startswith(("http://", "https://")):
        return "iri"
    if (m := _CURIE.fullmatch(value)) and m.group(1) in PREFIXES:
        return "iri"
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return "quoted"
    if value.lower() in ("true", "false"):
        return "boolean"
    if _INTEGER.fullmatch(value):
        return "integer"
    if _DECIMAL.fullmatch(value):
        return "decimal"
    if _DATE.fullmatch(value):
        return "date"
    return "entity"


def to_term(value: object, kind: str = "auto", store: Store | None = None) -> Term:
    """A parameter value as an RDF term; entity names are looked up in ``store``."""
    if (term := python_term(value)) is not None:
        return term
    value = str(value)
    if kind == "auto":
        kind = infer_kind(value)
    if kind == "quoted":
        return ox.Literal(value[1:-1])
    if kind == "iri":
        return iri_term(value)
    if kind in LITERAL_TYPES:
        return literal_term(value, kind)
    if kind == "entity" or kind in ENTITY_TYPES:
        if value.startswith("<") or value.startswith(("http://", "https://")):
            return iri_term(value)
        if store is None:
            raise ParamError(f"cannot look up entity {value!r} without a store")
        return resolve_entity(store, value, None if kind == "entity" else kind)
    raise ParamError(f"unknown parameter type {kind!r}; use one of {', '.join(PARAM_TYPES)}")


def resolve_entity(store: Store, name: str, kind: str | None = None) -> ox.NamedNode:
    """The one entity whose label or altLabel equals ``name``, case and accents folded.

    Tries the exact label, then the IRI the name would mint, then every label; none or
    several matches raise ``ParamError`` naming the candidates or the close matches.
    """
    wanted = fold(name.strip())
    what = kind.lower() if kind else "entity"
    if not wanted:
        raise ParamError(f"empty {what} name")
    variants = list(dict.fromkeys(f(name.strip()) for f in (str, str.title, str.upper, str.lower)))
    for variant in variants:  # first the digest's one name per entity: a few index lookups
        named = _named(store, kind, ox.Literal(variant))
        if len(named) == 1:
            return named[0]
        if named:
            break
    exact: dict[str, _Candidate] = {}
    for variant in variants:
        exact.update(_candidates(store, kind, label=ox.Literal(variant)))
        if exact:  # the name as typed, else its commonest capitalisations
            break
    if len(exact) == 1:
        return ox.NamedNode(next(iter(exact)))
    if not exact:
        kinds = [kind] if kind in ("Brand", "Person") else [] if kind else ["Brand", "Person"]
        for guess in (entity_iri(k, name) for k in kinds):
            found = _candidates(store, kind, entity=ox.NamedNode(guess))
            if guess in found and wanted in map(fold, found[guess].labels):
                return ox.NamedNode(guess)
        every = _candidates(store, kind)
        exact = {iri: c for iri, c in every.items() if wanted in map(fold, c.labels)}
        if len(exact) == 1:
            return ox.NamedNode(next(iter(exact)))
        if not exact:
            raise ParamError(f"no {what} named {name!r}{_close(name, every)}")
    listed = "; ".join(f"{c} <{iri}>" for iri, c in sorted(exact.items()))
    plural = "entities" if what == "entity" else f"{what}s"
    raise ParamError(f"{len(exact)} {plural} are named {name!r}: {listed}; pass the IRI instead")


def _named(store: Store, kind: str | None, name: ox.Literal) -> list[ox.NamedNode]:
    """The entities of ``kind`` whose name in the digest is ``name``."""
    types = ", ".join(f"fkg:{k}" for k in ([kind] if kind else ENTITY_TYPES))
    # The kind in a FILTER: as VALUES, one kind made Oxigraph read every entity of it first.
    sparql = (f"SELECT DISTINCT ?e WHERE {{ GRAPH <{DIGEST}> {{ ?e fkg:name {name} ; fkg:kind ?t }} "  # escaped by ox
              f"FILTER(?t IN ({types})) }}")
    return [e for (e,) in store.query(sparql).rows or () if isinstance(e, ox.NamedNode)]


@dataclass
class _Candidate:
    """An entity's names (label first) and types, as found in the store."""

    names: set[str]
    aliases: set[str]
    types: set[str]

    @property
    def labels(self) -> set[str]:
        return self.names | self.aliases

    def __str__(self) -> str:
        return f"{min(self.names or self.aliases)} ({', '.join(sorted(self.types))})"


def _candidates(store: Store, kind: str | None, label: ox.Literal | None = None,
                entity: ox.NamedNode | None = None) -> dict[str, _Candidate]:
    """Entities (IRI -> names and types) of ``kind``, optionally with one label or IRI."""
    types = " ".join(f"fkg:{k}" for k in ([kind] if kind else ENTITY_TYPES))
    # The union of article graphs repeats an entity's labels and types once per article that
    # mentions it: collapse the labels first, then check each type once with EXISTS.
    sparql = ("SELECT ?e ?l ?t ?p WHERE { { SELECT DISTINCT ?e ?l ?p WHERE { "
              "VALUES ?p { rdfs:label skos:altLabel } ?e ?p ?l } } "
              f"VALUES ?t {{ {types} }} FILTER EXISTS {{ ?e a ?t }} }}")
    bindings = {k: v for k, v in (("l", label), ("e", entity)) if v is not None}
    found: dict[str, _Candidate] = {}
    for e, lab, t, p in store.query(sparql, bindings).rows or ():
        if isinstance(e, ox.NamedNode) and lab is not None and t is not None and p is not None:
            entry = found.setdefault(e.value, _Candidate(set(), set(), set()))
            (entry.aliases if p.value.endswith("altLabel") else entry.names).add(lab.value)
            entry.types.add(t.value.removeprefix(FKG))
    return found


def _close(name: str, every: dict[str, _Candidate]) -> str:
    """'; close matches: A (Brand), B (Person)' (nearest first) or '; no close matches'."""
    by_fold: dict[str, set[str]] = {}
    for iri, candidate in every.items():
        for label in candidate.labels:
            by_fold.setdefault(fold(label), set()).add(iri)
    near = difflib.get_close_matches(fold(name), list(by_fold), n=5, cutoff=0.6)
    shown = dict.fromkeys(str(every[iri]) for key in near for iri in sorted(by_fold[key]))
    return f"; close matches: {', '.join(shown)}" if shown else "; no close matches"
