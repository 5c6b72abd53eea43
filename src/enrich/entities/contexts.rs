//! Article-level evidence for the type of a bare (one-word) name: person
//! contexts ([`persons_by_context`]), and one type per word when the
//! tagger's own mentions agree clearly enough ([`one_type_per_word`]); one
//! referent for a name written both as a place and as an organization
//! ([`place_or_organization`]); and a person's full-name shape against the
//! tagger's organization or place ([`persons_by_full_name`]).
//!
//! A well-known person is often named by the surname alone, and the tagger
//! (trained on 1996 wire copy) may not know the name: it then follows the
//! gazetteer, which holds many small towns whose names are surnames too, or
//! types the word as an organization. English says a person in ways it
//! rarely says a place or a company: "the Roe administration", "Roe's
//! cabinet", "a Roe confidant", "Doe, Poe and Roe" among persons, and
//! "Roe said" of a place is rare unless the place is a capital or a large
//! city speaking for its government ("Washington said").
//!
//! **How a town weighs against a person context.** One such context in the
//! article outweighs a GeoNames town under [`SMALL_TOWN`] people, or a word
//! no list knows; a country, a US state, a larger city, a place or
//! organization of the hand-written lists, and a name in capitals keep
//! their type. The decision holds for every bare mention of the word in
//! the article, as the reader's does: one "the Roe administration" tells
//! what "Roe" is in "Roe visited the plant". So does a full name: the
//! given name alone ("Jane" of "Jane Roe") is that person, not a firm.

use super::gazetteer::{Knowledge, Known};
use super::model::Span;
use super::{fxhash, lower, KINSHIP};
use crate::event::EntityType;
use crate::text::Text;

/// Towns with fewer people than this yield to a person context.
pub(crate) const SMALL_TOWN: u32 = 100_000;

/// Nouns that only a person heads, after the name ("the Roe
/// administration", "a Roe confidant") or its possessive ("Roe's cabinet").
const PERSON_NOUNS: &[&str] = &[
    "administration",
    "administrations",
    "presidency",
    "candidacy",
    "cabinet",
    "confidant",
    "confidante",
    "confidants",
    "loyalist",
    "loyalists",
    "biographer",
];

/// Nouns that only a person's possessive heads ("Roe's death", "Roe's
/// funeral"): a company or a town is not said to die or be buried.
const PERSON_POSSESSED: &[&str] = &["death", "funeral", "obituary", "birthday", "grave"];

/// Subject pronouns of persons: "Roe said he would" tells a person where
/// "Acme said it would" tells a company.
const PERSON_SUBJECTS: &[&str] = &["he", "she"];

/// Words after which a name opens a clause as its subject ("and Roe said
/// he", "when Roe said she"), beside punctuation and the text's start.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "so", "then", "that", "when", "while", "after", "before", "because",
    "since", "if", "though", "although", "as",
];

/// Whether the bare name `w` may be retyped as a person: no country, state,
/// larger city or listed place or organization, no acronym.
pub(crate) fn may_be_person(kb: &Knowledge, text: &Text<'_>, i: usize) -> bool {
    let w = text.token_text(i);
    if !text.is_capitalized(i) || text.is_all_caps(i) || kb.is_country(w) || kb.is_us_state(w) {
        return false;
    }
    match kb.lookup(w).map(|e| e.known) {
        None | Some(Known::Entity(EntityType::Person)) => {
            kb.city_population(w).is_none_or(|p| p < SMALL_TOWN)
        }
        // A place only GeoNames knows, and a small one (the hand-written
        // lists' places, regions and continents have no population here).
        Some(Known::Entity(EntityType::Location)) => {
            kb.city_population(w).is_some_and(|p| p < SMALL_TOWN)
        }
        Some(_) => false,
    }
}

/// The token after `i`, lowercased, if any.
fn next_lower(text: &Text<'_>, i: usize) -> Option<String> {
    (i + 1 < text.tokens().len()).then(|| text.lower(i + 1).into_owned())
}

