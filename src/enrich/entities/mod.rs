//! Entities stage: person, organization, location and misc names, grouped
//! under canonical names.
//!
//! The pipeline over the shared tokens of [`Text`]:
//! 1. [`candidates`]: runs of capitalized tokens that may be names, with
//!    sentence-initial and headline capitals filtered by evidence;
//! 2. [`typing`]: each run split into mentions (titles peeled off persons and
//!    kept as roles) and typed from the [`gazetteer`] knowledge, name shapes,
//!    context cues and document-level consistency;
//! 3. article-level fixes: an unknown acronym takes the type of the name it
//!    abbreviates ("WWDC"), a US city followed by a comma and its state is
//!    one location ("San Francisco, California") with the state nested as its
//!    own mention, a country before "government" is one location;
//! 4. [`modifiers`]: organization names that only modify a noun ("Apple
//!    engineers", "Apple CEO Steve Jobs") are hidden: no mention, but they
//!    still name their entity;
//! 5. [`grouping`]: mentions of one entity under its fullest name (a short
//!    organization name prefers its legal name, "Apple" -> "Apple Inc."), with
//!    role phrases resolved to persons as references.
//!
//! Speed: word tables hash with [`fxhash`], lowercasing happens on the stack
//! ([`lower`]), phrase keys are borrowed from the body where it reads the
//! same, and the article-wide word sets store only the words asked about.

pub mod candidates;
pub mod fxhash;
pub mod gazetteer;
pub mod grouping;
pub mod lower;
pub mod modifiers;
pub mod typing;

use super::{Document, Enrichment, Stage};
use crate::event::{Entity, EntityType};
use crate::text::Text;
use candidates::DocInfo;
use gazetteer::Knowledge;
use typing::{Raw, RolePhrase};

/// The entity recognizer with its loaded knowledge (gazetteers, name lists).
pub struct EntitiesStage {
    /// Gazetteers and lexicons, parsed once.
    kb: Knowledge,
}

impl EntitiesStage {
    /// Load the knowledge compiled into the binary.
    pub fn new() -> Self {
        EntitiesStage {
            kb: Knowledge::load(),
        }
    }

    /// Approximate heap bytes held by the loaded knowledge.
    pub fn knowledge_bytes(&self) -> usize {
        self.kb.heap_bytes()
    }

    /// Find and group every name mention in `text`.
    pub fn extract(&self, text: &Text<'_>) -> Vec<Entity> {
        if text.tokens().is_empty() {
            return Vec::new();
        }
        let kb = &self.kb;
        let doc = DocInfo::new(text);
        let mut raws: Vec<Raw> = Vec::new();
        let mut roles: Vec<RolePhrase> = Vec::new();
        for run in candidates::runs(kb, &doc, text) {
            typing::type_run(kb, &doc, text, run, &mut raws, &mut roles);
        }
        typing::resolve(text, &mut raws);
        number_names(text, &mut raws);
        // "US dollars": a currency name, not a mention of the place.
        raws.retain(|r| {
            !(r.kind == Some(EntityType::Location)
                && text.get_text(r.end).is_some_and(|w| {
                    w.eq_ignore_ascii_case("dollar") || w.eq_ignore_ascii_case("dollars")
                }))
        });
        acronyms(text, &mut raws);
        city_state(kb, text, &mut raws);
        city_ap_state(kb, text, &mut raws);
        country_government(kb, text, &mut raws);
        modifiers::hide_modifiers(kb, text, &mut raws);
        attach_the(kb, text, &doc, &mut raws);
        lowercase_roles(kb, text, &mut roles);
        raws.sort_by_key(|r| r.first);
        grouping::group(kb, text, &raws, &roles)
    }
}

/// "The Telegraph", "The Beatles": a capitalized "The" right before an
/// organization or other name belongs to it (never before a title modifier,
/// a place or a person, and never in headlines).
fn attach_the(kb: &Knowledge, text: &Text<'_>, doc: &DocInfo<'_>, raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        let Some(p) = r.first.checked_sub(1) else {
            continue;
        };
        if r.modifier
            || doc.in_headline(text, p)
            || !matches!(r.kind, Some(EntityType::Organization | EntityType::Misc))
            || text.token_text(p) != "The"
            || text
                .token_span(r.first, r.end)
                .and_then(|s| kb.lookup(s.text))
                .is_some_and(|e| e.known == gazetteer::Known::Demonym)
        {
            continue;
        }
        // A name followed by a title is a modifier of it ("The Apple CEO").
        r.first = p;
    }
}

