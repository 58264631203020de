"""The `sitrep_actors` component: finds actor mentions and resolves them to code and sector.

Mentions are built in rounds, most specific first, and a token belongs to one mention only:
people with their titles and affiliations, groups (a country or organization plus a sector
noun: "North Korean troops", "Russia's army"), bare names (countries, capitals acting as
governments, organizations), unknown organizations from NER, and sector nouns alone.
Docs: docs/actors.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from sitrep.actors import kb as kb_module
from sitrep.actors.home import at_home, dateline_country
from sitrep.actors.kb import Anaphor, Entry, KnowledgeBase, Lexeme
from sitrep.geo import rules as place_rules
from sitrep.geo.gazetteer import Gazetteer
from sitrep.nlp.extensions import ACTORS

_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
_PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "agent", "conj", "appos", "dative"}
_POSSESSIVE = {"'s", "’s", "'"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_PLURAL_PRONOUNS = {"they", "their", "them"}
_PRIORITY = {"person": 0, "group": 1, "named_for_state": 2, "name": 3, "ner": 4, "place": 5, "sector": 6}
# "Saudi-led coalition", "Hamas-run ministry": the group is the named actor's.
_HEADED_BY = ("led", "run", "controlled", "commanded")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_FEATURES = {"city", "admin1", "admin2", "region"}
# Where a name NER calls a person stays one even when a town bears it.
_PERSON_DEPS = {"nsubj", "nsubjpass", "compound", "poss", "appos"}
_PERSON_PREFIX_KINDS = {"country", "organization"}  # "Russian Foreign Minister X", "Houthi spokesman X"
_FILED_FROM = {"place", "country"}  # what a dateline names: no actor
_LARGE_TOWN = 100_000  # an ORG entity naming a town this large is the town



@dataclass
class Mention:
    start: int
    end: int
    code: str | None
    sector: str | None
    name: str | None
    kind: str
    evidence: str
    round: str
    title: str | None = None
    affiliation: str | None = None
    country: str | None = None
    home: bool = False  # an institution the dateline's country owns when nothing else places it
    tokens: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.tokens = set(range(self.start, self.end))

    def as_dict(self, doc: Doc, states: dict[str, str]) -> dict:
        """Plain data for `span._.sitrep_actor`; a state's code is its own country."""
        span = doc[self.start : self.end]
        return {
            "code": self.code, "sector": self.sector, "name": self.name, "kind": self.kind,
            "title": self.title, "affiliation": self.affiliation, "evidence": self.evidence,
            "country": self.country or (self.code if self.code in states else None), "head": span.root.i,
        }