/// Whether a person context surrounds the one-word span `s`.
fn person_context(text: &Text<'_>, spans: &[Span], k: usize) -> bool {
    let s = &spans[k];
    let i = s.first;
    let next = next_lower(text, i);
    let is_person_noun = |w: Option<&str>| w.is_some_and(|w| PERSON_NOUNS.contains(&w));
    // "the Roe administration", "a Roe confidant"
    if is_person_noun(next.as_deref()) {
        return true;
    }
    // "Roe's cabinet", "Roe's wife"
    if matches!(text.get_text(i + 1), Some("'s" | "’s")) {
        let after = next_lower(text, i + 1);
        if is_person_noun(after.as_deref())
            || after
                .as_deref()
                .is_some_and(|w| KINSHIP.contains(&w) || PERSON_POSSESSED.contains(&w))
        {
            return true;
        }
    }
    // "Roe said" (the verbs of saying the rules already read as a person's
    // context): a company says things, a small town does not; but in "an
    // official in Smalltown said" the place is not the subject.
    // (a comma or a possessive before it may well open a subject: "In
    // May, Roe said")
    let after_preposition = i.checked_sub(1).is_some_and(|p| {
        let w = text.lower(p);
        w.chars().all(char::is_alphabetic) && super::PLACE_BEFORE.contains(&w.as_ref())
    });
    let speech = !after_preposition
        && next
            .as_deref()
            .is_some_and(|w| super::typing::SPEECH_AFTER.contains(&w));
    if s.kind == EntityType::Location && speech {
        return true;
    }
    // "Roe said he would …": a company says "it would"; the pronoun after
    // the verb of saying reports the speaker's own words. Only where the
    // name opens the clause: in "a columnist for Acme said he" the subject
    // is the columnist.
    let opens_clause = i.checked_sub(1).is_none_or(|p| {
        let w = text.lower(p);
        !w.chars().any(char::is_alphanumeric) || CLAUSE_OPENERS.contains(&w.as_ref())
    });
    if s.kind == EntityType::Organization
        && speech
        && opens_clause
        && next_lower(text, i + 1).is_some_and(|w| PERSON_SUBJECTS.contains(&w.as_str()))
    {
        return true;
    }
    coordinated_with_persons(text, spans, k)
}

/// Whether span `k` stands in a list of names joined by "and" or "or"
/// ("Doe, Poe and Roe", "Poe or Roe") whose other members are all persons:
/// at least one for a name typed as a place, two for an organization (a
/// pair of a person and a company or ship is common enough).
/// A comma alone makes no list ("in Smalltown, Roe said", "Jo Poe,
/// Acme's editor"), and a name before another capitalized word only
/// modifies it ("Poe and Acme Speaker Roe").
fn coordinated_with_persons(text: &Text<'_>, spans: &[Span], k: usize) -> bool {
    // the tokens between two list members: ",", "and", "or", ", and"; and
    // whether they hold the conjunction
    let join = |from: usize, to: usize| {
        let between: Vec<&str> = (from..to).map(|j| text.token_text(j)).collect();
        match between.as_slice() {
            [","] => Some(false),
            ["and"] | ["or"] | [",", "and"] | [",", "or"] => Some(true),
            _ => None,
        }
    };
    let s = &spans[k];
    if s.end < text.tokens().len() && text.is_capitalized(s.end) {
        return false;
    }
    let (mut members, mut conjunction) = (0, false);
    let mut j = k;
    while j > 0 {
        let Some(and) = join(spans[j - 1].end, spans[j].first) else {
            break;
        };
        if spans[j - 1].kind != EntityType::Person {
            return false;
        }
        members += 1;
        conjunction |= and;
        j -= 1;
    }
    let mut j = k;
    while j + 1 < spans.len() {
        let Some(and) = join(spans[j].end, spans[j + 1].first) else {
            break;
        };
        if spans[j + 1].kind != EntityType::Person {
            return false;
        }
        members += 1;
        conjunction |= and;
        j += 1;
    }
    let needed = if s.kind == EntityType::Organization {
        2
    } else {
        1
    };
    members >= needed && conjunction
}