/// Name words of tokens `first..end` (punctuation and a leading "The" left
/// out), as grouping compares them.
fn name_words<'a>(text: &Text<'a>, first: usize, end: usize) -> Vec<&'a str> {
    let first = if end - first > 1 && text.token_text(first) == "The" {
        first + 1
    } else {
        first
    };
    (first..end)
        .map(|i| text.token_text(i))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// An acronym the gazetteer does not know takes the type of the name it
/// abbreviates in the same article: "WWDC" after "Worldwide Developers
/// Conference" is an event, not a company. Right after a name in
/// parentheses it may spell only the name's last words ("iPhone Software
/// Development Kit (SDK)"), and joins that name.
fn acronyms(text: &Text<'_>, raws: &mut [Raw]) {
    let longs: Vec<(usize, usize, EntityType, Vec<&str>)> = raws
        .iter()
        .filter(|r| r.end - r.first >= 2 && r.strong && r.canonical.is_none())
        .filter_map(|r| Some((r.first, r.end, r.kind?, name_words(text, r.first, r.end))))
        .collect();
    for r in raws.iter_mut() {
        if r.end - r.first != 1 || r.modifier {
            continue;
        }
        let acr = text.token_text(r.first);
        if !text.is_all_caps(r.first) {
            continue;
        }
        // "(SDK)" right after a name.
        let paren = r.first >= 2
            && text.get_text(r.first - 1) == Some("(")
            && text.get_text(r.end) == Some(")");
        if paren {
            if let Some((_, _, kind, ws)) = longs.iter().find(|l| l.1 + 1 == r.first) {
                let spelled = (0..ws.len().saturating_sub(1))
                    .any(|k| grouping::is_acronym_of(acr, ws.get(k..).unwrap_or_default()));
                if spelled {
                    // Joins the full name, even when it spells only its last words.
                    r.kind = Some(*kind);
                    r.strong = true;
                    r.canonical = Some(ws.join(" "));
                    continue;
                }
            }
        }
        if r.strong {
            continue;
        }
        let kinds: Vec<EntityType> = longs
            .iter()
            .filter(|l| grouping::is_acronym_of(acr, &l.3))
            .map(|l| l.2)
            .collect();
        if let Some(&k) = kinds.first() {
            if kinds.iter().all(|&x| x == k) {
                r.kind = Some(k);
                r.strong = true;
            }
        }
    }
}

/// "San Francisco, California": a place followed by a comma and a US state
/// is one location (the way US news writes a city), unless the place is
/// itself a state or country ("Texas, California and Florida" is a list).
/// The state keeps its own (nested) mention.
fn city_state(kb: &Knowledge, text: &Text<'_>, raws: &mut [Raw]) {
    raws.sort_by_key(|r| r.first);
    let mut i = 0;
    while i + 1 < raws.len() {
        let (a, b) = (&raws[i], &raws[i + 1]);
        let city = key_of(text, a.first, a.end);
        let state = key_of(text, b.first, b.end);
        let joined = a.kind == Some(EntityType::Location)
            && b.kind == Some(EntityType::Location)
            && b.first == a.end + 1
            && text.get_text(a.end) == Some(",")
            && kb.is_us_state(&state)
            && !kb.is_us_state(&city)
            && !kb.is_country(&city)
            && !a.modifier
            && !b.modifier
            // "Texas, California and Florida": a list goes on after the state.
            && !matches!(text.get_text(b.end), Some("and" | "or"));
        if joined {
            let canonical = a.canonical.clone().unwrap_or(city);
            let end = b.end;
            // The state stays a mention of its own, nested in the city's:
            // the article names both places.
            if let Some(r) = raws.get_mut(i) {
                r.end = end;
                r.canonical = Some(canonical);
                r.strong = true;
            }
            i += 1;
        }
        i += 1;
    }
}

/// AP-style state abbreviations, only read after "City," ("Cupertino,
/// Calif."): alone many are words or names ("Miss.", "La.").
const AP_STATES: &[&str] = &[
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
    "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.",
    "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
];