class ActorTagger:
    """Tags actor mentions into `doc.spans["sitrep_actors"]` with `span._.sitrep_actor` dicts."""

    def __init__(self, nlp: Language, name: str = "sitrep_actors", data_dir: str | None = None) -> None:
        self.name = name
        self.kb: KnowledgeBase = kb_module.load(Path(data_dir) if data_dir else kb_module.DATA_DIR)
        self.gazetteer = Gazetteer.load()
        self.place_cues = place_rules.packaged_cues()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        for surface, doc in zip(self.kb.names, nlp.tokenizer.pipe(self.kb.names)):
            self.names.add(surface, [doc])
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for title in self.kb.titles:
            self.titles.add(title, _case_variants(nlp, title))

    def __call__(self, doc: Doc) -> Doc:
        names = self._name_matches(doc)
        titles = self._title_matches(doc)
        towns = self._towns_called_people(doc, names, titles)
        named_towns = self._towns_called_organizations(doc)
        candidates = [
            *self._people(doc, names, titles, towns),
            *self._groups(doc, names),
            *(self._from_entry(span, entry, "name") for span, entry in names),
            *self._unknown_organizations(doc, names, named_towns),
            *self._sector_nouns(doc),
            *self._places(doc, [*towns, *named_towns, *self._unnamed_towns(doc)]),
        ]
        candidates = [m for m in candidates if not (m.kind in _FILED_FROM and place_rules.dateline_part(doc[m.start : m.end]))]
        mentions = _join_owned_groups(doc, self._anaphors(doc, _resolve_overlaps(candidates)))
        mentions = [_ethnic(doc, m) for m in mentions]
        home = dateline_country(doc, self.gazetteer)
        group = []
        for mention in mentions:
            span = Span(doc, mention.start, mention.end, label=mention.kind)
            actor = mention.as_dict(doc, self.kb.countries)
            span._.sitrep_actor = at_home(actor, home) if home and mention.home else actor
            group.append(span)
        doc.spans[ACTORS] = group
        return doc

    def _name_matches(self, doc: Doc) -> list[tuple[Span, Entry]]:
        spans = filter_spans(Span(doc, s, e, label=m) for m, s, e in self.names(doc))
        stateless = self._stateless_places(doc)
        return [(span, _best_entry(self.kb.lookup(span.label_), doc, span)) for span in spans
                if not any(p.start <= span.start and span.end <= p.end for p in stateless)]

    def _stateless_places(self, doc: Doc) -> list[Span]:
        """Named places that belong to no one state, such as seas and straits: a country in
        their name is no actor ("the Gulf of Oman", "the Sea of Japan")."""
        found = []
        for ent in doc.ents:
            name = _without_article(ent)
            if ent.label_ in _PLACE_LABELS and len(name) > 1:
                entries = self.gazetteer.lookup(name.text)
                if entries and entries[0].country is None:
                    found.append(ent)
        return found

    def _title_matches(self, doc: Doc) -> dict[int, tuple[Span, Lexeme]]:
        spans = filter_spans(Span(doc, s, e, label=m) for m, s, e in self.titles(doc))
        found = {}
        for span in spans:
            lexeme = self.kb.titles[span.label_]
            for i in range(span.start, span.end):
                found[i] = (span, lexeme)
        return found

    def _people(self, doc: Doc, names: list[tuple[Span, Entry]], titles: dict, towns: list[Span]) -> list[Mention]:
        name_at = {i: (span, entry) for span, entry in names for i in range(span.start, span.end)}
        known: dict[str, Mention] = {}
        people = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent in towns or any(e.kind in {"country", "group", "organization"} for e in self.kb.lookup(ent.text)):
                continue
            mention = self._person(doc, ent, name_at, titles, known)
            known[doc[ent.end - 1].text] = mention
            people.append(mention)
        people.extend(_repeated_surnames(doc, known, people))
        for span, entry in names:
            if entry.kind == "person" and not any(m.start <= span.start < m.end for m in people):
                people.append(self._from_entry(span, entry, "person"))
        return people

    def _person(self, doc: Doc, ent: Span, name_at: dict, titles: dict, known: dict) -> Mention:
        start, title, code, organization = ent.start, None, None, None
        while start > ent.sent.start:
            prev = doc[start - 1]
            if prev.i in titles:
                title_span = titles[prev.i][0]
                title = title_span.text if title is None else f"{title_span.text} {title}"
                start = title_span.start
            elif prev.i in name_at and name_at[prev.i][1].kind in _PERSON_PREFIX_KINDS:
                code = code or name_at[prev.i][1].code
                organization = organization or (name_at[prev.i] if name_at[prev.i][1].kind == "organization" else None)
                start = name_at[prev.i][0].start
            elif prev.text in _POSSESSIVE and prev.i - 1 in name_at:
                start -= 1
            elif prev.dep_ in _MODIFIER_DEPS and start <= prev.head.i < ent.end and prev.pos_ in {"PROPN", "ADJ", "NOUN"}:
                start -= 1
            else:
                break
        entry = _person_entry(self.kb, ent, doc) or (self.kb.family_names.get(ent.text) if title else None)
        code = code or _country_of(ent, name_at)
        mention = Mention(start, ent.end, code, None, ent.text, "person", "actor.person.ner", "person", title=title)
        if organization is not None:  # "Houthi military spokesman Yahya Saree"
            mention.affiliation, mention.sector = organization[0].text, organization[1].sector
        self._add_apposition(mention, ent, titles, name_at)
        _inherit(mention, entry, known.get(doc[ent.end - 1].text))
        if mention.title and mention.sector is None:
            mention.sector = self._title_sector(mention.title)
        return mention

    def _anaphors(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Pronouns and definite descriptions ("it", "they", "the group") take the code of the
        actor they refer back to, within the last few sentences."""
        by_token = {i: m for m in mentions for i in m.tokens}
        added = []
        for token in doc:
            rule = self.kb.anaphors.get(token.lower_)
            if rule is None or token.dep_ not in rule.deps or not _refers(token, rule, by_token):
                continue
            existing = by_token.get(token.i)
            antecedent = _antecedent(mentions, token, rule) or _same_sector_earlier(mentions, token, rule, existing)
            if antecedent is None:
                continue
            if existing is not None:
                existing.code, existing.name, existing.country = antecedent.code, antecedent.name, antecedent.country
                if antecedent.kind == "person":
                    existing.kind, existing.title, existing.affiliation = "person", antecedent.title, antecedent.affiliation
                existing.evidence = f"{rule.id}+{existing.evidence}"
                continue
            added.append(Mention(token.i, token.i + 1, antecedent.code, rule.sector or antecedent.sector,
                                 antecedent.name, antecedent.kind, rule.id, "anaphor",
                                 title=antecedent.title, affiliation=antecedent.affiliation,
                                 country=antecedent.country))
        return sorted([*mentions, *added], key=lambda m: m.start)

    def _title_sector(self, title: str) -> str | None:
        words = title.lower()
        for phrase in sorted(self.kb.titles, key=len, reverse=True):
            if words.endswith(phrase):
                return self.kb.titles[phrase].sector
        return None

    def _add_apposition(self, mention: Mention, ent: Span, titles: dict, name_at: dict) -> None:
        appos = next((c for c in ent.root.children if c.dep_ == "appos"), None)
        if appos is None and ent.root.dep_ == "appos" and ent.root.head.i in titles:
            appos = ent.root.head
        if appos is None:
            return
        subtree = list(appos.subtree)
        if mention.title is None:
            mention.title = _title_text(appos)
        orgs = [e for e in ent.doc.ents if e.label_ == "ORG" and e.start >= subtree[0].i and e.end <= subtree[-1].i + 1]
        if orgs:
            mention.affiliation = _strip_article(orgs[0])
            org_entry = next((e for e in self.kb.lookup(mention.affiliation) if e.kind == "organization"), None)
            if org_entry and mention.code is None:
                mention.code = org_entry.code
        if mention.code is None:
            mention.code = next((name_at[t.i][1].code for t in subtree if t.i in name_at and name_at[t.i][1].kind == "country"), None)
        mention.evidence = "actor.person.appos"

    def _groups(self, doc: Doc, names: list[tuple[Span, Entry]]) -> Iterator[Mention]:
        organized = {i: entry.code for span, entry in names if entry.kind == "organization"
                     for i in range(span.start, span.end)}
        for span, entry in names:
            if entry.kind == "person" or entry.role == "capital":
                continue
            headed = _headed_noun(span)
            if headed is not None:
                lexeme = self._group_sector(headed)
                yield Mention(span.start, headed.i + 1, entry.code, lexeme.sector if lexeme else None, entry.name,
                              "group", f"{entry.id}+actor.headed_by", "group", country=entry.home)
                continue
            shared = _shared_noun(span)
            noun = shared[0] if shared else _modified_noun(span)
            if noun is not None and organized.get(noun.i, entry.code) != entry.code:
                continue  # "Yemen's Houthi rebels" are the Houthis, not a Yemeni sector
            lexeme = self._group_sector(noun) if noun is not None else None
            if lexeme is not None:
                end = span.end if shared and not shared[1] else noun.i + 1
                yield Mention(span.start, end, entry.code, lexeme.sector, entry.name, "group",
                              f"{entry.id}+{lexeme.id}", "group", country=entry.home)

    def _group_sector(self, noun: Token) -> Lexeme | None:
        """A sector noun's sector, unless a sector word modifies it ("rebel leaders" → REB);
        whether it is a home institution stays the noun's ("military drones" are no body)."""
        own = self._sector_of(noun)
        if own is None:
            return None
        modifiers = (self._sector_of(c) for c in noun.lefts if c.dep_ in {"compound", "amod"})
        modifier = next((m for m in modifiers if m is not None), None)
        return Lexeme(modifier.id, modifier.sector, own.home) if modifier else own

    def _sector_of(self, token: Token) -> Lexeme | None:
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        previous = token.nbor(-1).lower_ if token.i > 0 else None
        for phrase in (f"{previous} {token.lemma_.lower()}" if previous else None, token.lemma_.lower(), token.lower_):
            if phrase and phrase in self.kb.sector_words:
                return self.kb.sector_words[phrase]
        return None

    def _from_entry(self, span: Span, entry: Entry, round_name: str) -> Mention:
        if entry.role == "capital" and place_rules.read_use(span, self.place_cues)[0] is True:
            # "talks in Washington", "a bomb in the capital Kabul": the city, not its government
            return Mention(span.start, span.end, entry.code, None, entry.name, "place", f"{entry.id}+place", round_name,
                           country=entry.code)
        kind = entry.kind if entry.kind in {"country", "person", "organization", "group"} else "group"
        return Mention(span.start, span.end, entry.code, entry.sector, entry.name, kind, entry.id, round_name,
                       title=_current_title(entry, span.doc), country=entry.home)

    def _unknown_organizations(self, doc: Doc, names: list[tuple[Span, Entry]], towns: list[Span]) -> Iterator[Mention]:
        """Organizations NER finds and the knowledge base lacks. One named for its state ("the
        Sudan Doctors Network", "the Nigerian Union of Teachers") is a body of that state, coded
        with the state's code as CAMEO codes domestic bodies, and the sector of its head noun."""
        states = {i: entry.code for span, entry in names if entry.kind == "country" for i in range(span.start, span.end)}
        for ent in doc.ents:
            if ent.label_ == "ORG" and ent not in towns and any(t.is_alpha and len(t) > 1 for t in ent):
                start = _without_article(ent).start
                end = ent.end - (1 if ent[-1].text in _POSSESSIVE else 0)
                if end <= start:
                    continue
                span = doc[start:end]
                lexeme = self._sector_of(span.root)  # "the Interior Ministry": GOV
                sector, home = (lexeme.sector, lexeme.home) if lexeme else (None, False)
                state = next((states[t.i] for t in span if t.i in states and t.i != span.root.i), None)
                if state is None:
                    yield Mention(start, end, None, sector, span.text, "organization", "actor.org.ner", "ner", home=home)
                else:
                    yield Mention(start, end, state, sector, span.text, "organization",
                                  "actor.org.ner+named_for_state", "named_for_state", country=state)

    def _towns_called_people(self, doc: Doc, names: list[tuple[Span, Entry]], titles: dict) -> list[Span]:
        """PERSON entities that name a town and that nothing marks as a person: small models
        call "Kherson" and "Avdiivka" people. A title before the name, a person of that name in
        the knowledge base, a word of another person's name, a subject's place or a modifier's
        keeps the person reading ("Defense Secretary Austin", "Austin said", "the Bush
        administration")."""
        people = {i for span, entry in names if entry.kind == "person" for i in range(span.start, span.end)}
        name_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        towns = []
        for ent in doc.ents:
            if (ent.label_ != "PERSON" or ent.root.dep_ in _PERSON_DEPS or ent.start - 1 in titles
                    or ent.start in people or (len(ent) == 1 and ent.text in name_words)
                    or any(e.kind == "person" for e in self.kb.lookup(ent.text))):
                continue
            entries = self.gazetteer.lookup(ent.text)
            if entries and entries[0].feature in _PLACE_FEATURES and entries[0].country:
                towns.append(ent)
        return towns

    def _towns_called_organizations(self, doc: Doc) -> list[Span]:
        """ORG entities that are the whole name of a large town or a division ("El Obeid"), which
        small models take for organizations: no organization of the knowledge base bears them."""
        towns = []
        for ent in doc.ents:
            name = _without_article(ent)
            if ent.label_ != "ORG" or name.text.isupper() or self.kb.lookup(name.text):
                continue
            entries = self.gazetteer.lookup(name.text)
            top = entries[0] if entries else None
            if top is not None and top.country and (top.feature == "admin1" or top.population >= _LARGE_TOWN):
                towns.append(ent)
        return towns

    def _unnamed_towns(self, doc: Doc) -> list[Span]:
        """Proper nouns NER missed where a place is struck, shelled or taken ("Russia hit
        Kharkiv", "a strike on Kryvyi Rih"), unless a person of that name is known."""
        towns = []
        for token in doc:
            if token.pos_ != "PROPN" or token.ent_type_ or not place_rules.acted_on(token, self.place_cues):
                continue
            left = min((t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and not t.ent_type_),
                       default=token.i)
            span = doc[left : token.i + 1]
            if not any(e.kind == "person" for e in self.kb.lookup(span.text)):
                towns.append(span)
        return towns

    def _places(self, doc: Doc, towns: list[Span]) -> Iterator[Mention]:
        """Towns and regions stand for their country when they act or are acted on ("shelled
        Gorazde", "rockets from Gaza"); the places component decides separately whether
        they are also where something happened."""
        for ent in (*(e for e in doc.ents if e.label_ in _PLACE_LABELS), *towns):
            name = _without_article(ent)
            entries = self.gazetteer.lookup(name.text)
            top = entries[0] if entries else None
            if top is not None and top.feature in _PLACE_FEATURES and top.country:
                yield Mention(name.start, name.end, top.country, None, top.name, "place", f"actor.place.{top.feature}",
                              "place", country=top.country)

    def _sector_nouns(self, doc: Doc) -> Iterator[Mention]:
        for token in doc:
            if token.dep_ not in _PARTICIPANT_DEPS:
                continue
            lexeme = self._group_sector(token)
            if lexeme is None:
                continue
            start = min((c.i for c in token.lefts if c.dep_ in {"amod", "compound"}), default=token.i)
            yield Mention(start, token.i + 1, None, lexeme.sector, None, "group", lexeme.id, "sector", home=lexeme.home)
            if start < token.i:
                # the bare noun, for when a place takes the modifier ("Darfur" + "rebels")
                yield Mention(token.i, token.i + 1, None, lexeme.sector, None, "group", lexeme.id, "sector",
                              home=lexeme.home)


def _ethnic(doc: Doc, mention: Mention) -> Mention:
    """ "ethnic Albanians", "ethnic Turks": an ethnicity, not a state's people. The state is
    the one they live in, which the phrase around them may say ("in Serbia"); never the
    ethnicity's namesake."""
    ethnic = mention.start > 0 and doc[mention.start - 1].lower_ == "ethnic"
    if not ethnic or not mention.evidence.startswith(("actor.demonym.", "actor.people.")):
        return mention
    return Mention(mention.start - 1, mention.end, None, mention.sector or "CVL", doc[mention.start - 1 : mention.end].text,
                   "group", f"actor.ethnic+{mention.evidence}", mention.round)


def _join_owned_groups(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A code-less group owned by a coded actor becomes one mention: "its troops", "their
    leaders" → the owner's code with the group's sector."""
    by_token = {i: m for m in mentions for i in m.tokens}
    joined: dict[int, Mention] = {}
    for mention in mentions:
        if mention.round != "sector" or mention.code is not None:
            continue
        head = doc[mention.end - 1]
        owner = next((by_token[c.i] for c in head.lefts if c.dep_ in {"poss", "amod", "compound"}
                      and c.i in by_token and by_token[c.i].code and by_token[c.i] is not mention), None)
        if owner is not None and owner.end <= mention.start + 1:
            group = Mention(min(owner.start, mention.start), mention.end, owner.code, mention.sector, owner.name,
                            "group", f"{owner.evidence}+{mention.evidence}", "group", country=owner.country)
            joined[id(owner)] = joined[id(mention)] = group
    kept = {id(m): m for m in mentions if id(m) not in joined}
    kept.update({id(g): g for g in joined.values()})
    return sorted(kept.values(), key=lambda m: m.start)


def _country_of(ent: Span, name_at: dict) -> str | None:
    """The country in "King Hassan of Morocco", "President Ruto of Kenya"."""
    for prep in ent.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                entry = name_at.get(obj.i, (None, None))[1]
                if obj.dep_ == "pobj" and entry is not None and entry.kind == "country":
                    return entry.code
    return None


def _refers(token: Token, rule: Anaphor, by_token: dict[int, Mention]) -> bool:
    """A pronoun that is not expletive ("it is likely", "it was reported"), or "the" + a word
    not yet resolved."""
    if rule.pronoun:
        predicate = {c.lower_ for c in token.head.children if c.dep_ in {"acomp", "attr"}} | {token.head.lower_}
        return token.i not in by_token and not predicate & rule.not_with and not _bound_locally(token, by_token)
    existing = by_token.get(token.i)
    definite = token.i > 0 and token.nbor(-1).lower_ == "the"
    return definite and (existing is None or existing.code is None) and not _names_its_own(token, by_token)


def _bound_locally(token: Token, by_token: dict[int, Mention]) -> bool:
    """A possessive "their" after its verb's plural object that is no actor refers to that
    object: "forced more than 10 million from their homes" says nothing of the group named
    before."""
    if token.dep_ != "poss" or token.lower_ != "their":
        return False
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ in ("dobj", "nsubjpass") and c.i < token.i and c.i not in by_token
                                    and c.tag_ in ("NNS", "CD") for c in verb.children)


def _names_its_own(token: Token, by_token: dict[int, Mention]) -> bool:
    """ "the president of Armenia", "the government in Kabul": the phrase says whose it is."""
    return any(prep.dep_ == "prep" and prep.lower_ in {"of", "in"} and
               any(o.dep_ == "pobj" and o.i in by_token and by_token[o.i].code for o in prep.children)
               for prep in token.children)


def _antecedent(mentions: list[Mention], token: Token, rule: Anaphor) -> Mention | None:
    """The nearest earlier mention, within three sentences, of a kind the anaphor can point to;
    "the minister" points to the last person the text gave that title. A subject pronoun
    prefers a subject of its own or the previous sentence ("The United States, which has
    troops in Niger, said it had suspended aid": "it" is the United States)."""
    window = _window_start(token)
    candidates = [m for m in reversed(mentions) if m.end <= token.i and m.start >= window
                  and m.kind in rule.kinds and (rule.pronoun or not _describes(token.doc, m))]
    if rule.same_title:
        return next((m for m in candidates if token.lower_ in (m.title or "").lower()), None)
    coded = [m for m in candidates if m.code]
    if rule.pronoun and token.dep_ in _SUBJECTS:
        near = _window_start(token, sentences=2)
        subject = next((m for m in coded if m.start >= near and _is_subject(token.doc, m)
                        and _agrees(token, token.doc[m.start : m.end].root)), None)
        if subject is not None:
            return subject
    return coded[0] if coded else None


def _same_sector_earlier(mentions: list[Mention], token: Token, rule: Anaphor, existing: Mention | None) -> Mention | None:
    """Past the window, a definite sector noun ("the rebels") still points to the last coded
    actor of its sector anywhere before it: the M23 of the first paragraph. A state's own
    institutions ("the army", "police") do not reach so far; a dateline may place them."""
    sector = existing.sector if existing is not None else None
    if rule.pronoun or rule.same_title or sector is None or existing.home:
        return None
    return next((m for m in reversed(mentions) if m.end <= token.i and m.code and m.sector == sector
                 and m.kind in rule.kinds), None)


def _describes(doc: Doc, mention: Mention) -> bool:
    """A demonym describing something ("waving Russian flags") names no one "the country" or
    "the government" can point back to (a pronoun can: "British nationals ... they")."""
    root = doc[mention.start : mention.end].root
    return root.dep_ == "amod" and not mention.start <= root.head.i < mention.end


def _agrees(pronoun: Token, head: Token) -> bool:
    """ "they" wants a plural head ("the rebels"), "it" a singular one."""
    return (pronoun.lower_ in _PLURAL_PRONOUNS) == (head.tag_ in {"NNS", "NNPS"})


def _is_subject(doc: Doc, mention: Mention) -> bool:
    return doc[mention.start : mention.end].root.dep_ in _SUBJECTS


def _window_start(token: Token, sentences: int = 3) -> int:
    """The first token of the sentence `sentences` back from the token's own."""
    start = token.sent.start
    for _ in range(sentences - 1):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _case_variants(nlp: Language, phrase: str) -> list[Doc]:
    """The phrase tokenized as written and capitalized: "gen." splits where "Gen." does not."""
    variants = {phrase, phrase.title(), phrase.capitalize()}
    return [nlp.make_doc(text) for text in sorted(variants)]


def _resolve_overlaps(candidates: Iterable[Mention]) -> list[Mention]:
    """Keep the most specific mention for each token: people, then groups, then names."""
    taken: set[int] = set()
    kept = []
    for mention in sorted(candidates, key=lambda m: (_PRIORITY[m.round], -(m.end - m.start), m.start)):
        if mention.tokens & taken:
            continue
        taken |= mention.tokens
        kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _repeated_surnames(doc: Doc, known: dict[str, Mention], people: list[Mention]) -> Iterator[Mention]:
    """Later bare surnames of people named earlier ("Vidal said"), which NER often misses."""
    covered = {i for m in people for i in m.tokens}
    for token in doc:
        earlier = known.get(token.text)
        if earlier is None or token.i in covered or token.pos_ != "PROPN" or token.i < earlier.start:
            continue
        yield Mention(token.i, token.i + 1, earlier.code, earlier.sector, earlier.name, "person",
                      "actor.person.surname", "person", title=earlier.title, affiliation=earlier.affiliation,
                      country=earlier.country)


def _best_entry(entries: list[Entry], doc: Doc, span: Span) -> Entry:
    """Prefer a country reading of a name, a demonym reading of an adjective."""
    adjectival = span.root.dep_ in _MODIFIER_DEPS and span.root.head.i > span.root.i
    ranked = sorted(entries, key=lambda e: (e.role != ("demonym" if adjectival else "name"), e.kind != "country"))
    return ranked[0]


def _modified_noun(span: Span) -> Token | None:
    """The noun a name modifies ("North Korean" → troops, "Russia's" → army), if directly adjacent."""
    root = span.root
    if root.dep_ not in _MODIFIER_DEPS or root.head.i <= root.i:
        return None
    noun = root.head
    between = span.doc[span.end : noun.i]
    if any(t.is_punct and t.text not in _POSSESSIVE or t.pos_ in {"VERB", "ADP", "DET"} for t in between):
        return None
    return noun


def _headed_noun(span: Span) -> Token | None:
    """The group a name heads: "Saudi-led coalition", "Hamas-run ministry" (not "Iranian-backed
    militias": backing is not leading)."""
    participle = span.root.head
    if participle.lower_ not in _HEADED_BY or participle.i <= span.root.i or participle.dep_ not in {"amod", "compound"}:
        return None
    noun = participle.head
    return noun if noun.i > participle.i and noun.pos_ in {"NOUN", "PROPN"} else None


def _shared_noun(span: Span) -> tuple[Token, bool] | None:
    """The noun coordinated modifiers share ("Malian, Nigerien and Chadian troops"), and whether
    this one is the last of them: each state keeps its own mention, the last one takes the noun."""
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if not first.conjuncts or first.dep_ not in _MODIFIER_DEPS:
        return None
    last = max(c.i for c in (first, *first.conjuncts))
    noun = first.head
    between = span.doc[last + 1 : noun.i]
    if noun.i <= last or any(t.is_punct or t.pos_ in {"VERB", "ADP", "DET"} for t in between):
        return None
    return noun, root.i == last


def _person_entry(kb: KnowledgeBase, ent: Span, doc: Doc) -> Entry | None:
    for surface in (ent.text, doc[ent.end - 1].text):
        people = [e for e in kb.lookup(surface) if e.kind == "person"]
        if people:
            return people[0]
    return None


def _inherit(mention: Mention, entry: Entry | None, earlier: Mention | None) -> None:
    """Fill what the text leaves out from the knowledge base, then from an earlier mention."""
    for source in (entry, earlier):
        if source is None:
            continue
        mention.code = mention.code or source.code
        mention.sector = mention.sector or source.sector
        mention.country = mention.country or (source.home if isinstance(source, Entry) else source.country)
        if isinstance(source, Entry):
            mention.name = source.name
            mention.title = mention.title or _current_title(source, None)
            mention.evidence = source.id
        else:
            mention.name = source.name
            mention.title = mention.title or source.title
            mention.affiliation = mention.affiliation or source.affiliation


def _current_title(entry: Entry, doc: Doc | None) -> str | None:
    """The person's role at the publication date, or their latest one."""
    if not entry.roles:
        return None
    published = doc._.sitrep_published if doc is not None else None
    if published:
        for role in entry.roles:
            if (role.start or "") <= published and (role.end is None or published <= role.end):
                return role.title
    return entry.roles[-1].title


def _title_text(noun: Token) -> str:
    """A title written as an apposition head: "a senior fellow" → "senior fellow"."""
    lefts = [t for t in noun.lefts if t.dep_ in {"amod", "compound"}]
    start = lefts[0].i if lefts else noun.i
    return noun.doc[start : noun.i + 1].text


def _without_article(span: Span) -> Span:
    """The span without a leading "the": "the Gulf of Oman" → "Gulf of Oman"."""
    return span[1:] if span[0].lower_ == "the" else span


def _strip_article(span: Span) -> str:
    tokens = [t for t in span if t.lower_ != "the" and t.text not in _POSSESSIVE]
    return " ".join(t.text for t in tokens) if tokens else span.text