/// Retype as a person every bare mention of a word the article shows to be
/// a person's name (see the module documentation). `spans` are in text order.
pub(crate) fn persons_by_context(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    let bare = |s: &Span| {
        s.end - s.first == 1 && matches!(s.kind, EntityType::Location | EntityType::Organization)
    };
    // The given names of persons the article names in full ("Jane" of
    // "Jane Roe"): a bare "Jane" elsewhere is that person, not a firm. A
    // given name the census lacks ("Zoltan" of "Zoltan Roe") counts when
    // no list knows the word as anything else and it is no title.
    let given: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.end - s.first >= 2)
        .map(|s| s.first)
        .filter(|&i| {
            let w = text.token_text(i);
            kb.is_first_name(w)
                || text.is_capitalized(i)
                    && !text.is_all_caps(i)
                    && kb.lookup(w).is_none()
                    && kb.title(&lower::lower(w)).is_none()
                    && !kb.is_non_name(&lower::lower(w))
        })
        .map(|i| text.token_text(i))
        .collect();
    // "Omar and Leila Haddad": a given name joined by "and" to a person's
    // full name is a person of that family (grouping gives it the surname)
    let couple = |k: usize| {
        let s = &spans[k];
        kb.is_first_name(text.token_text(s.first))
            && spans.get(k + 1).is_some_and(|n| {
                n.first == s.end + 1
                    && text.token_text(s.end) == "and"
                    && n.kind == EntityType::Person
                    && n.end - n.first >= 2
                    && kb.is_first_name(text.token_text(n.first))
            })
    };
    let mut persons: fxhash::FxHashSet<&str> = fxhash::FxHashSet::default();
    for k in 0..spans.len() {
        let s = &spans[k];
        let w = text.token_text(s.first);
        if bare(s)
            && may_be_person(kb, text, s.first)
            && (given.contains(w) || couple(k) || person_context(text, spans, k))
        {
            persons.insert(w);
        }
    }
    if persons.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        if bare(s) && persons.contains(text.token_text(s.first)) && may_be_person(kb, text, s.first)
        {
            s.kind = EntityType::Person;
        }
    }
}

/// A name shaped as a person's full name that the tagger typed as an
/// organization or a place is a person: a census given name that may name
/// one (no country, state, larger city or listed name), then a frequent
/// census surname ("Dale Okafor" where the tagger knew neither word), or
/// a middle initial and a surname no list knows ("Tam R. Velloway"); a
/// second census given name may stand in the middle ("Ann Marie Poe").
/// Evidence against keeps the type: a title, an organization, territory or
/// venue head ("Lena Park Avenue", "Jo Hall Inc."), a kinship noun last
/// ("Dale Brothers"), a whole or last word the lists know as anything but
/// a person, a determiner, "in", "at" or "from" or an opening quotation
/// mark before it ("the Vera Lake", "in Dale Poe", "the “Star Hill”
/// award"), or a capitalized word after it, which the tagger left out of a
/// longer name.
pub(crate) fn persons_by_full_name(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    let n = text.tokens().len();
    let initial = |i: usize| {
        let w = text.token_text(i).trim_end_matches('.');
        w.chars().count() == 1 && w.chars().all(char::is_uppercase)
    };
    let namey = |i: usize| {
        let w = text.token_text(i);
        let lw = lower::lower(w);
        text.is_capitalized(i)
            && !text.is_all_caps(i)
            && w.chars().count() > 1
            && kb.title_or_abbreviation(&lw).is_none()
            && !kb.is_non_name(&lw)
            && !kb.is_org_head(w)
            && !super::TERRITORY_HEADS.contains(&w)
            && !kb.is_misc_head(w, None)
            && kb
                .lookup(w)
                .is_none_or(|e| e.known == Known::Entity(EntityType::Person))
    };
    for s in spans.iter_mut() {
        if !matches!(s.kind, EntityType::Organization | EntityType::Location) {
            continue;
        }
        let words: Vec<usize> = (s.first..s.end)
            .filter(|&i| text.token_text(i) != ".")
            .collect();
        let (first, last) = match words.as_slice() {
            [f, l] | [f, _, l] => (*f, *l),
            _ => continue,
        };
        let middle_initial = words.len() == 3 && initial(words[1]);
        let middle_given =
            words.len() == 3 && namey(words[1]) && kb.is_first_name(text.token_text(words[1]));
        if words.len() == 3 && !middle_initial && !middle_given {
            continue;
        }
        // "Acme Brothers", "Poe & Sons": a kinship noun names a firm's
        // founders, though "Brothers" is a census surname too
        let kin = {
            let lw = lower::lower(text.token_text(last));
            let one = lw.strip_suffix('s').unwrap_or(&lw);
            KINSHIP.contains(&one) || KINSHIP.contains(&&*lw)
        };
        let surname = !kin
            && (kb.is_last_name(text.token_text(last))
                || middle_initial && !kb.is_known_place(text.token_text(last)));
        let before = s.first.checked_sub(1).map(|p| text.lower(p));
        // a determiner or a place's preposition, or an opening quotation
        // mark: a quoted name is a title or an award ("the “Vera Lake”
        // prize"), typed as the tagger saw fit
        let opened = before.as_deref().is_some_and(|w| {
            matches!(
                w,
                "the" | "a" | "an" | "in" | "at" | "from" | "near" | "outside"
            ) || matches!(w, "\"" | "“" | "''" | "``" | "‘" | "'")
        });
        let whole = super::typing::key(text, s.first, s.end);
        if kb.is_first_name(text.token_text(first))
            && namey(first)
            && may_be_person(kb, text, first)
            && namey(last)
            && surname
            && !opened
            && !(s.end < n && text.is_capitalized(s.end))
            && kb.lookup(&whole).is_none()
            && !kb.is_known_place(&whole)
        {
            s.kind = EntityType::Person;
        }
    }
}