/// One past the last token of an AP state abbreviation starting at token
/// `i` (its pieces written without spaces: "N.Y.", "Calif" + ".").
fn ap_state_end(text: &Text<'_>, i: usize) -> Option<usize> {
    let mut s = String::new();
    for j in i..(i + 4).min(text.tokens().len()) {
        if j > i && text.tokens()[j].space_before {
            break;
        }
        s.push_str(text.token_text(j));
        if s.len() > 6 {
            break;
        }
        if AP_STATES.contains(&s.as_str()) {
            return Some(j + 1);
        }
    }
    None
}

/// "Cupertino, Calif.": a place, a comma and an AP state abbreviation are
/// one location; the abbreviation's own mention (if any) goes.
fn city_ap_state(kb: &Knowledge, text: &Text<'_>, raws: &mut Vec<Raw>) {
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in raws.iter_mut() {
        if r.kind != Some(EntityType::Location) || r.modifier {
            continue;
        }
        let city = key_of(text, r.first, r.end);
        if kb.is_us_state(&city) || kb.is_country(&city) || text.get_text(r.end) != Some(",") {
            continue;
        }
        if let Some(e) = ap_state_end(text, r.end + 1) {
            merged.push((r.end + 1, e));
            r.canonical = Some(r.canonical.clone().unwrap_or(city));
            r.end = e;
            r.strong = true;
        }
    }
    raws.retain(|r| !merged.iter().any(|&(a, b)| r.first >= a && r.end <= b));
}

/// "the US government": a country and a following lowercase "government"
/// are one location, the country acting (as "US Government" is).
fn country_government(kb: &Knowledge, text: &Text<'_>, raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        let government = text.get_text(r.end) == Some("government")
            && text.tokens().get(r.end).is_some_and(|t| t.space_before)
            && same_sentence(text, r.end - 1, r.end);
        if government
            && r.kind == Some(EntityType::Location)
            && kb.is_country(&key_of(text, r.first, r.end))
        {
            // Its own entity, like "US Government": not the country's name.
            r.canonical = None;
            r.end += 1;
        }
    }
}

fn same_sentence(text: &Text<'_>, a: usize, b: usize) -> bool {
    let t = text.tokens();
    matches!((t.get(a), t.get(b)), (Some(x), Some(y)) if x.sentence == y.sentence)
}

fn key_of(text: &Text<'_>, first: usize, end: usize) -> String {
    typing::key(text, first, end).into_owned()
}

/// "Russel 2000", "iPhone 4", "Windows 11": a name that is not a known person,
/// place or organization, directly followed by a number, is a product or
/// index name that includes the number.
fn number_names(text: &Text<'_>, raws: &mut [Raw]) {
    let n = text.tokens().len();
    for r in raws.iter_mut() {
        if r.end >= n || r.modifier {
            continue;
        }
        let t = text.tokens()[r.end];
        let same = text.tokens()[r.end - 1].sentence == t.sentence;
        let weakly_typed = !r.strong || r.kind == Some(EntityType::Misc);
        if t.kind == crate::text::TokenKind::Number
            && t.space_before
            && same
            && weakly_typed
            && text.token_text(r.end).len() <= 5
        {
            r.end += 1;
            r.kind = Some(EntityType::Misc);
            r.strong = true;
        }
    }
}

/// Lowercase role phrases ("the treasury secretary", "the president") that
/// do not precede a name: candidates for references.
fn lowercase_roles(kb: &Knowledge, text: &Text<'_>, roles: &mut Vec<RolePhrase>) {
    let n = text.tokens().len();
    let mut i = 0;
    while i < n {
        if !text.token_text(i).eq_ignore_ascii_case("the") {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut head = None;
        while j < n && j <= i + 4 {
            let lw = lower::lower(text.token_text(j));
            if kb.title(&lw) == Some(false) {
                head = Some(j);
                j += 1;
                continue;
            }
            if head.is_none()
                && (kb.is_title_modifier(&lw)
                    || text.is_capitalized(j)
                    || kb.lookup(text.token_text(j)).is_some())
            {
                j += 1;
                continue;
            }
            break;
        }
        if let Some(h) = head {
            let end = h + 1;
            let before_name = candidates::namey(text, end);
            if !before_name && !roles.iter().any(|r| r.first <= h && h < r.end) {
                roles.push(RolePhrase { first: i, end });
            }
            i = end;
        } else {
            i += 1;
        }
    }
    roles.sort_by_key(|r| r.first);
}

impl Default for EntitiesStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for EntitiesStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment) {
        out.entities = self.extract(&doc.text);
    }
}

#[cfg(test)]
mod tests;