/// One type per bare name in an article, when the tagger's own mentions
/// say so clearly: a one-word person, organization or place name that the
/// tagger typed one way more than twice as often as all other ways
/// together takes that type everywhere ("Roe said … Roe's firm … without
/// Roe's help" with one of them an organization). A move must fit what the
/// lists know of the word: a listed name keeps its listed type, only a word
/// the gazetteer knows as a place becomes one, only a word it does not
/// becomes an organization, and only a word that may name a person (no
/// country, state or larger city) becomes a person. The name of a person
/// the article names in full stays a person, and a place where the text
/// puts a place ("in Oduya", "Oduya County") stays a place.
pub(crate) fn one_type_per_word(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    let countable = |s: &Span| {
        s.end - s.first == 1
            && matches!(
                s.kind,
                EntityType::Person | EntityType::Location | EntityType::Organization
            )
    };
    let slot = |k: EntityType| match k {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        _ => 2,
    };
    let mut counts: fxhash::FxHashMap<&str, [usize; 3]> = fxhash::FxHashMap::default();
    for s in spans.iter().filter(|s| countable(s)) {
        counts.entry(text.token_text(s.first)).or_default()[slot(s.kind)] += 1;
    }
    // words of full names ("Jane", "Roe" of "Jane Roe")
    let named: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == EntityType::Person && s.end - s.first >= 2)
        .flat_map(|s| [text.token_text(s.first), text.token_text(s.end - 1)])
        .collect();
    for s in spans.iter_mut().filter(|s| countable(s)) {
        let w = text.token_text(s.first);
        let Some(c) = counts.get(w) else {
            continue;
        };
        let total: usize = c.iter().sum();
        let Some((best, &n)) = c.iter().enumerate().max_by_key(|&(_, n)| *n) else {
            continue;
        };
        let kind = [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Location,
        ][best];
        if kind == s.kind || n < 2 || n <= 2 * (total - n) {
            continue;
        }
        if s.kind == EntityType::Person && named.contains(w) {
            continue;
        }
        // a town named like the article's person stays a town where the
        // text puts a place ("a rally in Oduya")
        if s.kind == EntityType::Location && super::place_context(kb, text, s.first, s.end) {
            continue;
        }
        let listed = kb.lookup(w).map(|e| e.known);
        let place = kb.is_known_place(w);
        let fits = match listed {
            Some(Known::Entity(k)) if k != EntityType::Location || kind != EntityType::Location => {
                k == kind
            }
            Some(Known::Demonym) => false,
            _ => match kind {
                EntityType::Location => place,
                EntityType::Organization => !place,
                _ => may_be_person(kb, text, s.first),
            },
        };
        if fits {
            s.kind = kind;
        }
    }
}

/// One referent for a name the article writes both as a place and as an
/// organization, where the tagger's split is not clear enough for
/// [`one_type_per_word`] (a tie or a 2:1 split, or a name of several
/// words): a reader takes "Tarwick" of "in Tarwick" and of "Tarwick's
/// council" for one city, and "Zorvane" of "shares of Zorvane" and of "at
/// Zorvane" for one company. A country, a US state, a listed location or a
/// city of [`SMALL_TOWN`] people or more that the article types a place at
/// least twice is a place everywhere unless the organization mentions
/// outnumber it or one stands next to a number (a city's sports team,
/// which the training copy types an organization); a name no
/// list knows as a place is an organization where its organization
/// mentions outnumber its place mentions and the text never puts it where
/// a place stands ("in Zorvane", "Zorvane County": a province or a small
/// town the lists lack); a small GeoNames town is left alone. A name the
/// lists hold as an organization, and a name the article also gives a
/// person, are left to the other rules.
pub(crate) fn place_or_organization(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    let name = |s: &Span| text.token_span(s.first, s.end).map(|c| c.text);
    // [places, organizations, persons] per name
    let mut counts: fxhash::FxHashMap<&str, [usize; 3]> = fxhash::FxHashMap::default();
    for s in spans.iter() {
        let slot = match s.kind {
            EntityType::Location => 0,
            EntityType::Organization => 1,
            EntityType::Person => 2,
            _ => continue,
        };
        if let Some(n) = name(s) {
            counts.entry(n).or_default()[slot] += 1;
        }
    }
    // names the text puts where a place stands ("a plant in Tarwick"): a
    // province or a town the lists lack is still a place there
    let placed: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| {
            s.kind == EntityType::Location
                && s.first.checked_sub(1).is_some_and(|p| {
                    matches!(
                        text.token_text(p),
                        "in" | "near" | "outside" | "across" | "throughout"
                    )
                })
        })
        .filter_map(&name)
        .collect();
    // a city's team in a results line ("Leeds 2 Hull 1", "beat Leeds
    // 3-1"): an organization next to a number is a club, not a city
    let number = |i: usize| {
        text.get_text(i)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    let teams: fxhash::FxHashSet<&str> = spans
        .iter()
        .filter(|s| {
            s.kind == EntityType::Organization
                && (number(s.end) || s.first.checked_sub(1).is_some_and(number))
        })
        .filter_map(&name)
        .collect();
    let mut target: fxhash::FxHashMap<&str, EntityType> = fxhash::FxHashMap::default();
    for (&n, &[places, orgs, persons]) in &counts {
        if places == 0 || orgs == 0 || persons > 0 {
            continue;
        }
        let listed = kb.lookup(n).map(|e| e.known);
        if matches!(listed, Some(Known::Entity(EntityType::Organization))) {
            continue;
        }
        let large = kb.is_country(n)
            || kb.is_us_state(n)
            || matches!(listed, Some(Known::Entity(EntityType::Location)))
            || kb.city_population(n).is_some_and(|p| p >= SMALL_TOWN);
        if large {
            if places >= orgs.max(2) && !teams.contains(n) {
                target.insert(n, EntityType::Location);
            }
        } else if orgs > places && !kb.is_known_place(n) && !placed.contains(n) {
            target.insert(n, EntityType::Organization);
        }
    }
    if target.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        if !matches!(s.kind, EntityType::Location | EntityType::Organization) {
            continue;
        }
        let Some(&kind) = name(s).and_then(|n| target.get(n)) else {
            continue;
        };
        if kind == EntityType::Organization && super::place_context(kb, text, s.first, s.end) {
            continue;
        }
        s.kind = kind;
    }
}

/// Nouns of a company's or an institution's people and parts before "of" or
/// "at" and a name ("the chief executive of Acme", "a professor at Acme"),
/// or after its possessive ("Acme's shareholders"): a small town has a
/// mayor and residents, not these.
const COMPANY_NOUNS: &[&str] = &[
    "executive",
    "executives",
    "ceo",
    "chairman",
    "chairwoman",
    "head",
    "board",
    "founder",
    "co-founder",
    "cofounder",
    "shareholders",
    "investors",
    "employees",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "professor",
    "lecturer",
    "researcher",
    "researchers",
    "analyst",
    "analysts",
    "economist",
    "editor",
    "reporter",
    "correspondent",
    "columnist",
    "pollster",
];

/// Nouns that follow a company's possessive only ("Acme's parent
/// company", "Acme's stock"), beside [`COMPANY_NOUNS`].
const COMPANY_POSSESSED: &[&str] = &["parent", "stock", "shares", "subsidiary", "headquarters"];

/// Event heads that also end names of standing bodies (a sports league's
/// "Eastern Conference", a "Judicial Conference"): a name the tagger typed
/// as an organization with one of them last keeps its type.
const BODY_HEADS: &[&str] = &["Conference"];

/// Organization heads that also end names of territories ("a union" of
/// states, a river's "bank") or of buildings ("Arts Center", "St. Mary's
/// Church", as the training copy types a venue): a name the tagger typed as
/// a place with one of them last keeps its type.
const PLACE_HEADS: &[&str] = &[
    "Union", "Bank", "Center", "Centre", "Exchange", "Church", "Hospital", "Clinic", "Museum",
    "Library", "Club",
];

/// Whether the name `first..end` may be retyped from a place to an
/// organization: no country, US state, larger city, listed place or
/// acronym (which the lists and the tagger know better).
/// A body named after its seat ("White House") stays a place, as
/// `known_misc` leaves it.
fn may_be_organization(kb: &Knowledge, text: &Text<'_>, first: usize, end: usize) -> bool {
    let Some(sp) = text.token_span(first, end) else {
        return false;
    };
    let w = sp.text;
    if text.is_all_caps(first)
        || kb.is_country(w)
        || kb.is_us_state(w)
        || super::SEATS.contains(&text.token_text(end - 1))
    {
        return false;
    }
    match kb.lookup(w).map(|e| e.known) {
        None => true,
        Some(Known::Entity(EntityType::Location)) => {
            kb.city_population(w).is_some_and(|p| p < SMALL_TOWN)
        }
        Some(Known::Entity(EntityType::Organization)) => true,
        Some(_) => false,
    }
}

/// Whether a company's or an outlet's context surrounds span `s`:
/// "the chief executive of Acme", "a lecturer at Acme", "Acme's
/// shareholders", "Acme's parent company", "according to Acme." (the
/// source of a figure, with nothing after the name), "the Acme editor".
fn company_context(text: &Text<'_>, s: &Span) -> bool {
    let is = |i: Option<usize>, set: &[&str]| {
        i.filter(|&i| i < text.tokens().len())
            .is_some_and(|i| set.contains(&text.lower(i).as_ref()))
    };
    // skip one article before the name
    let mut p = s.first.checked_sub(1);
    if p.is_some_and(|p| text.lower(p) == "the") {
        p = p.and_then(|p| p.checked_sub(1));
    }
    // the name closes the phrase: in "the chairman of the Acme County
    // party" it only modifies
    let closes = text
        .get_text(s.end)
        .is_none_or(|w| !w.starts_with(char::is_alphanumeric))
        || !text.is_capitalized(s.end);
    let prep = p.filter(|&p| matches!(text.lower(p).as_ref(), "of" | "at"));
    if closes && is(prep.and_then(|p| p.checked_sub(1)), COMPANY_NOUNS) {
        return true;
    }
    // "according to Acme." / "according to Acme, …": the name ends the
    // phrase (in "according to Acme data" it only modifies).
    let to = p.filter(|&p| text.lower(p) == "to");
    let according = to
        .and_then(|p| p.checked_sub(1))
        .is_some_and(|q| text.lower(q) == "according");
    let ends = text
        .get_text(s.end)
        .is_none_or(|w| matches!(w, "." | "," | ";" | ":" | ")" | "”" | "\""));
    if according && ends {
        return true;
    }
    // "Acme's shareholders", "Acme's parent company"
    if matches!(text.get_text(s.end), Some("'s" | "’s"))
        && (is(Some(s.end + 1), COMPANY_NOUNS) || is(Some(s.end + 1), COMPANY_POSSESSED))
    {
        return true;
    }
    // "the Acme editor", "an Acme spokeswoman"
    let determiner = s
        .first
        .checked_sub(1)
        .is_some_and(|p| matches!(text.lower(p).as_ref(), "the" | "a" | "an"));
    determiner && is(Some(s.end), COMPANY_NOUNS)
}

/// Organizations the tagger typed as places or persons, by what the name
/// says of itself or what surrounds it:
/// - an event, law or treaty head last makes a name MISC ("the Harbor
///   Rights Act", "the Northfield Summit"), as CoNLL types them; not a
///   person's "First Last" ("Ann Summit");
/// - an organization head last makes a name the tagger typed as a place
///   or a person an organization ("the Roe Foundation", "Lakeview
///   Capital"), unless the lists or GeoNames know it as a place or it
///   opens with a given name ("Ann Post");
/// - a company's context ([`company_context`]) makes a name typed as a
///   place an organization, and every other mention of it typed so, unless
///   it may not be one ([`may_be_organization`]); "virus" or "fever" after
///   it makes them MISC, a disease ("the Tolworth virus").
pub(crate) fn organizations_by_context(kb: &Knowledge, text: &Text<'_>, spans: &mut [Span]) {
    let mut companies: fxhash::FxHashSet<&str> = fxhash::FxHashSet::default();
    let mut diseases: fxhash::FxHashSet<&str> = fxhash::FxHashSet::default();
    for s in spans.iter_mut() {
        let n = s.end - s.first;
        if s.kind == EntityType::Misc {
            continue;
        }
        // "Acme Corp." ends with its dot
        let last = match text.token_text(s.end - 1) {
            "." if n > 2 => text.token_text(s.end - 2),
            w => w,
        };
        let given = kb.is_first_name(text.token_text(s.first));
        let last2 = (n >= 3)
            .then(|| text.token_span(s.end - 2, s.end).map(|sp| sp.text))
            .flatten();
        let body = s.kind == EntityType::Organization && BODY_HEADS.contains(&last);
        if n >= 2 && !given && !body && kb.is_event_head(last, last2) {
            s.kind = EntityType::Misc;
            continue;
        }
        let place = text
            .token_span(s.first, s.end)
            .is_some_and(|sp| kb.city_population(sp.text).is_some());
        if n >= 2
            && kb.is_org_head(last)
            && !(s.kind == EntityType::Location && PLACE_HEADS.contains(&last))
            && !given
            && !place
            && matches!(s.kind, EntityType::Location | EntityType::Person)
            && may_be_organization(kb, text, s.first, s.end)
        {
            s.kind = EntityType::Organization;
            continue;
        }
        if s.kind == EntityType::Location && may_be_organization(kb, text, s.first, s.end) {
            // "the Tolworth virus": a disease named after a place is
            // MISC, and so is every bare "Tolworth" of the article
            let disease = text
                .get_text(s.end)
                .is_some_and(|w| matches!(lower::lower(w).as_ref(), "virus" | "fever"));
            let set = if disease {
                &mut diseases
            } else if company_context(text, s) {
                &mut companies
            } else {
                continue;
            };
            if let Some(sp) = text.token_span(s.first, s.end) {
                set.insert(sp.text);
            }
        }
    }
    if companies.is_empty() && diseases.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        let Some(sp) = text.token_span(s.first, s.end) else {
            continue;
        };
        if s.kind != EntityType::Location {
            continue;
        }
        if diseases.contains(sp.text) {
            s.kind = EntityType::Misc;
        } else if companies.contains(sp.text) {
            s.kind = EntityType::Organization;
        }
    }
}
